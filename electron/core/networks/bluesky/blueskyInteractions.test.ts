// Who engages with me on Bluesky, from the fake's listNotifications through the real sync into
// SQLite: every kind stored once across repeated and interrupted syncs, unknown reasons counted and
// skipped, a walk that resumes at its cursor, and counts that equal the rows.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startBlueskyKit, type BlueskyKit } from '../../../../test/fakes/bluesky/blueskyTestKit';
import { syncEnd } from '../../../../test/core/coreTestKit';
import { startBlueskyCore, type BlueskyCoreKit } from '../../../../test/core/blueskyCoreKit';
import { makeTempDir, removeDir } from '../../../../test/core/coreTestKit';
import { DATABASE_FILE } from '../../createCore';
import { openDatabase } from '../../db/openDatabase';
import { runInteractionsWalk } from '../../sync/interactionsWalk';
import { interactionsRepo } from '../../repos/interactionsRepo';

let kit: BlueskyKit | null = null;
let coreKit: BlueskyCoreKit | null = null;
let dir: string | null = null;
afterEach(async () => {
  await kit?.close();
  await coreKit?.close();
  if (dir) removeDir(dir);
  kit = coreKit = dir = null;
});

const KINDS = ['reply', 'mention', 'quote', 'like', 'repost', 'follow'] as const;
const minutesAgo = (n: number): string => new Date(Date.now() - n * 60_000).toISOString();

function rows(dataDir: string, accountId: number): { kind: string; person: string; excerpt: string | null; link: string | null }[] {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db
      .prepare('SELECT kind, person_remote_id AS person, excerpt, link FROM interactions WHERE account_id = ? ORDER BY at, id')
      .all(accountId) as { kind: string; person: string; excerpt: string | null; link: string | null }[];
  } finally {
    db.close();
  }
}

async function syncAgain(k: BlueskyCoreKit): Promise<void> {
  const ended = syncEnd(k.core, k.account.id);
  for (;;) {
    const started = await k.core.call('startSync', { accountId: k.account.id, full: true });
    if (started.ok) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect((await ended).state).toBe('done');
}

describe('Bluesky interactions', () => {
  it('stores every kind once across repeated syncs, skips unknown reasons, and reads only what is new', async () => {
    coreKit = await startBlueskyCore({ followers: 8, follows: 2, label: 'bsky-interactions' });
    const f = coreKit.fake;
    const [a, b] = f.state.followers.slice(-2).map((e) => e.did);
    const stranger = f.state.createActor({ handle: 'stranger.bsky.social' });
    let minute = 500;
    for (const kind of KINDS) f.state.addNotification(kind, a!, { text: kind === 'reply' ? `Great point about ${kind}` : undefined, indexedAt: minutesAgo(minute--) });
    f.state.addNotification('starterpack-joined', b!, { indexedAt: minutesAgo(minute--) });
    f.state.addNotification('verified', b!, { indexedAt: minutesAgo(minute--) });
    f.state.addNotification('reply', stranger.did, { text: 'Hello from outside', indexedAt: minutesAgo(minute--) });
    await syncAgain(coreKit);

    const first = rows(coreKit.dataDir, coreKit.account.id);
    expect(first.map((r) => r.kind)).toEqual([...KINDS, 'reply']);
    expect(first[0]).toMatchObject({ person: a, excerpt: 'Great point about reply' });
    expect(first[0]!.link).toMatch(/^https:\/\/bsky\.app\/profile\/did%3A.+\/post\//);
    // A stranger's reply is kept under their remote id, ready for when they follow.
    expect(first[6]).toMatchObject({ person: stranger.did, excerpt: 'Hello from outside' });

    await syncAgain(coreKit);
    expect(rows(coreKit.dataDir, coreKit.account.id)).toHaveLength(7);

    f.state.addNotification('like', b!, { indexedAt: minutesAgo(10) });
    const before = f.requests.filter((r) => r.endpoint === 'app.bsky.notification.listNotifications').length;
    await syncAgain(coreKit);
    const after = rows(coreKit.dataDir, coreKit.account.id);
    expect(after).toHaveLength(8);
    expect(after[7]).toMatchObject({ kind: 'like', person: b });
    expect(f.requests.filter((r) => r.endpoint === 'app.bsky.notification.listNotifications').length - before).toBe(1);
  });

  it('resumes an interrupted walk at its cursor and stores each notification once', async () => {
    kit = await startBlueskyKit({ followers: 3 });
    kit.fake.knobs.pageSize = 5;
    const author = kit.fake.state.followers[0]!.did;
    for (let i = 0; i < 23; i++) kit.fake.state.addNotification(i % 2 === 0 ? 'like' : 'reply', author, { text: `reply ${i}`, indexedAt: minutesAgo(1000 - i) });
    dir = makeTempDir('bsky-interactions-walk');
    const db = openDatabase(path.join(dir, 'walk.sqlite'));
    try {
      db.prepare("INSERT INTO accounts (id, network, remote_id, handle, created_at) VALUES (1, 'bluesky', 'did:me', 'me', 'x')").run();
      const controller = new AbortController();
      let commits = 0;
      const base = { db, provider: kit.provider, network: 'bluesky', accountId: 1, now: () => Date.now(), onRequest: () => {} };
      await expect(
        runInteractionsWalk({ ...base, signal: controller.signal, onStored: () => (++commits === 2 ? controller.abort('shutdown') : undefined) }),
      ).rejects.toBeDefined();
      expect(db.prepare('SELECT COUNT(*) FROM interactions').pluck().get()).toBe(10);
      expect(interactionsRepo(db).position(1)).toMatchObject({ inProgress: true, cursor: expect.any(String) });

      let requests = 0;
      const resumed = await runInteractionsWalk({ ...base, signal: new AbortController().signal, onRequest: () => requests++ });
      expect(resumed).toMatchObject({ resumed: true, stored: 13 });
      expect(requests).toBe(3); // pages 3, 4 and 5 only
      expect(db.prepare('SELECT COUNT(DISTINCT item_key) FROM interactions').pluck().get()).toBe(23);
      const counts = interactionsRepo(db).countsFor(1, [author]).get(author);
      expect(counts?.map((c) => [c.kind, c.count]).sort()).toEqual([
        ['like', 12],
        ['reply', 11],
      ]);
      // A walk after a completed one stops at its newest item: one page, nothing new.
      const again = await runInteractionsWalk({ ...base, signal: new AbortController().signal });
      expect(again).toMatchObject({ resumed: false, stored: 0, pages: 1 });
    } finally {
      db.close();
    }
  });
});
