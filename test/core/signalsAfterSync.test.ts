// Signals follow syncs: after a sample sync, every follower has a score and the signal rows a
// filter reads, and queryPeople's signal filter returns exactly the people SQL says carry it.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE } from '../../electron/core/createCore';
import type { CoreHandle } from '../../electron/core/coreTypes';
import { callOk, makeTempDir, removeDir, signInAtOnce, waitForSync } from './coreTestKit';

let dir: string;
let core: CoreHandle;
beforeEach(async () => {
  dir = makeTempDir('signals-after-sync');
  core = await createCore({ dataDir: dir });
});
afterEach(async () => {
  await core.close();
  removeDir(dir);
});

async function until<T>(what: string, probe: () => T | null, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('signals after a sync', () => {
  it('scores every follower and serves signal filters from what it stored', async () => {
    const account = await signInAtOnce(core, { network: 'sample', followers: 400, following: 60, seed: 7 });
    await waitForSync(core, account.id);
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    try {
      await until('every follower scored', () => {
        const { unscored } = db
          .prepare('SELECT count(*) AS unscored FROM triage WHERE account_id = ? AND score IS NULL')
          .get(account.id) as { unscored: number };
        return unscored === 0 ? true : null;
      });
      const bySignal = db
        .prepare('SELECT signal, count(*) AS n FROM triage_signals WHERE account_id = ? GROUP BY signal ORDER BY n DESC')
        .all(account.id) as { signal: string; n: number }[];
      expect(bySignal.length).toBeGreaterThan(0);
      const top = bySignal[0]!;
      const expected = (
        db.prepare('SELECT person_id FROM triage_signals WHERE account_id = ? AND signal = ? ORDER BY person_id').all(account.id, top.signal) as {
          person_id: number;
        }[]
      ).map((r) => r.person_id);
      const page = await callOk(core, 'queryPeople', {
        accountId: account.id,
        filter: { signals: [top.signal] },
        sort: 'name',
        limit: 500,
      });
      expect(page.total).toBe(top.n);
      expect(page.items.map((c) => c.personId).sort((a, b) => a - b)).toEqual(expected);
      expect(page.items.every((c) => c.signals?.some((s) => s.id === top.signal))).toBe(true);
    } finally {
      db.close();
    }
  });
});
