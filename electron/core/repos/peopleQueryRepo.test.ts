import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stage } from '../../../shared/domain';
import type { SignalId } from '../../../shared/signals';
import { PEOPLE_SORTS, type PeopleFilter } from '../../../shared/triageTypes';
import { peopleQueryRepo } from './peopleQueryRepo';
import { addTestAccount, addTestFollowers, createTestDatabase, FIXTURE_NOW, type TestDatabase } from './testFixtures';

/** One person of the fixture, as the test itself models it (independent of the SQL under test). */
interface Model {
  id: number;
  name: string;
  bio: string;
  stage: Stage | null;
  followsMe: boolean;
  iFollow: boolean;
  gone: boolean;
  followedMeAt: string | null;
  tags: string[];
  signals: SignalId[];
  score: number | null;
  snoozed: boolean;
  followers: number;
  lastPostAt: string | null;
}

let t: TestDatabase;
let accountId: number;
let otherAccountId: number;
let model: Model[];
let otherOnly: number[];

const STAGE_OF = (i: number): Stage => (['new', 'evaluated', 'declined', 'new', 'connected'] as const)[i % 5] as Stage;

beforeEach(() => {
  t = createTestDatabase();
  const db = t.db;
  accountId = addTestAccount(db);
  otherAccountId = addTestAccount(db, 'other');
  const followers = addTestFollowers(db, accountId, 60, { stage: STAGE_OF });
  // The other account knows some of the same people, with tags and signals of its own.
  addTestFollowers(db, otherAccountId, 20);
  otherOnly = addTestFollowers(db, otherAccountId, 5, { prefix: 'o' }).map((f) => f.personId);
  model = followers.map((f, i) => ({
    id: f.personId,
    name: f.displayName,
    bio: f.bio,
    stage: f.stage,
    followsMe: true,
    iFollow: false,
    gone: false,
    followedMeAt: FIXTURE_NOW,
    tags: [],
    signals: [],
    score: null,
    snoozed: false,
    followers: (i * 37) % 11,
    lastPostAt: null,
  }));

  const edge = db.prepare('UPDATE relationships SET follows_me = ?, i_follow = ?, followed_me_at = ? WHERE account_id = ? AND person_id = ?');
  model.forEach((m, i) => {
    m.iFollow = i % 4 === 0;
    m.followsMe = i % 10 !== 3;
    m.followedMeAt = `2026-01-${String(1 + (i % 28)).padStart(2, '0')}T12:00:00.000Z`;
    edge.run(m.followsMe ? 1 : 0, m.iFollow ? 1 : 0, m.followedMeAt, accountId, m.id);
  });
  // A follower who vanished (deactivated): not an unfollow.
  const goneOne = model[13] as Model;
  goneOne.gone = true;
  db.prepare("UPDATE people SET gone_at = '2026-02-01T00:00:00.000Z' WHERE id = ?").run(goneOne.id);

  // People I follow who never followed me: a relationship, no card.
  const person = db.prepare(
    `INSERT INTO people (network, remote_id, handle, display_name, bio, followers_count, fetched_at)
     VALUES ('sample', ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  for (let i = 0; i < 4; i += 1) {
    const { id } = person.get(`g${i}`, `g${i}.sample`, `Gina ${i}`, 'I post about sourdough baking', 1000 + i, FIXTURE_NOW) as { id: number };
    db.prepare("INSERT INTO relationships (account_id, person_id, i_follow, i_followed_at) VALUES (?, ?, 1, '2025-06-01T00:00:00.000Z')").run(
      accountId,
      id,
    );
    model.push({
      id, name: `Gina ${i}`, bio: 'I post about sourdough baking', stage: null, followsMe: false, iFollow: true, gone: false,
      followedMeAt: null, tags: [], signals: [], score: null, snoozed: false, followers: 1000 + i, lastPostAt: null,
    });
  }

  const tag = db.prepare("INSERT INTO tags (account_id, name, created_at) VALUES (?, ?, 'x') RETURNING id");
  const friend = (tag.get(accountId, 'Friend') as { id: number }).id;
  const rust = (tag.get(accountId, 'rust-dev') as { id: number }).id;
  const otherFriend = (tag.get(otherAccountId, 'Friend') as { id: number }).id;
  const tagPerson = db.prepare("INSERT INTO person_tags (tag_id, person_id, created_at) VALUES (?, ?, 'x')");
  model.forEach((m, i) => {
    if (i % 3 === 0) {
      tagPerson.run(friend, m.id);
      m.tags.push('Friend');
    }
    if (i % 5 === 1) {
      tagPerson.run(rust, m.id);
      m.tags.push('rust-dev');
    }
    if (i % 7 === 2) tagPerson.run(otherFriend, m.id); // another account's tag: must not count here
  });

  const score = db.prepare('UPDATE triage SET score = ? WHERE account_id = ? AND person_id = ?');
  const signal = db.prepare('INSERT INTO triage_signals (account_id, person_id, signal) VALUES (?, ?, ?)');
  model.forEach((m, i) => {
    if (m.stage === null || i % 6 === 5) return; // unscored
    m.score = (i * 13) % 50 - 25;
    score.run(m.score, accountId, m.id);
    if (i % 2 === 0) m.signals.push('follow-bait');
    if (i % 3 === 1) m.signals.push('default-avatar');
    for (const s of m.signals) signal.run(accountId, m.id, s);
  });

  const snooze = db.prepare("UPDATE triage SET snoozed_until = 'nextPost' WHERE account_id = ? AND person_id = ?");
  for (const i of [2, 9, 22]) {
    const m = model[i] as Model;
    m.snoozed = true;
    snooze.run(accountId, m.id);
  }

  const posted = db.prepare('UPDATE people SET last_post_at = ? WHERE id = ?');
  model.forEach((m, i) => {
    if (i % 4 === 1) {
      m.lastPostAt = `2026-02-${String(1 + (i % 27)).padStart(2, '0')}T08:00:00.000Z`;
      posted.run(m.lastPostAt, m.id);
    }
  });
  // A note is searchable like a bio.
  db.prepare("INSERT INTO notes (account_id, person_id, body, created_at, updated_at) VALUES (?, ?, 'met at Fosdem', 'x', 'x')").run(
    accountId,
    (model[7] as Model).id,
  );
});
afterEach(() => t.cleanup());

const idsWhere = (keep: (m: Model) => boolean): number[] => model.filter(keep).map((m) => m.id).sort((a, b) => a - b);
const matching = (filter: PeopleFilter): number[] => peopleQueryRepo(t.db).matchingIds(accountId, filter).sort((a, b) => a - b);

describe('buildPeopleFilterSql through peopleQueryRepo', () => {
  it('matches everyone the account knows for an empty filter, followers and people I follow alike', () => {
    expect(matching({})).toEqual(idsWhere(() => true));
    expect(peopleQueryRepo(t.db).count(accountId, {})).toBe(64);
  });

  const cases: [string, PeopleFilter, (m: Model) => boolean][] = [
    ['stages', { stages: ['new', 'declined'] }, (m) => m.stage === 'new' || m.stage === 'declined'],
    ['one tag (any case)', { tags: ['friend'] }, (m) => m.tags.includes('Friend')],
    ['every tag listed', { tags: ['Friend', 'rust-dev'] }, (m) => m.tags.includes('Friend') && m.tags.includes('rust-dev')],
    ['one signal', { signals: ['follow-bait'] }, (m) => m.signals.includes('follow-bait')],
    ['every signal listed', { signals: ['follow-bait', 'default-avatar'] }, (m) => m.signals.length === 2],
    ['mutual', { relationship: 'mutual' }, (m) => m.followsMe && m.iFollow],
    ['follows me', { relationship: 'followsMe' }, (m) => m.followsMe],
    ['I follow', { relationship: 'iFollow' }, (m) => m.iFollow],
    ['not following back', { relationship: 'notFollowingBack' }, (m) => m.iFollow && !m.followsMe],
    ['unfollowed me (not gone)', { relationship: 'unfollowedMe' }, (m) => m.stage !== null && !m.followsMe && !m.gone],
    [
      'followed me within dates, bounds inclusive, offsets understood',
      { followedMeAfter: '2026-01-05T12:00:00.000Z', followedMeBefore: '2026-01-10T14:00:00+02:00' },
      (m) => m.followedMeAt !== null && m.followedMeAt >= '2026-01-05T12:00:00.000Z' && m.followedMeAt <= '2026-01-10T12:00:00.000Z',
    ],
    ['snoozed only', { snoozed: true }, (m) => m.snoozed],
    ['snoozed hidden', { snoozed: false }, (m) => !m.snoozed],
    ['bio word', { query: 'sourdough' }, (m) => m.bio.includes('sourdough')],
    ['note word, prefix while typing', { query: 'fosd' }, (m) => m.id === (model[7] as Model).id],
    [
      'everything at once',
      { stages: ['new'], tags: ['Friend'], signals: ['follow-bait'], relationship: 'followsMe', snoozed: false },
      (m) => m.stage === 'new' && m.tags.includes('Friend') && m.signals.includes('follow-bait') && m.followsMe && !m.snoozed,
    ],
  ];
  for (const [name, filter, keep] of cases) {
    it(`filters by ${name}`, () => {
      const expected = idsWhere(keep);
      expect(expected.length, 'the fixture must exercise this filter').toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(64);
      expect(matching(filter)).toEqual(expected);
      expect(peopleQueryRepo(t.db).count(accountId, filter)).toBe(expected.length);
    });
  }

  it('treats hostile query text as words, and a query of punctuation as matching nobody', () => {
    expect(matching({ query: '" OR 1=1 --' })).toEqual([]);
    expect(matching({ query: 'NEAR(' })).toEqual([]);
    expect(matching({ query: '?!' })).toEqual([]);
    expect(matching({ query: '   ' })).toEqual(idsWhere(() => true));
  });

  it('never returns another account’s people', () => {
    expect(matching({}).filter((id) => otherOnly.includes(id))).toEqual([]);
    expect(peopleQueryRepo(t.db).count(otherAccountId, {})).toBe(25);
    expect(peopleQueryRepo(t.db).count(otherAccountId, { tags: ['Friend'] })).toBe(3); // p2, p9, p16
    expect(peopleQueryRepo(t.db).count(otherAccountId, { signals: ['follow-bait'] })).toBe(0);
  });
});

describe('peopleQueryRepo.page', () => {
  const orderOf = (sort: (typeof PEOPLE_SORTS)[number], ids: number[]): number[] => {
    const byId = new Map(model.map((m) => [m.id, m]));
    const rows = ids.map((id) => byId.get(id) as Model);
    const nullsLast = <T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number): number =>
      a === null ? (b === null ? 0 : 1) : b === null ? -1 : cmp(a, b);
    const desc = (x: number | string, y: number | string) => (x < y ? 1 : x > y ? -1 : 0);
    switch (sort) {
      case 'followers':
        return rows.sort((a, b) => b.followers - a.followers || b.id - a.id).map((m) => m.id);
      case 'score':
        return rows.sort((a, b) => nullsLast(a.score, b.score, desc) || b.id - a.id).map((m) => m.id);
      case 'lastActivity':
        return rows.sort((a, b) => nullsLast(a.lastPostAt, b.lastPostAt, desc) || b.id - a.id).map((m) => m.id);
      default:
        return [];
    }
  };

  for (const sort of ['followers', 'score', 'lastActivity'] as const) {
    it(`pages through matches sorted by ${sort} with a stable total`, () => {
      const filter: PeopleFilter = { relationship: 'iFollow' };
      const expected = orderOf(sort, matching(filter));
      const seen: number[] = [];
      let offset: number | null = 0;
      while (offset !== null) {
        const page = peopleQueryRepo(t.db).page({ accountId, filter, sort, limit: 4, offset });
        expect(page.total).toBe(expected.length);
        seen.push(...page.items.map((c) => c.personId));
        offset = page.nextOffset;
      }
      expect(seen).toEqual(expected);
    });
  }

  it('pages through "Engages with you, not followed back", most engaged first, ties newest id first', () => {
    // Engagement with ties; the followers of even index never engaged (key 0: not in the view).
    const engagement = new Map(model.filter((m, i) => m.stage !== null && i % 2 === 1).map((m, i) => [m.id, 1 + (i % 3)]));
    const key = t.db.prepare('UPDATE triage SET sort_engagement = ? WHERE account_id = ? AND person_id = ?');
    for (const [id, points] of engagement) key.run(points, accountId, id);
    const filter: PeopleFilter = { engages: true, relationship: 'notFollowedBack' };
    const expected = model
      .filter((m) => engagement.has(m.id) && m.followsMe && !m.iFollow)
      .sort((a, b) => (engagement.get(b.id) as number) - (engagement.get(a.id) as number) || b.id - a.id)
      .map((m) => m.id);
    expect(expected.length).toBeGreaterThan(8);
    const seen: number[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const page = peopleQueryRepo(t.db).page({ accountId, filter, sort: 'engaged', limit: 4, offset });
      expect(page.total).toBe(expected.length);
      seen.push(...page.items.map((c) => c.personId));
      offset = page.nextOffset;
    }
    expect(seen).toEqual(expected);
  });

  it('sorts by name and newest with every known person exactly once', () => {
    for (const sort of ['name', 'newest'] as const) {
      const page = peopleQueryRepo(t.db).page({ accountId, filter: {}, sort, limit: 500 });
      expect(page.items.map((c) => c.personId).sort((a, b) => a - b), sort).toEqual(idsWhere(() => true));
      expect(page.nextOffset).toBeNull();
    }
    const names = peopleQueryRepo(t.db)
      .page({ accountId, filter: {}, sort: 'name', limit: 500 })
      .items.map((c) => c.displayName.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('shows people I follow who never followed me as cards without a board stage of their own', () => {
    const page = peopleQueryRepo(t.db).page({ accountId, filter: { query: 'sourdough' }, sort: 'followers', limit: 10 });
    expect(page.items.map((c) => c.displayName)).toEqual(['Gina 3', 'Gina 2', 'Gina 1', 'Gina 0']);
    for (const card of page.items) {
      expect(card).toMatchObject({ followsMe: false, iFollow: true, stage: 'connected', stageChangedAt: '2025-06-01T00:00:00.000Z' });
    }
  });

  it('falls back to cached posts for last activity when the profile has no last post date', () => {
    const quiet = model.find((m, i) => i % 4 === 2 && m.iFollow === false && m.stage !== null) as Model;
    t.db.prepare("INSERT INTO posts (person_id, remote_id, text, created_at) VALUES (?, 'x1', 'hi', '2026-03-20T00:00:00.000Z')").run(quiet.id);
    const page = peopleQueryRepo(t.db).page({ accountId, filter: {}, sort: 'lastActivity', limit: 1 });
    expect(page.items[0]?.personId).toBe(quiet.id);
  });

  it('pages through everyone, newest follower first, with everyone’s total on every page', () => {
    const followOrder = t.db
      .prepare('SELECT person_id FROM relationships WHERE account_id = ? ORDER BY follow_rank DESC, person_id DESC')
      .pluck()
      .all(accountId) as number[];
    for (const sort of PEOPLE_SORTS) {
      const whole = peopleQueryRepo(t.db).page({ accountId, filter: {}, sort, limit: 500 }).items.map((c) => c.personId);
      const seen: number[] = [];
      let offset: number | null = 0;
      while (offset !== null) {
        const page = peopleQueryRepo(t.db).page({ accountId, filter: {}, sort, limit: 7, offset });
        expect(page.total, sort).toBe(64);
        seen.push(...page.items.map((c) => c.personId));
        offset = page.nextOffset;
      }
      expect(seen, sort).toEqual(whole);
      if (sort === 'newest') expect(seen).toEqual(followOrder);
    }
  });

  it('reports the end of the list and an empty page past it', () => {
    const last = peopleQueryRepo(t.db).page({ accountId, filter: {}, sort: 'newest', limit: 10, offset: 60 });
    expect(last.items).toHaveLength(4);
    expect(last.nextOffset).toBeNull();
    const past = peopleQueryRepo(t.db).page({ accountId, filter: {}, sort: 'newest', limit: 10, offset: 1000 });
    expect(past).toEqual({ items: [], total: 64, nextOffset: null });
  });
});
