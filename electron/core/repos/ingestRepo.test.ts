import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { RemoteEdge, RemoteProfile } from '../networks/provider';
import { ingestRepo, rankFor, type IngestPageInput } from './ingestRepo';
import { syncStateRepo, type WalkName } from './syncStateRepo';
import { addTestAccount, createTestDatabase, FIXTURE_NOW, type TestDatabase } from './testFixtures';

let t: TestDatabase;
afterEach(() => t?.cleanup());

function profile(id: string, extra: Partial<RemoteProfile> = {}): RemoteProfile {
  return {
    remoteId: id,
    handle: `${id}.handle`,
    displayName: `Person ${id}`,
    bio: `bio of ${id}`,
    bioHtml: null,
    avatarUrl: null,
    followersCount: 10,
    followingCount: 5,
    postsCount: 1,
    joinedAt: null,
    profileUrl: null,
    ...extra,
  };
}

const edge = (id: string, extra: Partial<RemoteProfile> = {}): RemoteEdge => ({ profile: profile(id, extra), followedAt: FIXTURE_NOW });

function page(db: Database.Database, accountId: number, walk: WalkName, edges: RemoteEdge[], nextCursor: string | null): IngestPageInput {
  const checkpoint = syncStateRepo(db).getWalk(accountId, walk) ?? syncStateRepo(db).beginWalk(accountId, walk, FIXTURE_NOW).checkpoint;
  const run = syncStateRepo(db).latestRun(accountId) ?? syncStateRepo(db).startRun(accountId, FIXTURE_NOW, walk);
  return {
    accountId,
    network: 'sample',
    walk,
    checkpoint,
    edges,
    nextCursor,
    initialImport: checkpoint.generation === 1,
    at: FIXTURE_NOW,
    run: { id: run.id, requests: 1, items: edges.length },
  };
}

const one = (db: Database.Database, sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params);

describe('ingestRepo.ingestPage', () => {
  it('writes people, edges, triage with sort keys and the checkpoint together', () => {
    t = createTestDatabase();
    const accountId = addTestAccount(t.db);
    const result = ingestRepo(t.db).ingestPage(page(t.db, accountId, 'followers', [edge('a'), edge('b', { displayName: '' })], 'c1'));
    expect(result.personIds).toHaveLength(2);
    expect(result.checkpoint).toMatchObject({ cursor: 'c1', pagesDone: 1, itemsDone: 2, done: false, generation: 1 });
    expect(syncStateRepo(t.db).getWalk(accountId, 'followers')).toEqual(result.checkpoint);
    const rows = t.db.prepare('SELECT stage, sort_rank, sort_followers, sort_name FROM triage ORDER BY sort_rank DESC').all();
    expect(rows).toEqual([
      { stage: 'new', sort_rank: rankFor(1, 0), sort_followers: 10, sort_name: 'person a' },
      { stage: 'new', sort_rank: rankFor(1, 1), sort_followers: 10, sort_name: 'b.handle' },
    ]);
    expect(one(t.db, 'SELECT count(*) FROM events')).toBe(0);
  });

  it('rolls the whole page back, checkpoint included, when one row fails', () => {
    t = createTestDatabase();
    const accountId = addTestAccount(t.db);
    ingestRepo(t.db).ingestPage(page(t.db, accountId, 'followers', [edge('a')], 'c1'));
    const broken = edge('z', { handle: null as unknown as string });
    expect(() => ingestRepo(t.db).ingestPage(page(t.db, accountId, 'followers', [edge('b'), broken], 'c2'))).toThrow();
    expect(one(t.db, 'SELECT count(*) FROM people')).toBe(1);
    expect(syncStateRepo(t.db).getWalk(accountId, 'followers')).toMatchObject({ cursor: 'c1', pagesDone: 1, itemsDone: 1 });
  });

  it('matches people by remote id, so a changed handle updates the same row', () => {
    t = createTestDatabase();
    const accountId = addTestAccount(t.db);
    const [first] = ingestRepo(t.db).ingestPage(page(t.db, accountId, 'followers', [edge('a')], null)).personIds;
    syncStateRepo(t.db).beginWalk(accountId, 'followers', FIXTURE_NOW);
    const [again] = ingestRepo(t.db).ingestPage(page(t.db, accountId, 'followers', [edge('a', { handle: 'renamed' })], null)).personIds;
    expect(again).toBe(first);
    expect(one(t.db, 'SELECT handle FROM people')).toBe('renamed');
    expect(one(t.db, 'SELECT count(*) FROM people')).toBe(1);
  });

  it('keeps a user stage and the first rank on later walks, and logs only new followers', () => {
    t = createTestDatabase();
    const accountId = addTestAccount(t.db);
    const [a] = ingestRepo(t.db).ingestPage(page(t.db, accountId, 'followers', [edge('a')], null)).personIds;
    t.db.prepare("UPDATE triage SET stage = 'declined' WHERE person_id = ?").run(a);
    syncStateRepo(t.db).beginWalk(accountId, 'followers', FIXTURE_NOW);
    const result = ingestRepo(t.db).ingestPage(page(t.db, accountId, 'followers', [edge('n'), edge('a')], null));
    expect(result.added).toBe(1);
    expect(one(t.db, 'SELECT stage FROM triage WHERE person_id = ?', a)).toBe('declined');
    expect(one(t.db, 'SELECT follow_rank FROM relationships WHERE person_id = ?', a)).toBe(rankFor(1, 0));
    expect(one(t.db, 'SELECT follow_rank FROM relationships WHERE person_id = ?', result.personIds[0])).toBe(rankFor(2, 0));
    expect(t.db.prepare('SELECT kind, person_id FROM events').all()).toEqual([{ kind: 'followed_me', person_id: result.personIds[0] }]);
  });

  it('marks mutuals Connected in the following walk unless the user moved the card', () => {
    t = createTestDatabase();
    const accountId = addTestAccount(t.db);
    const [a, b] = ingestRepo(t.db).ingestPage(page(t.db, accountId, 'followers', [edge('a'), edge('b')], null)).personIds;
    t.db
      .prepare("INSERT INTO events (account_id, person_id, kind, at) VALUES (?, ?, 'stage_changed', ?)")
      .run(accountId, b, FIXTURE_NOW);
    ingestRepo(t.db).ingestPage(page(t.db, accountId, 'following', [edge('a'), edge('b'), edge('c')], null));
    expect(t.db.prepare('SELECT person_id, stage FROM triage ORDER BY person_id').all()).toEqual([
      { person_id: a, stage: 'connected' },
      { person_id: b, stage: 'new' },
    ]);
    // People I follow who do not follow me get no card.
    expect(one(t.db, 'SELECT count(*) FROM triage')).toBe(2);
    expect(one(t.db, 'SELECT count(*) FROM relationships WHERE i_follow = 1')).toBe(3);
  });
});

