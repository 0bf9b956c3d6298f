// An X archive's replies, mentions, retweets and direct messages become interactions, into a real
// SQLite database: each stored once (the same archive again adds nothing, a newer one only its new
// items), the card's counts equal to SQL, old items left to the retention, odd items skipped.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeXArchiveZip, type XArchiveSpec } from '../../../../../test/fakes/x/xArchiveBuilder';
import { interactionsRepo } from '../../../repos/interactionsRepo';
import { openTestDb, OWNER, type ArchiveTestDb } from './archiveTestKit';
import { importXArchive } from './importXArchive';

let t: ArchiveTestDb;
beforeEach(() => {
  t = openTestDb();
});
afterEach(() => t.close());

const NOW = () => new Date('2026-12-03T10:00:00.000Z');
const mention = (id: string) => ({ id, screenName: `p${id}`, name: `Person ${id}` });

function spec(overrides: Partial<XArchiveSpec> = {}): XArchiveSpec {
  return {
    owner: OWNER,
    generatedAt: '2026-11-20T08:00:00.000Z',
    followers: ['101', '102', '103'],
    following: ['102'],
    tweets: [
      // A reply to 101 that also names 102 (X lists the replied-to person among the mentions too).
      { id: '9001', replyTo: { id: '101', screenName: 'p101' }, mentions: [mention('101'), mention('102')], text: '@p101 @p102 thanks for this!', createdAt: 'Sun Nov 01 09:00:00 +0000 2026' },
      // My own thread: nobody else.
      { id: '9002', replyTo: { id: OWNER.id, screenName: OWNER.username }, mentions: [], text: '2/ and more', createdAt: 'Sun Nov 01 09:05:00 +0000 2026' },
      // A retweet of 103, whose tweet named 102.
      { id: '9003', mentions: [mention('103'), mention('102')], text: 'RT @p103: ask @p102', createdAt: 'Mon Nov 02 12:00:00 +0000 2026' },
      // Someone not stored: kept under their id, joining their card once they are.
      { id: '9004', mentions: [mention('104')], text: 'cc @p104', createdAt: 'Tue Nov 03 12:00:00 +0000 2026' },
    ],
    conversations: [
      {
        partnerId: '101',
        messages: [
          { fromMe: false, at: '2026-11-04T10:00:00.000Z', text: 'Hi! Loved your talk' },
          { fromMe: true, at: '2026-11-04T11:00:00.000Z', text: 'Thank you \u202eso much' },
        ],
      },
    ],
    ...overrides,
  };
}

async function importSpec(s: XArchiveSpec, name = 'archive.zip') {
  const file = path.join(t.dir, name);
  await writeXArchiveZip(file, s);
  return importXArchive(t.db, t.account, file, NOW);
}

function rows() {
  return t.db.prepare('SELECT item_key AS key, person_remote_id AS person, kind, direction, at, link, excerpt FROM interactions ORDER BY item_key').all() as {
    key: string;
    person: string;
    kind: string;
    direction: string;
    at: string;
    link: string | null;
    excerpt: string | null;
  }[];
}

const engagementOf = (remoteId: string) =>
  t.db.prepare("SELECT t.sort_engagement FROM triage t JOIN people p ON p.id = t.person_id WHERE p.network = 'x' AND p.remote_id = ?").pluck().get(remoteId);

describe('interactions from an X archive', () => {
  it('stores my replies, mentions and retweets of each person and our messages in both directions', async () => {
    await importSpec(spec());
    expect(rows().map((r) => `${r.kind} ${r.person} ${r.direction}`)).toEqual([
      'message 101 theirs',
      'message 101 mine',
      'reply 101 mine',
      'mention 102 mine',
      'repost 103 mine',
      'mention 104 mine',
    ]);
    const reply = rows().find((r) => r.kind === 'reply')!;
    expect(reply).toMatchObject({ at: '2026-11-01T09:00:00.000Z', link: 'https://x.com/rapport_me/status/9001', excerpt: '@p101 @p102 thanks for this!' });
    const mine = rows().find((r) => r.kind === 'message' && r.direction === 'mine')!;
    expect(mine).toMatchObject({ link: 'https://x.com/messages/4242-101', excerpt: 'Thank you so much' });
    // Their message is engagement toward me; what I did is not.
    expect(engagementOf('101')).toBe(3);
    expect(engagementOf('102')).toBe(0);
  });

  it('the counts on a card equal SQL over the stored rows', async () => {
    await importSpec(spec());
    const people = ['101', '102', '103', '104'];
    const counts = interactionsRepo(t.db).countsFor(t.account.id, people);
    const fromSql = t.db
      .prepare('SELECT person_remote_id AS person, kind, direction, count(*) AS n, max(at) AS last FROM interactions GROUP BY 1, 2, 3 ORDER BY 1, 2, 3')
      .all() as { person: string; kind: string; direction: string; n: number; last: string }[];
    const fromCards = [...counts].flatMap(([person, list]) => list.map((c) => ({ person, kind: c.kind, direction: c.direction, n: c.count, last: c.lastAt })));
    const order = (a: { person: string; kind: string; direction: string }, b: typeof a) =>
      a.person.localeCompare(b.person) || a.kind.localeCompare(b.kind) || a.direction.localeCompare(b.direction);
    expect(fromCards.sort(order)).toEqual(fromSql.sort(order));
  });

  it('stores nothing twice: the same archive again adds nothing, a newer one only its new items', async () => {
    await importSpec(spec());
    const first = rows();
    const counts = () => t.db.prepare('SELECT * FROM interaction_counts ORDER BY 1, 2, 3, 4').all();
    const firstCounts = counts();
    await importSpec(spec(), 'again.zip');
    expect(rows()).toEqual(first);
    expect(counts()).toEqual(firstCounts);

    const newer = spec({ generatedAt: '2026-12-01T08:00:00.000Z' });
    newer.tweets = [...newer.tweets!, { id: '9010', replyTo: { id: '102', screenName: 'p102' }, mentions: [mention('102')], text: '@p102 yes', createdAt: 'Mon Nov 30 10:00:00 +0000 2026' }];
    newer.conversations![0]!.messages.push({ fromMe: false, at: '2026-11-29T10:00:00.000Z', text: 'One more thing' });
    await importSpec(newer, 'newer.zip');
    expect(rows()).toHaveLength(first.length + 2);
    const theirs = interactionsRepo(t.db).countsFor(t.account.id, ['101']).get('101')!.find((c) => c.kind === 'message' && c.direction === 'theirs');
    expect(theirs).toMatchObject({ count: 2, lastAt: '2026-11-29T10:00:00.000Z' });
    expect(engagementOf('101')).toBe(6);
  });

  it('leaves out items older than the retention, and odd items without failing the import', async () => {
    const s = spec({
      tweets: [
        { id: '8001', mentions: [mention('101')], text: 'long ago', createdAt: 'Fri Jan 03 10:00:00 +0000 2020' },
        { id: '8002', mentions: [{ id: 'not-an-id', screenName: 'x', name: 'x' }], text: 'odd', createdAt: 'Sun Nov 01 09:00:00 +0000 2026' },
        { id: '8003', mentions: [mention('102')], text: 'no date', createdAt: 'yesterday-ish' },
        { id: '8004', mentions: [mention('103')], text: 'fine', createdAt: 'Sun Nov 01 09:00:00 +0000 2026' },
      ],
      conversations: [],
    });
    const summary = await importSpec(s);
    expect(summary.followers).toBe(3);
    expect(rows().map((r) => `${r.kind} ${r.person}`)).toEqual(['mention 103']);
  });
});
