import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOARD_SORTS, STAGES, type BoardSort, type PersonCard, type Stage } from '../../../shared/domain';
import { RapportError } from '../../../shared/api/errors';
import { boardRepo } from './boardRepo';
import { encodeCursor } from './boardCursor';
import { SNOOZED_COUNTS_SQL } from './boardSnooze';
import { addTestAccount, addTestFollowers, createTestDatabase, type TestDatabase } from './testFixtures';

let t: TestDatabase;
let accountId: number;
const stageOf = (i: number): Stage => (i % 7 === 0 ? 'declined' : i % 5 === 0 ? 'evaluated' : i % 11 === 0 ? 'connected' : 'new');

beforeEach(() => {
  t = createTestDatabase();
  accountId = addTestAccount(t.db);
  addTestFollowers(t.db, accountId, 257, { stage: stageOf, emptyNameEvery: 13 });
  // Scores with ties and NULLs (not computed yet): every fourth person unscored.
  t.db.prepare('UPDATE triage SET score = CASE WHEN person_id % 4 = 0 THEN NULL ELSE (person_id * 7) % 9 - 4 END').run();
  // Engagement with ties and many people at 0 (never engaged), as after an interactions walk.
  t.db.prepare('UPDATE triage SET sort_engagement = CASE WHEN person_id % 3 = 0 THEN 0 ELSE (person_id * 5) % 11 END').run();
  // A second account's cards must never leak into this board.
  addTestFollowers(t.db, addTestAccount(t.db, 'other'), 40, { prefix: 'o' });
});
afterEach(() => t.cleanup());

interface Expected {
  id: number;
  rank: number;
  followers: number;
  name: string;
  score: number | null;
  engagement: number;
}

const ALL_SORTS: readonly BoardSort[] = BOARD_SORTS;

/** The column in display order, computed independently of the repository. */
function expectedOrder(stage: Stage, sort: BoardSort): number[] {
  const rows = t.db
    .prepare(
      `SELECT person_id AS id, sort_rank AS rank, sort_followers AS followers, sort_name AS name, score, sort_engagement AS engagement
       FROM triage WHERE account_id = ? AND stage = ? AND snoozed_until IS NULL`,
    )
    .all(accountId, stage) as Expected[];
  const cmp = (a: number | string, b: number | string): number => (a < b ? -1 : a > b ? 1 : 0);
  rows.sort((a, b) => {
    if (sort === 'newest') return cmp(b.rank, a.rank) || b.id - a.id;
    if (sort === 'followers') return cmp(b.followers, a.followers) || b.id - a.id;
    if (sort === 'engaged') return cmp(b.engagement, a.engagement) || b.id - a.id;
    if (sort === 'score') {
      if (a.score === null || b.score === null) return a.score === b.score ? b.id - a.id : a.score === null ? 1 : -1;
      return cmp(b.score, a.score) || b.id - a.id;
    }
    return cmp(a.name, b.name) || a.id - b.id;
  });
  return rows.map((r) => r.id);
}

const ids = (cards: PersonCard[]): number[] => cards.map((c) => c.personId);

describe('boardRepo.counts', () => {
  it('equals SELECT count(*) per stage, with zero for empty stages', () => {
    const counts = boardRepo(t.db).counts(accountId);
    for (const stage of STAGES) {
      const { n } = t.db.prepare('SELECT count(*) AS n FROM triage WHERE account_id = ? AND stage = ?').get(accountId, stage) as {
        n: number;
      };
      expect(counts[stage], stage).toBe(n);
    }
    expect(counts.new + counts.evaluated + counts.connected + counts.declined).toBe(257);
    expect(boardRepo(t.db).counts(999)).toEqual({ new: 0, evaluated: 0, connected: 0, declined: 0 });
  });
});