describe('syncStateRepo', () => {
  it('resumes an unfinished walk and starts the next generation after a finished one', () => {
    t = createTestDatabase();
    const accountId = addTestAccount(t.db);
    const states = syncStateRepo(t.db);
    const first = states.beginWalk(accountId, 'followers', FIXTURE_NOW);
    expect(first).toMatchObject({ resumed: false, checkpoint: { generation: 1, cursor: null, pagesDone: 0 } });
    states.saveCheckpoint({ ...first.checkpoint, cursor: 'c9', pagesDone: 9, itemsDone: 900 }, FIXTURE_NOW);
    expect(states.beginWalk(accountId, 'followers', FIXTURE_NOW)).toMatchObject({
      resumed: true,
      checkpoint: { generation: 1, cursor: 'c9', pagesDone: 9, itemsDone: 900 },
    });
    states.saveCheckpoint({ ...first.checkpoint, cursor: null, pagesDone: 10, itemsDone: 950, done: true }, FIXTURE_NOW);
    expect(states.beginWalk(accountId, 'followers', FIXTURE_NOW)).toMatchObject({
      resumed: false,
      checkpoint: { generation: 2, cursor: null, pagesDone: 0, itemsDone: 0, done: false },
    });
  });

  it('tracks runs from running to finished and finds the interrupted ones', () => {
    t = createTestDatabase();
    const accountId = addTestAccount(t.db);
    const states = syncStateRepo(t.db);
    const run = states.startRun(accountId, FIXTURE_NOW, 'followers');
    expect(states.runningRuns().map((r) => r.id)).toEqual([run.id]);
    states.recordProgress(run.id, 'following', 3, 1500);
    expect(states.latestRun(accountId)).toMatchObject({ state: 'running', phase: 'following', requests: 3, items: 1500 });
    states.finishRun({ ...run, phase: 'done', requests: 4, items: 1600 }, 'done', '2026-03-01T13:00:00.000Z');
    expect(states.runningRuns()).toEqual([]);
    expect(states.latestRun(accountId)).toMatchObject({ state: 'done', finishedAt: '2026-03-01T13:00:00.000Z' });
    expect(one(t.db, 'SELECT last_synced_at FROM accounts WHERE id = ?', accountId)).toBe('2026-03-01T13:00:00.000Z');
  });
});
