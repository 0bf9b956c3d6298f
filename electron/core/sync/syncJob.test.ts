// The engine against real SQLite with sample networks that change between syncs: new followers
// at the head, followers who leave, decisions that must survive every re-sync.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventMap, EventName, RapportEvent } from '../../../shared/api/events';
import type { Account } from '../../../shared/domain';
import { openDatabase } from '../db/openDatabase';
import { MediaCache } from '../media/mediaCache';
import type { Provider, RemoteEdge, RemotePage, RemoteProfile } from '../networks/provider';
import { SampleProvider } from '../networks/sample/sampleProvider';
import { accountsRepo } from '../repos/accountsRepo';
import { triageRepo } from '../repos/triageRepo';
import { ProfileEnrichment } from './profileEnrichment';
import { SyncJob } from './syncJob';

const ANCHOR = Date.UTC(2026, 3, 1);
const dirs: string[] = [];
const dbs: Database.Database[] = [];

afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-sync-'));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, 'rapport.db'));
  dbs.push(db);
  const account = accountsRepo(db).upsert(
    { network: 'sample', remoteId: 'me', handle: 'me', displayName: 'Me' },
    new Date(ANCHOR).toISOString(),
  );
  const events: RapportEvent[] = [];
  const enrichment = new ProfileEnrichment(db, new MediaCache(path.join(dir, 'media')));
  let clock = ANCHOR;
  const sync = async (followers: number, following: number, wrap: (p: Provider) => Provider = (p) => p) => {
    clock += 3_600_000;
    const job = new SyncJob({
      db,
      account: account as Account,
      provider: wrap(new SampleProvider({ seed: 3, followers, following, anchorMs: ANCHOR })),
      enrichment,
      emit: <E extends EventName>(event: E, payload: EventMap[E]) => events.push({ event, payload } as RapportEvent),
      now: () => clock,
    });
    await job.finished;
    await enrichment.whenIdle(); // avatars arrive in the background after the sync
    return job;
  };
  const one = (sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as number;
  const eventCount = (kind: string) => one('SELECT count(*) FROM events WHERE kind = ?', kind);
  return { db, account, events, sync, one, eventCount };
}

/**
 * A network whose lists carry only ids and handles (like X or GitHub): the engine must hydrate
 * profiles in batches. Counts requests so the request budget can be checked.
 */
class IdOnlyLists implements Provider {
  readonly network = 'sample' as const;
  readonly capabilities: Provider['capabilities'];
  listCalls = 0;
  profileCalls = 0;
  constructor(private readonly inner: Provider) {
    this.capabilities = { ...inner.capabilities, pageMax: 200, profileBatch: 50, listsCarryFullProfiles: false };
  }
  private strip(page: RemotePage<RemoteEdge>): RemotePage<RemoteEdge> {
    const bare = (p: RemoteProfile): RemoteProfile => ({
      ...p,
      displayName: '',
      bio: '',
      followersCount: null,
      followingCount: null,
      postsCount: null,
    });
    return { ...page, items: page.items.map((e) => ({ ...e, profile: bare(e.profile) })) };
  }
  getSelf = () => this.inner.getSelf();
  async listFollowers(cursor: string | null, limit: number, signal?: AbortSignal) {
    this.listCalls++;
    return this.strip(await this.inner.listFollowers(cursor, Math.min(limit, 200), signal));
  }
  async listFollowing(cursor: string | null, limit: number, signal?: AbortSignal) {
    this.listCalls++;
    return this.strip(await this.inner.listFollowing(cursor, Math.min(limit, 200), signal));
  }
  async getProfiles(ids: string[], signal?: AbortSignal) {
    this.profileCalls++;
    expect(ids.length).toBeLessThanOrEqual(50);
    return this.inner.getProfiles(ids, signal);
  }
  getRecentPosts = (id: string, limit: number, signal?: AbortSignal) => this.inner.getRecentPosts(id, limit, signal);
  getRelationships = (ids: string[], signal?: AbortSignal) => this.inner.getRelationships(ids, signal);
  accountStatus = (ids: string[], signal?: AbortSignal) => this.inner.accountStatus(ids, signal);
  follow = (id: string, key: string) => this.inner.follow(id, key);
  unfollow = (id: string, ref: string | null) => this.inner.unfollow(id, ref);
  sendDm = (id: string, text: string, key: string) => this.inner.sendDm(id, text, key);
  fetchMedia = (url: string, signal?: AbortSignal) => this.inner.fetchMedia(url, signal);
}

