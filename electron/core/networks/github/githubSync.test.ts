// A GitHub account through the real sync engine on real SQLite, the fake on loopback: the request
// budget of a full sync, the free re-check, and a secondary limit mid-sync that ends where an
// undisturbed sync ends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Account, SyncProgress } from '../../../../shared/domain';
import { FakeGithub } from '../../../../test/fakes/github/fakeGithub';
import { githubProviderFor, type GithubKit } from '../../../../test/fakes/github/githubTestKit';
import { openDatabase } from '../../db/openDatabase';
import { MediaCache } from '../../media/mediaCache';
import { accountsRepo } from '../../repos/accountsRepo';
import { ProfileEnrichment } from '../../sync/profileEnrichment';
import { SyncJob, type SyncJobDeps } from '../../sync/syncJob';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Requests to GitHub's API (avatars come from their own host, through the media client). */
const apiRequests = (fake: FakeGithub) => fake.requests.filter((r) => r.route !== 'GET /avatars');
const listRoutes = new Set(['GET /user', 'GET /user/followers', 'GET /user/following', 'POST /graphql']);

async function setup(followers: number, following: number) {
  const fake = new FakeGithub();
  fake.state.generate({ followers, following });
  await fake.start();
  cleanups.push(() => fake.stop());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-github-sync-'));
  const db = openDatabase(path.join(dir, 'rapport.db'));
  let clock = Date.now();
  const enrichment = new ProfileEnrichment(db, new MediaCache(path.join(dir, 'media')), () => clock);
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => {
    db.close();
  });
  cleanups.push(() => enrichment.close());
  const account = accountsRepo(db).upsert({ network: 'github', remoteId: '1', handle: 'octo-self', displayName: 'Octo Self' }, new Date().toISOString());
  const kit = githubProviderFor(fake);
  const sync = async (walkMode: 'full' | 'auto' = 'full', provider: GithubKit = kit, emit: SyncJobDeps['emit'] = () => {}) => {
    clock += 60_000;
    const limitWaits = provider.http.limitWaits;
    const job = new SyncJob({ db, account: account as Account, provider: provider.provider, enrichment, emit, now: () => clock, walkMode, limitWaits });
    await job.finished;
    await enrichment.whenIdle();
    return job;
  };
  const later = (ms: number) => (clock += ms);
  return { fake, db, kit, sync, later };
}

function endState(db: Database.Database) {
  return {
    followers: db.prepare(`SELECT p.remote_id FROM relationships r JOIN people p ON p.id = r.person_id WHERE r.follows_me = 1 ORDER BY 1`).pluck().all(),
    following: db.prepare(`SELECT p.remote_id FROM relationships r JOIN people p ON p.id = r.person_id WHERE r.i_follow = 1 ORDER BY 1`).pluck().all(),
    profiles: db.prepare(`SELECT count(*) FROM people WHERE followers_count IS NOT NULL AND joined_at IS NOT NULL`).pluck().get(),
  };
}

