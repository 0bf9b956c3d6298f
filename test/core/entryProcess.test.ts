// entry.ts across a real process boundary: ready, calls, events, errors, shutdown.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncProgress } from '../../shared/domain';
import { DATABASE_FILE } from '../../electron/core/createCore';
import { parseEntryArgs } from '../../electron/core/entryArgs';
import { makeTempDir, removeDir, signedInAccount } from './coreTestKit';
import { ForkedCore } from './forkedCore';

const dirs: string[] = [];
const cores: ForkedCore[] = [];

function start(dataDir: string): ForkedCore {
  const core = new ForkedCore(dataDir);
  cores.push(core);
  return core;
}

afterEach(async () => {
  for (const core of cores.splice(0)) if (core.child.exitCode === null && core.child.signalCode === null) await core.kill();
  for (const dir of dirs.splice(0)) removeDir(dir);
});

describe('core entry over child_process IPC', () => {
  it('says ready, answers calls, pushes sync events and shuts down cleanly', async () => {
    const dataDir = makeTempDir('entry');
    dirs.push(dataDir);
    const core = start(dataDir);
    await core.ready;

    expect(await core.callOk('listAccounts', {})).toEqual([]);
    const account = signedInAccount(await core.callOk('beginSignIn', { network: 'sample', followers: 800, following: 100 }));
    const done = (await core.waitForEvent(
      (e) => e.event === 'sync.progress' && (e.payload as SyncProgress).state !== 'running',
    )).payload as SyncProgress;
    expect(done.state).toBe('done');
    expect(core.events.some((e) => e.event === 'people.changed')).toBe(true);

    const counts = await core.callOk('getBoardCounts', { accountId: account.id });
    expect(counts.new + counts.evaluated + counts.connected + counts.declined).toBe(800);

    expect(await core.call('getBoardCounts', { accountId: 'one' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.call('evalSomething' as never, {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // A message that is not a ToCore at all is ignored; the process keeps answering.
    core.send({ type: 'call', id: 'x', method: 'listAccounts' });
    core.send({ hello: 'world' });
    expect(await core.callOk('listAccounts', {})).toHaveLength(1);

    await core.shutdown();
    expect(await core.exited).toEqual({ code: 0, signal: null });
  });

  it('reports a database from a newer Rapport as fatal DB_TOO_NEW and leaves it untouched', async () => {
    const dataDir = makeTempDir('entry-too-new');
    dirs.push(dataDir);
    const file = path.join(dataDir, DATABASE_FILE);
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    const before = fs.readFileSync(file);

    const core = start(dataDir);
    await expect(core.ready).rejects.toThrow(/DB_TOO_NEW/);
    expect(core.fatal?.code).toBe('DB_TOO_NEW');
    expect((await core.exited).code).toBe(1);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('parseEntryArgs', () => {
  it('reads --data-dir in both spellings and the optional page delay', () => {
    expect(parseEntryArgs(['--data-dir', '/tmp/a'])).toEqual({ dataDir: '/tmp/a', samplePageDelayMs: undefined });
    expect(parseEntryArgs(['--data-dir=/tmp/b', '--sample-page-delay-ms', '40'])).toEqual({ dataDir: '/tmp/b', samplePageDelayMs: 40 });
    expect(parseEntryArgs(['--data-dir', '/tmp/c', '--background-sync-minutes', '30'])).toEqual({
      dataDir: '/tmp/c',
      samplePageDelayMs: undefined,
      backgroundSyncMinutes: 30,
    });
    expect(parseEntryArgs([])).toBeNull();
    expect(parseEntryArgs(['--data-dir'])).toBeNull();
    expect(parseEntryArgs(['--data-dir', '--other'])).toBeNull();
  });
});
