// Sample data comes with who engages with the account: after the first sync the interactions
// are in SQLite, a second sync adds nothing, the newest followers replied before they followed,
// and the per-kind counts equal the rows.
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import { makeTempDir, removeDir, signInAtOnce, syncEnd } from '../../../../test/core/coreTestKit';
import { coreOptions } from '../../../../test/core/blueskyCoreKit';
import type { CoreHandle } from '../../coreTypes';
import { createCore, DATABASE_FILE } from '../../createCore';
import { SampleNetwork } from './sampleNetwork';
import { sampleInteractionCount } from './sampleInteractions';

let core: CoreHandle | null = null;
let dir: string | null = null;
afterEach(async () => {
  await core?.close();
  if (dir) removeDir(dir);
  core = dir = null;
});

function query<T>(dataDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

describe('sample interactions', () => {
  it('are synced once, include replies before following, and count the same as their rows', async () => {
    dir = makeTempDir('sample-interactions');
    const c = (core = await createCore(coreOptions(dir)));
    const ended = new Promise<void>((resolve) => {
      const stop = c.onEvent(({ event, payload }) => {
        if (event === 'sync.progress' && (payload as { state: string }).state !== 'running') {
          stop();
          resolve();
        }
      });
    });
    const account = await signInAtOnce(c, { network: 'sample', followers: 300, following: 40, seed: 9 });
    await ended;
    const expected = sampleInteractionCount(new SampleNetwork({ seed: 9, followers: 300, following: 40, anchorMs: 0 })) + 3;
    const count = (): number => query<{ n: number }>(dir!, 'SELECT COUNT(*) AS n FROM interactions WHERE account_id = ?', account.id)[0]!.n;
    expect(count()).toBe(expected);

    const again = syncEnd(c, account.id);
    for (;;) {
      const started = await c.call('startSync', { accountId: account.id, full: true });
      if (started.ok) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect((await again).state).toBe('done');
    expect(count()).toBe(expected);

    const repliedFirst = query<{ remote_id: string }>(
      dir,
      `SELECT p.remote_id FROM relationships r JOIN people p ON p.id = r.person_id
       WHERE r.account_id = @a AND r.follows_me = 1 AND EXISTS (
         SELECT 1 FROM interactions i WHERE i.account_id = @a AND i.person_remote_id = p.remote_id AND i.kind = 'reply'
           AND i.direction = 'theirs' AND i.at < r.followed_me_at)`,
      { a: account.id },
    );
    expect(repliedFirst.length).toBeGreaterThanOrEqual(3);
    expect(query(dir, 'SELECT COUNT(*) AS n FROM interactions WHERE direction = ?', 'mine')[0]).not.toEqual({ n: 0 });
    expect(
      query(dir, 'SELECT person_remote_id, kind, direction, SUM(count) AS n FROM interaction_counts GROUP BY 1, 2, 3 ORDER BY 1, 2, 3'),
    ).toEqual(query(dir, 'SELECT person_remote_id, kind, direction, COUNT(*) AS n FROM interactions GROUP BY 1, 2, 3 ORDER BY 1, 2, 3'));
    // Cards of engaged people sort by engagement.
    expect(query<{ n: number }>(dir, 'SELECT COUNT(*) AS n FROM triage WHERE account_id = ? AND sort_engagement > 0', account.id)[0]!.n).toBeGreaterThan(50);
  });
});