describe('SyncJob', () => {
  it('hydrates profiles when lists lack them, within the request budget', async () => {
    const t = setup();
    let network: IdOnlyLists | null = null;
    await t.sync(1_000, 0, (inner) => (network = new IdOnlyLists(inner)));
    const n = 1_000;
    expect(network!.listCalls + network!.profileCalls).toBeLessThanOrEqual(Math.ceil(n / 200) + Math.ceil(n / 50) + 1);
    expect(t.one("SELECT count(*) FROM people WHERE bio = '' AND display_name = ''")).toBe(0);
    expect(t.one('SELECT count(*) FROM triage t JOIN people p ON p.id = t.person_id WHERE t.sort_followers <> p.followers_count')).toBe(0);
  });

  it('imports an account without timeline events, mutuals Connected, the rest New', async () => {
    const t = setup();
    await t.sync(500, 100);
    expect(t.one('SELECT count(*) FROM triage')).toBe(500);
    expect(t.one("SELECT count(*) FROM triage WHERE stage = 'connected'")).toBe(40);
    expect(t.one('SELECT count(*) FROM events')).toBe(0);
    expect(t.one('SELECT count(*) FROM relationships WHERE i_follow = 1')).toBe(100);
    const run = t.db.prepare('SELECT state, phase, requests, items FROM sync_runs').get();
    // getSelf + 1 followers page + 1 following page + posts for the newest people.
    expect(run).toMatchObject({ state: 'done', phase: 'done', items: 600 });
    expect(t.one("SELECT count(*) FROM people WHERE avatar_file IS NOT NULL")).toBeGreaterThan(0);
    expect(t.one('SELECT count(DISTINCT person_id) FROM posts')).toBeGreaterThan(0);
  });

  it('records genuinely new followers on the next sync and ranks them newest', async () => {
    const t = setup();
    await t.sync(300, 0);
    await t.sync(310, 0);
    expect(t.eventCount('followed_me')).toBe(10);
    const newest = t.db
      .prepare(
        `SELECT p.remote_id FROM triage t JOIN people p ON p.id = t.person_id
         ORDER BY t.sort_rank DESC LIMIT 11`,
      )
      .pluck()
      .all() as string[];
    // Indexes 300..309 are the ten newest followers, newest first, then the old head (299).
    expect(newest).toEqual([...Array.from({ length: 10 }, (_, i) => `s3-f${309 - i}`), 's3-f299']);
    // Sort keys stay equal to their sources.
    expect(t.one('SELECT count(*) FROM triage t JOIN relationships r USING (account_id, person_id) WHERE t.sort_rank <> r.follow_rank')).toBe(0);
  });

  it('re-checks followers missing from a full walk before recording unfollowed_me', async () => {
    const t = setup();
    await t.sync(300, 0);
    await t.sync(290, 0);
    expect(t.eventCount('unfollowed_me')).toBe(10);
    expect(t.one('SELECT count(*) FROM relationships WHERE follows_me = 1')).toBe(290);
    // Their cards and history stay; only the edge ended.
    expect(t.one('SELECT count(*) FROM triage')).toBe(300);
    await t.sync(290, 0);
    expect(t.eventCount('unfollowed_me')).toBe(10);
  });

  it('never overrides a stage the user chose, and promotes only untouched cards', async () => {
    const t = setup();
    await t.sync(200, 0);
    const ids = t.db.prepare("SELECT person_id FROM triage WHERE stage = 'new' ORDER BY person_id LIMIT 3").pluck().all() as number[];
    const at = new Date(ANCHOR + 1).toISOString();
    triageRepo(t.db).move(t.account.id, ids[0]!, 'declined', at);
    triageRepo(t.db).move(t.account.id, ids[1]!, 'evaluated', at);
    // Following 100 now: 40 of the 200 followers become mutuals, among them maybe the moved ones.
    await t.sync(200, 100);
    expect(t.db.prepare('SELECT stage FROM triage WHERE person_id IN (?, ?) ORDER BY person_id').pluck().all(ids[0], ids[1])).toEqual([
      'declined',
      'evaluated',
    ]);
    const promoted = t.one(
      `SELECT count(*) FROM triage t JOIN relationships r USING (account_id, person_id)
       WHERE r.i_follow = 1 AND r.follows_me = 1 AND t.stage = 'connected'`,
    );
    const mutuals = t.one('SELECT count(*) FROM relationships WHERE i_follow = 1 AND follows_me = 1');
    const movedMutuals = t.one(
      'SELECT count(*) FROM relationships WHERE i_follow = 1 AND follows_me = 1 AND person_id IN (?, ?)',
      ids[0],
      ids[1],
    );
    expect(promoted).toBe(mutuals - movedMutuals);
  });

  it('announces progress at a throttled pace, phase by phase, and ends with done', async () => {
    const t = setup();
    await t.sync(12_000, 50);
    const progress = t.events.filter((e) => e.event === 'sync.progress').map((e) => e.payload as EventMap['sync.progress']);
    expect(progress.at(-1)).toMatchObject({ state: 'done', phase: 'done' });
    const phases = [...new Set(progress.map((p) => p.phase))];
    expect(phases).toEqual(['followers', 'following', 'posts', 'done']);
    // Within a phase the counter only moves forward.
    for (let i = 1; i < progress.length; i++) {
      if (progress[i]!.phase === progress[i - 1]!.phase) expect(progress[i]!.done).toBeGreaterThanOrEqual(progress[i - 1]!.done);
    }
    expect(t.events.some((e) => e.event === 'people.changed')).toBe(true);
    // The deferred search index was rebuilt: every person is searchable.
    expect(t.one('SELECT deferred FROM search_index_state')).toBe(0);
    const oldest = t.db.prepare("SELECT id, handle FROM people WHERE remote_id = 's3-f0'").get() as { id: number; handle: string };
    expect(t.one('SELECT rowid FROM people_fts WHERE people_fts MATCH ?', `handle:"${oldest.handle}"`)).toBe(oldest.id);
  });
});
