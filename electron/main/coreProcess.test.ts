import { basename } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const electron = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const { PassThrough } = await import('node:stream');
  class FakeUtilityProcess extends EventEmitter {
    readonly posted: unknown[] = [];
    readonly stdout = new PassThrough();
    readonly stderr = new PassThrough();
    postMessage(message: unknown): void {
      this.posted.push(message);
      if ((message as { type: string }).type === 'shutdown') setImmediate(() => this.emit('exit', 0));
    }
    kill(): boolean {
      this.emit('exit', 1);
      return true;
    }
  }
  type ForkOptions = { serviceName?: string; stdio?: string };
  const forked: Array<{ modulePath: string; args?: string[]; options?: ForkOptions; child: FakeUtilityProcess }> = [];
  return {
    forked,
    utilityProcess: {
      fork: (modulePath: string, args?: string[], options?: ForkOptions) => {
        const child = new FakeUtilityProcess();
        forked.push({ modulePath, args, options, child });
        return child;
      },
    },
  };
});
vi.mock('electron', () => electron);

const { startCoreProcess } = await import('./coreProcess');

describe('startCoreProcess', () => {
  it('forks core.js in a utilityProcess with the data dir and speaks the wire protocol to it', async () => {
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const client = startCoreProcess({ dataDir: '/home/ada/.config/Rapport', log, dataKey: () => 'a2V5' });
    const forked = electron.forked[0];
    if (!forked) throw new Error('nothing forked');
    expect(basename(forked.modulePath)).toBe('core.js');
    expect(forked.args).toEqual(['--data-dir', '/home/ada/.config/Rapport', '--sample-page-delay-ms', '40']);
    expect(forked.options?.serviceName).toBe('Rapport core');

    const call = client.call('listAccounts', {});
    // The data key goes first, before any call.
    expect(forked.child.posted).toEqual([{ type: 'init', dataKey: 'a2V5' }]);
    forked.child.emit('message', { type: 'ready' });
    expect(forked.child.posted).toEqual([
      { type: 'init', dataKey: 'a2V5' },
      { type: 'call', id: 1, method: 'listAccounts', input: {} },
    ]);
    forked.child.emit('message', { type: 'result', id: 1, envelope: { ok: true, value: [] } });
    expect(await call).toEqual({ ok: true, value: [] });

    await client.stop();
    expect(forked.child.posted.at(-1)).toEqual({ type: 'shutdown' });
  });

  it("sends core's console output to the app log, line by line", async () => {
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    startCoreProcess({ dataDir: '/tmp/rapport', log, dataKey: () => null });
    const forked = electron.forked.at(-1);
    if (!forked) throw new Error('nothing forked');
    expect(forked.options?.stdio).toBe('pipe');
    forked.child.stdout.write('migrated to version 1\nsync started\n');
    forked.child.stderr.write('slow query: 80 ms\n');
    await vi.waitFor(() => expect(log.info).toHaveBeenCalledTimes(2));
    expect(log.info).toHaveBeenCalledWith('[core]', 'sync started');
    await vi.waitFor(() => expect(log.warn).toHaveBeenCalledWith('[core]', 'slow query: 80 ms'));
  });
});
