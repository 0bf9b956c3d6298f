// Mastodon interactions survive interruptions: a walk over GET /api/v1/notifications cut off twice
// and resumed from its stored cursor (max_id) ends exactly where an uninterrupted walk does — every
// kind, no duplicates, the same counts — and the next walk asks only for what is newer (since_id).
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from '../../../../test/core/coreTestKit';
import { interactionsState } from '../../../../test/core/interactionsState';
import { startMastodonKit, type MastodonKit } from '../../../../test/fakes/mastodon/mastodonTestKit';
import { openDatabase } from '../../db/openDatabase';
import { runInteractionsWalk, type InteractionsWalkContext } from '../../sync/interactionsWalk';

let kit: MastodonKit | null = null;
let dir: string | null = null;
const dbs: Database.Database[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) db.close();
  await kit?.close();
  if (dir) removeDir(dir);
  kit = dir = null;
});

const minutesAgo = (n: number): string => new Date(Date.now() - n * 60_000).toISOString();

function freshDatabase(name: string): Database.Database {
  const db = openDatabase(path.join(dir!, name));
  dbs.push(db);
  db.prepare("INSERT INTO accounts (id, network, remote_id, handle, created_at) VALUES (1, 'mastodon', 'me', 'me', 'x')").run();
  return db;
}

async function walkCutAfter(base: Omit<InteractionsWalkContext, 'signal'>, pages: number): Promise<void> {
  const controller = new AbortController();
  let committed = 0;
  await expect(
    runInteractionsWalk({ ...base, signal: controller.signal, onStored: () => (++committed === pages ? controller.abort('shutdown') : undefined) }),
  ).rejects.toBeDefined();
}

describe('Mastodon interactions across interruptions', () => {
  it('end, after two cut-offs and resumes, exactly as one uninterrupted walk ends', async () => {
    kit = await startMastodonKit({ followers: 4 });
    kit.fake.knobs.pageSize = 4;
    const people = kit.fake.state.followers.map((f) => f.accountId);
    let minute = 2000;
    for (let round = 0; round < 4; round++) {
      const who = people[round % people.length]!;
      kit.fake.state.addNotification('mention', who, { text: `reply ${round}`, repliesToMe: true, createdAt: minutesAgo(minute--) });
      kit.fake.state.addNotification('mention', who, { text: `mention ${round}`, createdAt: minutesAgo(minute--) });
      kit.fake.state.addNotification('quote', who, { text: `quote ${round}`, createdAt: minutesAgo(minute--) });
      kit.fake.state.addNotification('favourite', who, { createdAt: minutesAgo(minute--) });
      kit.fake.state.addNotification('reblog', who, { createdAt: minutesAgo(minute--) });
      kit.fake.state.addNotification('follow', who, { createdAt: minutesAgo(minute--) });
      kit.fake.state.addNotification('poll', who, { createdAt: minutesAgo(minute--) });
    }
    dir = makeTempDir('masto-interactions-interrupted');
    const base = (db: Database.Database) => ({ db, provider: kit!.provider, network: 'mastodon', accountId: 1, now: () => Date.now(), onRequest: () => {} });

    const whole = freshDatabase('whole.sqlite');
    const { pages } = await runInteractionsWalk({ ...base(whole), signal: new AbortController().signal });
    const expected = interactionsState(whole, 1);
    expect(expected.kinds).toEqual(['follow', 'like', 'mention', 'quote', 'reply', 'repost']);
    expect(expected.rows).toHaveLength(24);
    expect(expected.duplicates).toBe(0);

    const cut = freshDatabase('cut.sqlite');
    await walkCutAfter(base(cut), 2);
    expect(interactionsState(cut, 1)).toMatchObject({ inProgress: true, duplicates: 0 });
    await walkCutAfter(base(cut), 1);
    // Resumed from the stored cursor: only the pages not committed yet are asked for.
    expect(await runInteractionsWalk({ ...base(cut), signal: new AbortController().signal })).toMatchObject({ resumed: true, pages: pages - 3 });
    expect(interactionsState(cut, 1)).toEqual(expected);

    // The next walk asks for what is newer than the newest item read, and finds nothing to add.
    const queries = kit.fake.state.notificationQueries.length;
    await runInteractionsWalk({ ...base(cut), signal: new AbortController().signal });
    expect(new URLSearchParams(kit.fake.state.notificationQueries[queries]).get('since_id')).toBe(kit.fake.state.notifications.at(-1)!.id);
    expect(interactionsState(cut, 1)).toEqual(expected);
  });
});