describe('GitHub sync through the engine', () => {
  it('syncs 5,000 followers with full profiles in ceil(5000/100) + ceil(following/100) + a constant requests', async () => {
    const { fake, db, sync } = await setup(5_000, 250);
    const job = await sync();
    expect(job.progress.state).toBe('done');
    const state = endState(db);
    expect(state.followers).toHaveLength(5_000);
    expect(state.following).toHaveLength(250);
    expect(state.profiles).toBe(fake.state.visible('followers').length + 250 - 75); // 75 of the following are mutual
    const requests = apiRequests(fake);
    const lists = requests.filter((r) => listRoutes.has(r.route)).length;
    // GraphQL pages: 50 + 3. Constant: GET /user and one REST head page per list.
    expect(lists).toBe(50 + 3 + 3);
    // Plus recent activity of the 20 newest people (the engine's posts phase) and the daily
    // interactions reading: this account has no repositories, so only their list.
    expect(requests.filter((r) => r.route === 'GET /user/repos')).toHaveLength(1);
    expect(requests.length).toBeLessThanOrEqual(Math.ceil(5_000 / 100) + Math.ceil(250 / 100) + 3 + 20 + 1);
    expect(fake.pointsUsed().graphql).toBe(53);

    const extras = db.prepare(`SELECT data FROM person_extras`).pluck().all() as string[];
    expect(extras.some((json) => json.includes('"Public repositories"'))).toBe(true);
    const posts = db.prepare(`SELECT text FROM posts LIMIT 1`).pluck().get() as string;
    expect(posts).toMatch(/^(Pushed|Opened|Released|Starred|Created|Forked)/);
  });

  it('re-checks an unchanged account with at most 2 requests and no rate-limit point, the activity step included', async () => {
    const { fake, db, sync } = await setup(1_234, 56);
    // Some developers with repositories show no recent public activity.
    for (const user of fake.state.users.values()) if (user.id % 3 === 0) user.events.length = 0;
    await sync();
    expect(db.prepare(`SELECT count(*) FROM people WHERE posts_checked_at IS NOT NULL AND id NOT IN (SELECT person_id FROM posts)`).pluck().get()).toBeGreaterThan(0);
    fake.resetLog();
    const job = await sync('auto');
    expect(job.progress.state).toBe('done');
    expect(apiRequests(fake).map((r) => `${r.route} ${r.status}`)).toEqual(['GET /user/followers 304', 'GET /user/following 304']);
    expect(fake.pointsUsed()).toEqual({ core: 0, graphql: 0 });
  });

  it('asks again after a week for the activity of newest people who had none', async () => {
    const { fake, db, sync, later } = await setup(300, 10);
    for (const user of fake.state.users.values()) user.events.length = 0;
    await sync();
    const emptyAmongNewest = db.prepare(`SELECT count(*) FROM people WHERE posts_checked_at IS NOT NULL AND id NOT IN (SELECT person_id FROM posts)`).pluck().get() as number;
    expect(emptyAmongNewest).toBeGreaterThan(0);
    later(6 * 24 * 3600_000);
    fake.resetLog();
    await sync('auto');
    expect(apiRequests(fake).filter((r) => r.route.includes('/events/public'))).toEqual([]);
    later(2 * 24 * 3600_000);
    fake.resetLog();
    await sync('auto');
    expect(apiRequests(fake).filter((r) => r.route.includes('/events/public'))).toHaveLength(emptyAmongNewest);
  });

  it('finds a new follower in a re-check and stores them', async () => {
    const { fake, db, sync } = await setup(300, 10);
    await sync();
    const newcomer = fake.state.generateUser(50_000);
    fake.state.addFollower(newcomer.id);
    await sync('auto');
    expect(endState(db).followers).toContain(String(newcomer.id));
  });

  it('waits out a secondary limit mid-sync and ends as an undisturbed sync does', async () => {
    const calm = await setup(1_500, 120);
    await calm.sync();
    const limited = await setup(1_500, 120);
    limited.fake.knobs.secondary = { afterRequests: 8, count: 3, status: 403, retryAfterSeconds: 2 };
    const job = await limited.sync();
    expect(job.progress.state).toBe('done');
    expect(limited.kit.waits.filter((ms) => ms === 2_000)).toHaveLength(3);
    expect(endState(limited.db)).toEqual(endState(calm.db));
  });

  it.each([403, 429] as const)('says on the progress bar until when a %i limit holds the sync, then clears it', async (status) => {
    const { fake, kit, sync } = await setup(900, 40);
    fake.knobs.secondary = { afterRequests: 4, count: 1, status, retryAfterSeconds: 120 };
    const events: { at: number; progress: SyncProgress }[] = [];
    const job = await sync('full', kit, (event, payload) => {
      if (event === 'sync.progress') events.push({ at: Date.now(), progress: payload as SyncProgress });
    });
    expect(job.progress.state).toBe('done');
    const waiting = events.findIndex((e) => typeof e.progress.waitingUntil === 'string');
    expect(waiting).toBeGreaterThanOrEqual(0);
    const { at, progress } = events[waiting]!;
    // Retry-After: 120 s from when the answer came (a margin of a tenth of a second at most).
    expect(Date.parse(progress.waitingUntil!) - at).toBeGreaterThan(110_000);
    expect(Date.parse(progress.waitingUntil!) - at).toBeLessThanOrEqual(120_100);
    expect(progress.state).toBe('running');
    expect(events.slice(waiting + 1).some((e) => e.progress.state === 'running' && e.progress.waitingUntil === null)).toBe(true);
    expect(events.at(-1)!.progress.waitingUntil ?? null).toBeNull();
  });
});
