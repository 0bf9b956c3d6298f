// Issue 3's sync acceptance items at core level: the real engine and provider against the fake
// Bluesky on loopback, counted by the fake's own request log.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncProgress } from '../../shared/domain';
import { DATABASE_FILE } from '../../electron/core/createCore';
import { callOk, syncEnd } from './coreTestKit';
import { startBlueskyCore, type BlueskyCoreKit } from './blueskyCoreKit';

let kit: BlueskyCoreKit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

function query<T>(dataDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const edgeCounts = (dataDir: string) =>
  query<{ followers: number; following: number }>(
    dataDir,
    'SELECT sum(follows_me) AS followers, sum(i_follow) AS following FROM relationships WHERE account_id = 1',
  )[0]!;

async function sync(k: BlueskyCoreKit, full = false): Promise<SyncProgress> {
  const ended = syncEnd(k.core, k.account.id);
  await callOk(k.core, 'startSync', { accountId: k.account.id, full });
  return ended;
}

describe('Bluesky sync through core', () => {
  it('syncs 5,000 followers and 3,000 follows within the request budget', { timeout: 120_000 }, async () => {
    kit = await startBlueskyCore({ followers: 5_000, follows: 3_000, label: 'bsky-5k' });
    const { fake, dataDir } = kit;
    expect(await callOk(kit.core, 'getSyncStatus', { accountId: kit.account.id })).toMatchObject({ state: 'done' });
    expect(edgeCounts(dataDir)).toEqual({ followers: 5_000, following: 3_000 });
    const counts = fake.countsByEndpoint();
    const small = 5;
    expect(counts['app.bsky.graph.getFollowers']).toBeLessThanOrEqual(Math.ceil(5_000 / 100) + small);
    expect(counts['app.bsky.graph.getFollows']).toBeLessThanOrEqual(Math.ceil(3_000 / 100) + small);
    // Lists carry no counts: every listed person is hydrated once, 25 per request.
    expect(counts['app.bsky.actor.getProfiles']).toBeLessThanOrEqual(Math.ceil(5_000 / 25) + Math.ceil(3_000 / 25) + small);
    expect(counts['com.atproto.server.createSession']).toBe(1);
  });

  it('puts exactly the 7 new followers in New with at most 2 getFollowers requests', async () => {
    kit = await startBlueskyCore({ followers: 450, follows: 20, label: 'bsky-head' });
    const { fake, dataDir } = kit;
    const before = await callOk(kit.core, 'getBoardCounts', { accountId: kit.account.id });
    const added = fake.state.addFollowers(7).map((actor) => actor.did);
    const listCalls = fake.countOf('app.bsky.graph.getFollowers');

    expect((await sync(kit)).state).toBe('done');
    expect(fake.countOf('app.bsky.graph.getFollowers') - listCalls).toBeLessThanOrEqual(2);
    const after = await callOk(kit.core, 'getBoardCounts', { accountId: kit.account.id });
    expect(after.new).toBe(before.new + 7);
    const newest = await callOk(kit.core, 'getBoardPage', { accountId: kit.account.id, stage: 'new', sort: 'newest', limit: 7 });
    const ids = newest.items.map((card) => card.personId);
    const dids = query<{ remote_id: string }>(dataDir, `SELECT remote_id FROM people WHERE id IN (${ids.join(',')})`).map((r) => r.remote_id);
    expect(new Set(dids)).toEqual(new Set(added));
    expect(query<{ n: number }>(dataDir, "SELECT count(*) AS n FROM events WHERE kind = 'followed_me'")[0]!.n).toBe(7);
  });

  it('records 3 unfollowed_me and 1 gone on a full sync after 3 unfollows and 1 deactivation', async () => {
    kit = await startBlueskyCore({ followers: 60, follows: 5, label: 'bsky-removals' });
    const { fake, dataDir } = kit;
    const dids = fake.state.followers.slice(0, 4).map((edge) => edge.did);
    fake.state.removeFollowers(dids.slice(0, 3));
    fake.state.setStatus(dids[3]!, 'deactivated');

    expect((await sync(kit, true)).state).toBe('done');
    const events = query<{ kind: string; remote_id: string }>(
      dataDir,
      `SELECT e.kind, p.remote_id FROM events e JOIN people p ON p.id = e.person_id WHERE e.kind IN ('unfollowed_me', 'gone') ORDER BY e.kind`,
    );
    expect(events.filter((e) => e.kind === 'unfollowed_me').map((e) => e.remote_id).sort()).toEqual(dids.slice(0, 3).sort());
    expect(events.filter((e) => e.kind === 'gone').map((e) => e.remote_id)).toEqual([dids[3]]);
    expect(edgeCounts(dataDir).followers).toBe(56);
  });

  it('stops on five 500s in a row with a clear error, and the failed page writes nothing', async () => {
    kit = await startBlueskyCore({ followers: 30, follows: 3, label: 'bsky-500' });
    const { fake, dataDir } = kit;
    fake.state.addFollowers(5);
    const people = query<{ n: number }>(dataDir, 'SELECT count(*) AS n FROM people')[0]!.n;
    fake.knobs.serverErrors = { count: 5, status: 500, methods: ['app.bsky.graph.getFollowers'] };

    const end = await sync(kit, true);
    expect(end.state).toBe('failed');
    expect(end.error?.message).toMatch(/Bluesky/);
    expect(end.error?.message.length).toBeGreaterThan(20);
    expect(query<{ n: number }>(dataDir, 'SELECT count(*) AS n FROM people')[0]!.n).toBe(people);
    const status = await callOk(kit.core, 'getSyncStatus', { accountId: kit.account.id });
    expect(status?.error).toEqual(end.error);
  });

  it('refreshes an access token that expires mid-sync once, with no second login', async () => {
    kit = await startBlueskyCore({ followers: 120, follows: 10, label: 'bsky-expiry' });
    const { fake } = kit;
    // Each answer takes a while, so the sync is certainly under way when the token dies.
    fake.knobs.latencyMs = 25;
    let expired = false;
    const timer = setTimeout(() => {
      expired = true;
      fake.sessions.expireAccessTokens();
    }, 150);
    const end = await sync(kit, true);
    clearTimeout(timer);
    expect(expired).toBe(true);
    expect(end.state, JSON.stringify(end.error)).toBe('done');
    expect(fake.countOf('com.atproto.server.refreshSession')).toBe(1);
    expect(fake.countOf('com.atproto.server.createSession')).toBe(1);
  });

  it('reports a dead session as a sync error that asks the user to sign in again', async () => {
    kit = await startBlueskyCore({ followers: 10, follows: 1, label: 'bsky-dead' });
    kit.fake.sessions.expireAccessTokens();
    kit.fake.sessions.revokeRefreshTokens();
    const end = await sync(kit);
    expect(end.state).toBe('failed');
    expect(end.error).toMatchObject({ code: 'AUTH_EXPIRED' });
    expect(end.error?.message).toMatch(/[Ss]ign in again/);
  });
});