describe('boardRepo.page', () => {
  for (const sort of ALL_SORTS) {
    for (const stage of ['new', 'declined'] as const) {
      it(`walks the ${stage} column sorted by ${sort} forward and backward without gaps or duplicates`, () => {
        const repo = boardRepo(t.db);
        const expected = expectedOrder(stage, sort);
        expect(expected.length).toBeGreaterThan(20);

        const forward: number[] = [];
        let page = repo.page({ accountId, stage, sort, limit: 7 });
        expect(page.prevCursor).toBeNull();
        forward.push(...ids(page.items));
        while (page.nextCursor) {
          page = repo.page({ accountId, stage, sort, limit: 7, cursor: page.nextCursor });
          expect(page.prevCursor).not.toBeNull();
          forward.push(...ids(page.items));
        }
        expect(forward).toEqual(expected);

        const backward: number[] = [];
        page = repo.page({ accountId, stage, sort, limit: 7, direction: 'backward' });
        expect(page.nextCursor).toBeNull();
        backward.unshift(...ids(page.items));
        while (page.prevCursor) {
          page = repo.page({ accountId, stage, sort, limit: 7, cursor: page.prevCursor, direction: 'backward' });
          expect(page.nextCursor).not.toBeNull();
          backward.unshift(...ids(page.items));
        }
        expect(backward).toEqual(expected);
      });
    }
  }

  it('files accented names under their letter in the name sort', () => {
    const page = boardRepo(t.db).page({ accountId, stage: 'new', sort: 'name', limit: 200 });
    const names = page.items.map((c) => c.displayName);
    const firstEdouard = names.findIndex((n) => n.startsWith('Édouard'));
    const firstGrace = names.findIndex((n) => n.startsWith('Grace'));
    expect(firstEdouard).toBeGreaterThanOrEqual(0);
    expect(firstEdouard).toBeLessThan(firstGrace);
  });

  it('turns back from a deep page to exactly the page before it', () => {
    const repo = boardRepo(t.db);
    const first = repo.page({ accountId, stage: 'new', sort: 'name', limit: 10 });
    const second = repo.page({ accountId, stage: 'new', sort: 'name', limit: 10, cursor: first.nextCursor ?? '' });
    const back = repo.page({ accountId, stage: 'new', sort: 'name', limit: 10, cursor: second.prevCursor ?? '', direction: 'backward' });
    expect(ids(back.items)).toEqual(ids(first.items));
    expect(back.prevCursor).toBeNull();
  });

  it('jumps to a row number with offset and pages on from there by keyset in both directions', () => {
    const repo = boardRepo(t.db);
    for (const sort of ALL_SORTS) {
      const order = expectedOrder('new', sort);
      const jump = repo.page({ accountId, stage: 'new', sort, limit: 10, offset: 50 });
      expect(ids(jump.items)).toEqual(order.slice(50, 60));
      const next = repo.page({ accountId, stage: 'new', sort, limit: 10, cursor: jump.nextCursor ?? '' });
      expect(ids(next.items)).toEqual(order.slice(60, 70));
      const back = repo.page({ accountId, stage: 'new', sort, limit: 10, cursor: jump.prevCursor ?? '', direction: 'backward' });
      expect(ids(back.items)).toEqual(order.slice(40, 50));
    }
    const top = repo.page({ accountId, stage: 'new', sort: 'newest', limit: 10, offset: 0 });
    expect(top.prevCursor).toBeNull();
    const past = repo.page({ accountId, stage: 'new', sort: 'newest', limit: 10, offset: 100_000 });
    expect(past.items).toEqual([]);
    expect(past.nextCursor).toBeNull();
  });

  it('maps rows to cards with the handle as fallback name and a short bio', () => {
    const page = boardRepo(t.db).page({ accountId, stage: 'new', sort: 'newest', limit: 200 });
    for (const card of page.items) {
      expect(card.displayName.length).toBeGreaterThan(0);
      expect(card.bioSnippet.length).toBeLessThanOrEqual(140);
      expect(card.stage).toBe('new');
      expect(card.followsMe).toBe(true);
      expect(card.avatarUrl).toBeNull();
    }
    expect(page.items.some((c) => c.displayName === c.handle)).toBe(true);
  });

  it('rejects garbage cursors as INVALID_INPUT', () => {
    const repo = boardRepo(t.db);
    const garbage = [
      'not base64!',
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from('[1]').toString('base64url'),
      Buffer.from('[1, -3]').toString('base64url'),
      Buffer.from('[1, 2.5]').toString('base64url'),
      Buffer.from('garbage').toString('base64url'),
      encodeCursor({ value: 'text', personId: 3 }), // a name cursor used with a number sort
    ];
    for (const cursor of garbage) {
      let thrown: unknown;
      try {
        repo.page({ accountId, stage: 'new', sort: 'followers', limit: 5, cursor });
      } catch (error) {
        thrown = error;
      }
      expect(thrown, cursor).toBeInstanceOf(RapportError);
      expect((thrown as RapportError).code).toBe('INVALID_INPUT');
    }
  });
});

