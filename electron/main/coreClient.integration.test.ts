// CoreClient driving the real core entry (electron/core/entry.ts) in a Node child process, the
// way main drives it in a utilityProcess: real SQLite in a temp folder, a real SIGKILL.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, inject, vi } from 'vitest';
import { CoreClient, type CoreChannel } from './coreClient';

// Core's entry, bundled once for the run by test/core/coreEntryBuild.ts (no tsx per fork).
const ENTRY = inject('coreEntryBundle');
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function coreSpawner(dataDir: string) {
  const spawned: ChildProcess[] = [];
  const spawn = (): CoreChannel => {
    const child = fork(ENTRY, ['--data-dir', dataDir], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    children.push(child);
    spawned.push(child);
    return {
      send: (message) => child.send(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.on('exit', (code) => listener(code)),
      kill: () => child.kill('SIGKILL'),
    };
  };
  return { spawn, spawned };
}

describe('CoreClient with the real core process', () => {
  it('answers calls, survives a SIGKILL with its data intact, and shuts down cleanly', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-main-core-'));
    dirs.push(dataDir);
    const { spawn, spawned } = coreSpawner(dataDir);
    const client = new CoreClient({ spawn, log: { info: vi.fn(), warn: vi.fn(), error: vi.fn() } });

    expect(await client.call('listAccounts', {})).toEqual({ ok: true, value: [] });
    const added = await client.call('beginSignIn', { network: 'sample', followers: 20, following: 5, seed: 7 });
    expect(added.ok).toBe(true);
    const invalid = await client.call('getBoardCounts', { accountId: 'one' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    spawned[0]?.kill('SIGKILL');
    await vi.waitFor(() => expect(spawned).toHaveLength(2));
    const accounts = await client.call('listAccounts', {});
    expect(accounts.ok && (accounts.value as unknown[]).length).toBe(1);

    await client.stop();
    const last = spawned[1];
    if (last && last.exitCode === null && last.signalCode === null) await new Promise((resolve) => last.once('exit', resolve));
    expect(last?.exitCode).toBe(0);
  });
});
