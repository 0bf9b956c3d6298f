// Bluesky interactions survive interruptions and age out as the user chose: a walk cut off twice
// and resumed from its stored cursor ends exactly where an uninterrupted walk does (every kind,
// no duplicates, same counts); rows past the retention go while their counts stay; Forget this
// person purges their interactions and counts.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { callOk, makeTempDir, removeDir, syncEnd } from '../../../../test/core/coreTestKit';
import { startBlueskyCore, type BlueskyCoreKit } from '../../../../test/core/blueskyCoreKit';
import { interactionsState } from '../../../../test/core/interactionsState';
import { startBlueskyKit, type BlueskyKit } from '../../../../test/fakes/bluesky/blueskyTestKit';
import { DATABASE_FILE } from '../../createCore';
import { openDatabase } from '../../db/openDatabase';
import { setInteractionRetentionDays } from '../../repos/interactionRetention';
import { runInteractionsWalk, type InteractionsWalkContext } from '../../sync/interactionsWalk';

let kit: BlueskyKit | null = null;
let coreKit: BlueskyCoreKit | null = null;
let dir: string | null = null;
const dbs: Database.Database[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) db.close();
  await kit?.close();
  await coreKit?.close();
  if (dir) removeDir(dir);
  kit = coreKit = dir = null;
});

const KINDS = ['reply', 'mention', 'quote', 'like', 'repost', 'follow'] as const;
const minutesAgo = (n: number): string => new Date(Date.now() - n * 60_000).toISOString();
const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString();

function freshDatabase(name: string): Database.Database {
  const db = openDatabase(path.join(dir!, name));
  dbs.push(db);
  db.prepare("INSERT INTO accounts (id, network, remote_id, handle, created_at) VALUES (1, 'bluesky', 'did:me', 'me', 'x')").run();
  return db;
}

/** A walk that is cut off (as a shutdown does) after `pages` committed pages. */
async function walkCutAfter(base: Omit<InteractionsWalkContext, 'signal'>, pages: number): Promise<void> {
  const controller = new AbortController();
  let committed = 0;
  await expect(
    runInteractionsWalk({ ...base, signal: controller.signal, onStored: () => (++committed === pages ? controller.abort('shutdown') : undefined) }),
  ).rejects.toBeDefined();
}

describe('Bluesky interactions across interruptions', () => {
  it('end, after two cut-offs and resumes, exactly as one uninterrupted walk ends', async () => {
    kit = await startBlueskyKit({ followers: 4 });
    kit.fake.knobs.pageSize = 4;
    const people = kit.fake.state.followers.map((f) => f.did);
    let minute = 2000;
    for (let round = 0; round < 4; round++) {
      for (const kind of KINDS) {
        kit.fake.state.addNotification(kind, people[(round + kind.length) % people.length]!, {
          text: kind === 'like' || kind === 'repost' || kind === 'follow' ? undefined : `${kind} number ${round}`,
          indexedAt: minutesAgo(minute--),
        });
      }
      kit.fake.state.addNotification('starterpack-joined', people[0]!, { indexedAt: minutesAgo(minute--) });
    }
    dir = makeTempDir('bsky-interactions-interrupted');
    const base = (db: Database.Database) => ({ db, provider: kit!.provider, network: 'bluesky', accountId: 1, now: () => Date.now(), onRequest: () => {} });

    const whole = freshDatabase('whole.sqlite');
    const { pages } = await runInteractionsWalk({ ...base(whole), signal: new AbortController().signal });
    const expected = interactionsState(whole, 1);
    expect(expected.kinds).toEqual([...KINDS].sort());
    expect(expected.rows).toHaveLength(24);
    expect(expected.inProgress).toBe(false);

    const cut = freshDatabase('cut.sqlite');
    await walkCutAfter(base(cut), 2);
    const afterCut = interactionsState(cut, 1);
    expect(afterCut).toMatchObject({ inProgress: true, duplicates: 0 });
    // What the cut-off walk committed already counts on the cards, without waiting for the next sync.
    const counted = (cut.prepare('SELECT sum(count) FROM interaction_counts WHERE account_id = 1').pluck().get() as number | null) ?? 0;
    expect(counted).toBe(afterCut.rows.length);
    expect(counted).toBeGreaterThan(0);
    await walkCutAfter(base(cut), 1);
    const resumed = await runInteractionsWalk({ ...base(cut), signal: new AbortController().signal });
    // Resumed from the stored cursor: only the pages not committed yet are asked for.
    expect(resumed).toMatchObject({ resumed: true, pages: pages - 3 });
    expect(interactionsState(cut, 1)).toEqual(expected);
    expect(expected.duplicates).toBe(0);

    // Syncing again changes nothing.
    await runInteractionsWalk({ ...base(cut), signal: new AbortController().signal });
    expect(interactionsState(cut, 1)).toEqual(expected);
  });

  it('drops rows past the retention but keeps their counts, and Forget this person purges them', async () => {
    coreKit = await startBlueskyCore({ followers: 4, follows: 1, label: 'bsky-interactions-retention' });
    const a = coreKit.fake.state.followers[coreKit.fake.state.followers.length - 1]!.did;
    coreKit.fake.state.addNotification('like', a, { indexedAt: daysAgo(400) });
    coreKit.fake.state.addNotification('like', a, { indexedAt: daysAgo(200) });
    coreKit.fake.state.addNotification('reply', a, { text: 'hi', indexedAt: daysAgo(2) });
    const sync = async (): Promise<void> => {
      const ended = syncEnd(coreKit!.core, coreKit!.account.id);
      for (;;) {
        if ((await coreKit!.core.call('startSync', { accountId: coreKit!.account.id, full: true })).ok) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect((await ended).state).toBe('done');
    };
    await sync();
    const db = openDatabase(path.join(coreKit.dataDir, DATABASE_FILE));
    dbs.push(db);
    const accountId = coreKit.account.id;
    const kinds = () => db.prepare('SELECT kind FROM interactions WHERE account_id = ? ORDER BY at').pluck().all(accountId);
    // 400 days is past the default year: never stored.
    expect(kinds()).toEqual(['like', 'reply']);

    setInteractionRetentionDays(db, 30);
    await sync();
    expect(kinds()).toEqual(['reply']);
    expect(db.prepare('SELECT kind, count FROM interaction_counts WHERE account_id = ? ORDER BY kind').all(accountId)).toEqual([
      { kind: 'like', count: 1 },
      { kind: 'reply', count: 1 },
    ]);
    const personId = db.prepare("SELECT id FROM people WHERE network = 'bluesky' AND remote_id = ?").pluck().get(a) as number;
    const [card] = (await callOk(coreKit.core, 'queryPeople', { accountId, filter: { engages: true }, sort: 'engaged', limit: 5 })).items;
    expect(card).toMatchObject({ personId, engagement: { points: 4 } });

    await callOk(coreKit.core, 'forgetPerson', { accountId, personId });
    for (const table of ['interactions', 'interaction_counts', 'interaction_people']) {
      expect(db.prepare(`SELECT COUNT(*) FROM ${table} WHERE account_id = ?`).pluck().get(accountId)).toBe(0);
    }
  });
});
