// Cards carry how the person engaged with me, on every read the window makes (board columns,
// people lists, search, the profile), and the numbers agree with the interactions in SQLite — also
// after retention deleted old rows, because counts are kept beyond it.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardEngagement, PersonCard } from '../../../shared/domain';
import { ENGAGEMENT_WEIGHTS, type InteractionKind } from '../../../shared/interactions';
import { coreOptions } from '../../../test/core/blueskyCoreKit';
import { callOk, makeTempDir, removeDir, signInAtOnce } from '../../../test/core/coreTestKit';
import type { CoreHandle } from '../coreTypes';
import { createCore, DATABASE_FILE } from '../createCore';
import { openDatabase } from '../db/openDatabase';
import { interactionsRepo } from './interactionsRepo';

let dir: string;
let core: CoreHandle;
let db: Database.Database;
let accountId: number;

beforeAll(async () => {
  dir = makeTempDir('card-engagement');
  core = await createCore(coreOptions(dir));
  const ended = new Promise<void>((resolve) => {
    const stop = core.onEvent(({ event, payload }) => {
      if (event === 'sync.progress' && (payload as { state: string }).state !== 'running') {
        stop();
        resolve();
      }
    });
  });
  accountId = (await signInAtOnce(core, { network: 'sample', followers: 300, following: 40, seed: 11 })).id;
  await ended;
  db = openDatabase(path.join(dir, DATABASE_FILE));
});
afterAll(async () => {
  db.close();
  await core.close();
  removeDir(dir);
});

interface SqlCount {
  kind: InteractionKind;
  direction: 'theirs' | 'mine';
  count: number;
  lastAt: string;
}

/** What a card should say, counted straight from the rows. */
function countedFromRows(personId: number): SqlCount[] {
  return db
    .prepare(
      `SELECT i.kind, i.direction, COUNT(*) AS count, max(i.at) AS lastAt
       FROM interactions i JOIN people p ON p.remote_id = i.person_remote_id
       WHERE p.id = ? AND i.account_id = ? GROUP BY i.direction, i.kind ORDER BY i.direction, i.kind`,
    )
    .all(personId, accountId) as SqlCount[];
}

function spokeBeforeFollowing(personId: number): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM interactions i JOIN people p ON p.remote_id = i.person_remote_id
         JOIN relationships r ON r.person_id = p.id AND r.account_id = i.account_id
         WHERE p.id = ? AND i.account_id = ? AND i.direction = 'theirs' AND i.kind IN ('reply', 'mention', 'quote')
           AND i.at < r.followed_me_at`,
      )
      .get(personId, accountId) !== undefined
  );
}

function expectedEngagement(counts: SqlCount[]): CardEngagement | undefined {
  if (counts.length === 0) return undefined;
  const theirs = counts.filter((c) => c.direction === 'theirs' && ENGAGEMENT_WEIGHTS[c.kind] > 0);
  return {
    counts,
    points: theirs.reduce((sum, c) => sum + ENGAGEMENT_WEIGHTS[c.kind] * c.count, 0),
    lastAt: theirs.length === 0 ? null : theirs.map((c) => c.lastAt).sort().at(-1)!,
    repliedBeforeFollowing: false,
  };
}

const engagementOf = (card: PersonCard) => card.engagement && { ...card.engagement, repliedBeforeFollowing: false };

describe('card engagement', () => {
  it('equals a count over the interactions on board, people, search and profile reads', async () => {
    const column = await callOk(core, 'getBoardPage', { accountId, stage: 'new', sort: 'engaged', limit: 60 });
    const newest = await callOk(core, 'getBoardPage', { accountId, stage: 'new', sort: 'newest', limit: 60 });
    const cards = [...column.items, ...newest.items];
    expect(cards.filter((card) => card.engagement).length).toBeGreaterThan(20);
    expect(cards.some((card) => !card.engagement)).toBe(true);
    for (const card of cards) {
      expect(engagementOf(card), card.handle).toEqual(expectedEngagement(countedFromRows(card.personId)));
      expect(card.engagement?.repliedBeforeFollowing ?? false, card.handle).toBe(spokeBeforeFollowing(card.personId));
    }
    // The sample's newest followers replied before they followed, and Review shows them first.
    const spokeFirst = newest.items.filter((card) => card.engagement?.repliedBeforeFollowing);
    expect(spokeFirst.length).toBeGreaterThanOrEqual(3);
    const reviewFirst = await callOk(core, 'getReviewFirst', { accountId });
    expect(reviewFirst.map((card) => card.personId)).toEqual(expect.arrayContaining(spokeFirst.map((card) => card.personId)));
    expect(reviewFirst.every((card) => card.engagement?.repliedBeforeFollowing)).toBe(true);

    const top = column.items[0]!;
    const listed = await callOk(core, 'queryPeople', { accountId, filter: { engages: true }, sort: 'engaged', limit: 5 });
    expect(listed.items[0]?.engagement).toEqual(top.engagement);
    const found = await callOk(core, 'searchPeople', { accountId, query: top.handle, limit: 5 });
    expect(found.find((card) => card.personId === top.personId)?.engagement).toEqual(top.engagement);
    const profile = await callOk(core, 'getProfile', { accountId, personId: top.personId });
    expect(profile.engagement).toEqual(top.engagement);
  });

  it('keeps the counts beyond retention: rows deleted, the card still says the same', async () => {
    const before = (await callOk(core, 'getBoardPage', { accountId, stage: 'new', sort: 'engaged', limit: 40 })).items;
    const middle = db.prepare('SELECT at FROM interactions WHERE account_id = ? ORDER BY at LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM interactions WHERE account_id = ?)').pluck().get(accountId, accountId) as string;
    const keptRows = new Map(before.map((card) => [card.personId, countedFromRows(card.personId)]));

    expect(interactionsRepo(db).purgeOlderThan(accountId, middle)).toBeGreaterThan(0);

    const after = (await callOk(core, 'getBoardPage', { accountId, stage: 'new', sort: 'engaged', limit: 40 })).items;
    let lostRows = 0;
    for (const card of after) {
      const was = before.find((b) => b.personId === card.personId)!;
      expect(card.engagement?.counts, card.handle).toEqual(was.engagement?.counts);
      expect(card.engagement?.points).toBe(was.engagement?.points);
      const rowsNow = countedFromRows(card.personId).reduce((n, c) => n + c.count, 0);
      const rowsBefore = keptRows.get(card.personId)!.reduce((n, c) => n + c.count, 0);
      lostRows += rowsBefore - rowsNow;
    }
    expect(lostRows).toBeGreaterThan(0);
  });
});
