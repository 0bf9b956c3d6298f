import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RapportEvent } from '../../shared/api/events';
import { CoreClient, type CoreChannel } from './coreClient';

const FIXTURE = fileURLToPath(new URL('./coreClient.fixture.ts', import.meta.url));

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** A real Node child process behind the same CoreChannel main uses for a utilityProcess. */
function forkCore(args: string[] = []): CoreChannel & { child: ChildProcess } {
  const child = fork(FIXTURE, args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(child);
  return {
    child,
    send: (message) => child.send(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => child.kill('SIGKILL'),
  };
}

/** A spawner that remembers every process it started. */
function recordingSpawner(args: string[] = []) {
  const spawned: Array<ReturnType<typeof forkCore>> = [];
  const spawn = (): CoreChannel => {
    const channel = forkCore(args);
    spawned.push(channel);
    return channel;
  };
  const child = (index: number): ChildProcess => {
    const channel = spawned[index];
    if (!channel) throw new Error(`no process #${index}`);
    return channel.child;
  };
  return { spawn, spawned, child };
}

function silentLog() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
}

function pidOf(envelope: { ok: boolean; value?: unknown }): number {
  if (!envelope.ok) throw new Error('call failed');
  return (envelope.value as { pid: number }).pid;
}

async function exitOf(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => child.once('exit', () => resolve()));
}

describe('CoreClient over a real child process', () => {
  it('holds calls until core is ready, then correlates every result with its call', async () => {
    const client = new CoreClient({ spawn: recordingSpawner().spawn, log: silentLog() });
    const results = await Promise.all([
      client.call('listAccounts', {}),
      client.call('getBoardCounts', { accountId: 7 }),
      client.call('getProfile', { accountId: 7, personId: 9 }),
    ]);
    expect(results.map((r) => (r.ok ? (r.value as { input: unknown }).input : null))).toEqual([
      {},
      { accountId: 7 },
      { accountId: 7, personId: 9 },
    ]);
    await client.stop();
  });

  it('surfaces core events to subscribers', async () => {
    const client = new CoreClient({ spawn: () => forkCore(), log: silentLog() });
    const seen: RapportEvent[] = [];
    client.onEvent((event) => seen.push(event));
    expect(await client.call('cancelSync', { accountId: 1 })).toEqual({ ok: true, value: { cancelled: true } });
    expect(seen).toEqual([{ event: 'people.changed', payload: { accountId: 1, personIds: null } }]);
    await client.stop();
  });

  it('fails the in-flight call when core is killed, restarts it once, then gives up', async () => {
    const { spawn, spawned, child } = recordingSpawner();
    const log = silentLog();
    const client = new CoreClient({ spawn, log });

    const firstPid = pidOf(await client.call('listAccounts', {}));
    const hanging = client.call('startSync', { accountId: 1 });
    child(0).kill('SIGKILL');
    const failed = await hanging;
    expect(failed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });

    // The restarted process answers new calls.
    const secondPid = pidOf(await client.call('listAccounts', {}));
    expect(spawned).toHaveLength(2);
    expect(secondPid).not.toBe(firstPid);

    // A second death is final: every call now fails fast with a sentence the user can act on.
    const hangingAgain = client.call('startSync', { accountId: 1 });
    child(1).kill('SIGKILL');
    expect((await hangingAgain).ok).toBe(false);
    const after = await client.call('listAccounts', {});
    expect(after).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/restart Rapport/) } });
    expect(spawned).toHaveLength(2);
    expect(log.error).toHaveBeenCalled();
  });

  it('passes a fatal error (a database from a newer Rapport) through without restarting', async () => {
    const { spawn, spawned } = recordingSpawner(['--fatal']);
    const client = new CoreClient({ spawn, log: silentLog() });
    const result = await client.call('listAccounts', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'DB_TOO_NEW' } });
    expect(await client.call('listAccounts', {})).toMatchObject({ ok: false, error: { code: 'DB_TOO_NEW' } });
    expect(spawned).toHaveLength(1);
  });

  it('sends shutdown on stop and waits for core to exit', async () => {
    const { spawn, spawned, child } = recordingSpawner();
    const client = new CoreClient({ spawn, log: silentLog() });
    await client.whenReady();
    const hanging = client.call('startSync', { accountId: 1 });
    await client.stop();
    await exitOf(child(0));
    expect(child(0).exitCode).toBe(0);
    expect(await hanging).toMatchObject({ ok: false, error: { message: 'Rapport is shutting down.' } });
    expect(await client.call('listAccounts', {})).toMatchObject({ ok: false });
    expect(spawned).toHaveLength(1);
  });
});