describe('score sort', () => {
  it('puts unscored people after every scored one and pages across the boundary both ways', () => {
    const repo = boardRepo(t.db);
    const order = expectedOrder('new', 'score');
    const scores = new Map(
      (t.db.prepare('SELECT person_id AS id, score FROM triage WHERE account_id = ?').all(accountId) as { id: number; score: number | null }[]).map(
        (r) => [r.id, r.score],
      ),
    );
    const firstUnscored = order.findIndex((id) => scores.get(id) === null);
    expect(firstUnscored).toBeGreaterThan(3);
    expect(order.slice(firstUnscored).every((id) => scores.get(id) === null)).toBe(true);

    // A page that starts two rows before the boundary and ends past it, then back again.
    const jump = repo.page({ accountId, stage: 'new', sort: 'score', limit: 2, offset: firstUnscored - 2 });
    const across = repo.page({ accountId, stage: 'new', sort: 'score', limit: 4, cursor: jump.nextCursor ?? '' });
    expect(ids(across.items)).toEqual(order.slice(firstUnscored, firstUnscored + 4));
    const inside = repo.page({ accountId, stage: 'new', sort: 'score', limit: 3, cursor: across.nextCursor ?? '' });
    const backAcross = repo.page({
      accountId, stage: 'new', sort: 'score', limit: 5, cursor: inside.prevCursor ?? '', direction: 'backward',
    });
    expect(ids(backAcross.items)).toEqual(order.slice(firstUnscored - 1, firstUnscored + 4));
  });

  it('accepts a null cursor value only for the score sort', () => {
    const repo = boardRepo(t.db);
    const nullKey = encodeCursor({ value: null, personId: 40 });
    expect(() => repo.page({ accountId, stage: 'new', sort: 'score', limit: 5, cursor: nullKey })).not.toThrow();
    expect(() => repo.page({ accountId, stage: 'new', sort: 'followers', limit: 5, cursor: nullKey })).toThrow(RapportError);
  });
});

describe('snoozed people', () => {
  it('leave every column and every count until their snooze ends', () => {
    const repo = boardRepo(t.db);
    const before = repo.counts(accountId);
    const snoozed = t.db
      .prepare("SELECT person_id FROM triage WHERE account_id = ? AND stage = 'new' ORDER BY person_id LIMIT 9")
      .pluck()
      .all(accountId) as number[];
    const snooze = t.db.prepare('UPDATE triage SET snoozed_until = ? WHERE account_id = ? AND person_id = ?');
    for (const id of snoozed) snooze.run(id % 2 === 0 ? 'nextPost' : '2026-04-01T00:00:00.000Z', accountId, id);

    expect(repo.counts(accountId)).toEqual({ ...before, new: before.new - 9 });
    for (const sort of ALL_SORTS) {
      const seen: number[] = [];
      let page = repo.page({ accountId, stage: 'new', sort, limit: 50 });
      seen.push(...ids(page.items));
      while (page.nextCursor) {
        page = repo.page({ accountId, stage: 'new', sort, limit: 50, cursor: page.nextCursor });
        seen.push(...ids(page.items));
      }
      expect(seen, sort).toEqual(expectedOrder('new', sort));
      expect(seen.filter((id) => snoozed.includes(id)), sort).toEqual([]);
    }

    t.db.prepare('UPDATE triage SET snoozed_until = NULL WHERE account_id = ?').run(accountId);
    expect(repo.counts(accountId)).toEqual(before);
  });
});

describe('board counts plan', () => {
  it('counts snoozed cards from the partial snooze index, whatever the sampled statistics say', () => {
    // What PRAGMA optimize left on a 100,000-follower board: about 2,000 rows per account in the
    // full indexes (sampled), 500 snoozed rows in the partial one.
    t.db.exec(`ANALYZE;
      DELETE FROM sqlite_stat1 WHERE tbl = 'triage';
      INSERT INTO sqlite_stat1 (tbl, idx, stat)
      SELECT 'triage', name, CASE WHEN name = 'triage_snoozed' THEN '500 500 500' ELSE '100000 2001 2001 2001 1' END
      FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'triage' AND sql IS NOT NULL;
      ANALYZE sqlite_schema;`);
    const plan = (t.db.prepare(`EXPLAIN QUERY PLAN ${SNOOZED_COUNTS_SQL}`).all({ accountId }) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/triage_snoozed/);
  });
});
