import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openDatabase } from '../db/openDatabase';
import { encodeSampleAccountConfig } from '../networks/sample/sampleAccountConfig';
import { accountsRepo } from '../repos/accountsRepo';
import { BackgroundSync } from './backgroundSync';
import { SyncEngine } from './syncEngine';

let dir: string;
let db: Database.Database;
let engine: SyncEngine;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-background-'));
  db = openDatabase(path.join(dir, 'rapport.db'));
  engine = new SyncEngine({ db, mediaDir: path.join(dir, 'media'), emit: () => undefined, now: Date.now });
});
afterEach(async () => {
  await engine.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function addSample(seed: number): number {
  return accountsRepo(db).upsert(
    {
      network: 'sample',
      remoteId: `s${seed}-self`,
      handle: 'sample',
      displayName: 'Sample',
      serverUrl: encodeSampleAccountConfig({ seed, followers: 50, following: 5, anchorMs: Date.UTC(2026, 0, 1) }),
    },
    new Date().toISOString(),
  ).id;
}

describe('BackgroundSync', () => {
  it('starts a sync of every idle account and skips one that is already syncing', async () => {
    const first = addSample(1);
    const second = addSample(2);
    engine.start(first);
    const background = new BackgroundSync(engine, () => accountsRepo(db).list(), 30);
    expect(background.tick()).toEqual([second]);
    expect(engine.isRunning(second)).toBe(true);
    await engine.whenIdle(first);
    await engine.whenIdle(second);
    expect(engine.status(second)?.state).toBe('done');
    expect(background.tick()).toEqual([first, second]);
    background.stop();
  });

  it('syncs every account at once when asked to sync on start, and never twice at once', async () => {
    const first = addSample(1);
    const second = addSample(2);
    const background = new BackgroundSync(engine, () => accountsRepo(db).list(), 0);
    background.start({ syncNow: true });
    expect(engine.isRunning(first)).toBe(true);
    expect(engine.isRunning(second)).toBe(true);
    expect(background.tick()).toEqual([]);
    await engine.whenIdle(first);
    await engine.whenIdle(second);
    background.stop();
  });
});
