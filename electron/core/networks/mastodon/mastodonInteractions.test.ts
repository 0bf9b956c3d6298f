// Who engages with me on Mastodon, from the fake's GET /api/v1/notifications through the real
// sync into SQLite: every kind stored once across repeated syncs (a reply is a mention that
// replies to me), types Rapport does not keep counted and skipped, since_id on the next sync,
// retention that keeps counts, forget that purges, and card counts equal to the rows.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { callOk, syncEnd } from '../../../../test/core/coreTestKit';
import { startMastodonCore, type MastodonCoreKit } from '../../../../test/core/mastodonCoreKit';
import { DATABASE_FILE } from '../../createCore';
import { setInteractionRetentionDays } from '../../repos/interactionRetention';

let kit: MastodonCoreKit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString();

async function syncAgain(k: MastodonCoreKit): Promise<void> {
  const ended = syncEnd(k.core, k.account.id);
  for (;;) {
    const started = await k.core.call('startSync', { accountId: k.account.id, full: true });
    if (started.ok) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect((await ended).state).toBe('done');
}

interface Row {
  kind: string;
  person: string;
  excerpt: string | null;
  link: string | null;
}

describe('Mastodon interactions', () => {
  it('stores every kind once, skips types it does not keep, and asks only for what is newer', async () => {
    kit = await startMastodonCore({ followers: 6, following: 2, label: 'masto-interactions' });
    const { fake } = kit;
    const [a, b] = fake.state.followers.slice(-2).map((e) => e.accountId);
    fake.state.addNotification('mention', a!, { text: 'Loved your <b>talk</b>', repliesToMe: true, createdAt: daysAgo(9) });
    fake.state.addNotification('mention', a!, { text: 'cc @me', createdAt: daysAgo(8) });
    fake.state.addNotification('quote', a!, { text: 'This!', createdAt: daysAgo(7) });
    fake.state.addNotification('favourite', a!, { createdAt: daysAgo(6) });
    fake.state.addNotification('reblog', b!, { createdAt: daysAgo(5) });
    fake.state.addNotification('follow', b!, { createdAt: daysAgo(4) });
    for (const type of ['status', 'poll', 'admin.sign_up', 'severed_relationships', 'a_type_from_the_future']) {
      fake.state.addNotification(type, b!, { createdAt: daysAgo(3) });
    }
    await syncAgain(kit);
    const rows = (): Row[] =>
      kit!.query<Row>('SELECT kind, person_remote_id AS person, excerpt, link FROM interactions WHERE account_id = ? ORDER BY at, id', kit!.account.id);
    const first = rows();
    expect(first.map((r) => r.kind)).toEqual(['reply', 'mention', 'quote', 'like', 'repost', 'follow']);
    expect(first[0]).toMatchObject({ person: kit.remoteId(a!), excerpt: 'Loved your talk' });
    expect(first[0]!.link).toMatch(/^https:\/\/fake\.mastodon\.test\/@/);

    const queriesBefore = fake.state.notificationQueries.length;
    await syncAgain(kit);
    expect(rows()).toHaveLength(6);
    // since_id is the newest notification read, skipped or not, so skipped ones are not read again.
    const newest = fake.state.notifications[fake.state.notifications.length - 1]!;
    expect(new URLSearchParams(fake.state.notificationQueries[queriesBefore]).get('since_id')).toBe(newest.id);
    expect(kit.query('SELECT ignored FROM interaction_sync WHERE account_id = ?', kit.account.id)).toEqual([{ ignored: 5 }]);

    fake.state.addNotification('favourite', b!, { createdAt: daysAgo(1) });
    await syncAgain(kit);
    expect(rows()).toHaveLength(7);

    // Counts on cards equal the rows.
    const counted = kit.query<{ kind: string; n: number }>(
      'SELECT kind, SUM(count) AS n FROM interaction_counts WHERE account_id = ? GROUP BY kind ORDER BY kind',
      kit.account.id,
    );
    const stored = kit.query<{ kind: string; n: number }>(
      'SELECT kind, COUNT(*) AS n FROM interactions WHERE account_id = ? GROUP BY kind ORDER BY kind',
      kit.account.id,
    );
    expect(counted).toEqual(stored);
  });

  it('drops rows past the retention but keeps their counts, and Forget this person purges them', async () => {
    kit = await startMastodonCore({ followers: 4, following: 1, label: 'masto-interactions-retention' });
    const { fake } = kit;
    const a = fake.state.followers[fake.state.followers.length - 1]!.accountId;
    fake.state.addNotification('favourite', a, { createdAt: daysAgo(400) });
    fake.state.addNotification('favourite', a, { createdAt: daysAgo(200) });
    fake.state.addNotification('mention', a, { text: 'hi', repliesToMe: true, createdAt: daysAgo(2) });
    await syncAgain(kit);
    // 400 days is past the default year: never stored.
    expect(kit.query('SELECT kind FROM interactions WHERE account_id = ? ORDER BY at', kit.account.id)).toEqual([{ kind: 'like' }, { kind: 'reply' }]);

    const db = new Database(path.join(kit.dataDir, DATABASE_FILE));
    try {
      setInteractionRetentionDays(db, 30);
    } finally {
      db.close();
    }
    await syncAgain(kit);
    expect(kit.query('SELECT kind FROM interactions WHERE account_id = ?', kit.account.id)).toEqual([{ kind: 'reply' }]);
    expect(kit.query('SELECT kind, count FROM interaction_counts WHERE account_id = ? ORDER BY kind', kit.account.id)).toEqual([
      { kind: 'like', count: 1 },
      { kind: 'reply', count: 1 },
    ]);

    await callOk(kit.core, 'forgetPerson', { accountId: kit.account.id, personId: kit.personId(a) });
    for (const table of ['interactions', 'interaction_counts', 'interaction_people']) {
      expect(kit.query(`SELECT COUNT(*) AS n FROM ${table} WHERE account_id = ?`, kit.account.id)).toEqual([{ n: 0 }]);
    }
  });
});
