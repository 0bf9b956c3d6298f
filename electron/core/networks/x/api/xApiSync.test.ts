// Reading X with the person's own developer app, through core's contract against the fake X API:
// exact pagination (1,000 per page), spent 15-minute windows waited out (short in the fake) and
// shown on the progress bar, a revoked token said plainly, a cancelled sync that resumes with few
// repeated requests (also after a restart), and the monthly read cap stopping before it is crossed.
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../../../shared/api/errors';
import type { SyncProgress } from '../../../../../shared/domain';
import { callOk, syncEnd, waitForSync } from '../../../../../test/core/coreTestKit';
import { startXApiCore, X_OWNER, type XApiKit } from '../../../../../test/fakes/x/xApiTestKit';

let kit: XApiKit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

const FOLLOWERS = 'GET /2/users/:id/followers';
const FOLLOWING = 'GET /2/users/:id/following';

async function syncOnce(k: XApiKit, accountId: number): Promise<SyncProgress> {
  const end = syncEnd(k.core, accountId);
  await callOk(k.core, 'startSync', { accountId });
  return end;
}

function stored(k: XApiKit, accountId: number) {
  return callOk(k.core, 'getBoardCounts', { accountId });
}

describe('X API sync with a bearer token', () => {
  it('reads 2,500 followers and 300 following in ceil(N/1000) pages each, with bios and counts', async () => {
    kit = await startXApiCore({ followers: 2_500, following: 300 });
    const account = await kit.signIn();
    expect(account).toMatchObject({ network: 'x', remoteId: X_OWNER.id, handle: X_OWNER.username });
    // X bills reads: signing in reads only the account itself; the sync waits for the person.
    expect(kit.fake.countOf(FOLLOWERS)).toBe(0);
    const end = await syncOnce(kit, account.id);
    expect(end.state).toBe('done');
    expect(kit.fake.countOf(FOLLOWERS)).toBe(3);
    expect(kit.fake.countOf(FOLLOWING)).toBe(1);
    // The board holds the people who follow me; the 300 I follow without a follow back are stored beside it.
    const counts = await stored(kit, account.id);
    expect(counts.new + counts.evaluated + counts.connected + counts.declined).toBe(2_500);
    const page = await callOk(kit.core, 'queryPeople', { accountId: account.id, filter: {}, sort: 'newest', limit: 1 });
    expect(page.items[0]).toMatchObject({ bioSnippet: expect.stringContaining('Bio of'), followersCount: 10 });
  });

  it('waits out a spent window (429 with reset) and says so on the progress bar, then reads every page', async () => {
    kit = await startXApiCore({ followers: 3_000, followerLimit: 2, windowMs: 1_000 });
    const account = await kit.signIn();
    // Another program with the same app spent the window: Rapport's first list request gets the 429.
    for (let i = 0; i < 2; i++) await fetch(`${kit.fake.url}/2/users/${X_OWNER.id}/followers`, { headers: { authorization: `Bearer ${kit.token}` } });
    const before = kit.fake.countOf(FOLLOWERS);
    const waits: (string | null | undefined)[] = [];
    const stop = kit.core.onEvent(({ event, payload }) => {
      if (event === 'sync.progress') waits.push((payload as SyncProgress).waitingUntil);
    });
    const end = await syncOnce(kit, account.id);
    stop();
    expect(end.state).toBe('done');
    expect(kit.fake.requests.filter((r) => r.route === FOLLOWERS && r.status === 429).length).toBeGreaterThanOrEqual(1);
    expect(kit.fake.countOf(FOLLOWERS) - before).toBe(3);
    expect(waits.some((w) => typeof w === 'string')).toBe(true);
    expect(end.waitingUntil ?? null).toBeNull();
    const counts = await stored(kit, account.id);
    expect(counts.new).toBe(3_000);
  });

  it('waits out a window longer than the HTTP layer waits on its own (X’s 15 minutes), on the progress bar', async () => {
    // The layer gives up on waits over 50 ms here; the 1-second window is X's 15 minutes in small.
    kit = await startXApiCore({ followers: 2_000, followerLimit: 1, windowMs: 1_000, maxRateLimitWaitMs: 50 });
    const account = await kit.signIn();
    const waits: string[] = [];
    const stop = kit.core.onEvent(({ event, payload }) => {
      const until = event === 'sync.progress' ? (payload as SyncProgress).waitingUntil : null;
      if (until) waits.push(until);
    });
    const end = await syncOnce(kit, account.id);
    stop();
    expect(end.state).toBe('done');
    expect(waits.length).toBeGreaterThanOrEqual(1);
    expect(kit.fake.countOf(FOLLOWERS)).toBe(2);
    expect((await stored(kit, account.id)).new).toBe(2_000);
  });

  it('ends with a sentence asking to sign in again when X refuses the token (401)', async () => {
    kit = await startXApiCore({ followers: 10 });
    const account = await kit.signIn();
    kit.fake.state.tokens.clear();
    const end = await syncOnce(kit, account.id);
    expect(end.state).toBe('failed');
    expect(end.error).toMatchObject({ code: 'AUTH_EXPIRED', message: expect.stringContaining('Sign in to X with your app again') });
    expect(end.error?.message).not.toContain(kit.token);
  });

  it('refuses a bearer token X does not accept, storing nothing', async () => {
    kit = await startXApiCore({ followers: 10 });
    const result = (await kit.core.call('beginSignIn', { network: 'x', bearerToken: 'AAAAwrongwrongwrongwrongwrong', username: X_OWNER.username })) as Envelope<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'AUTH_EXPIRED' } });
    expect(await callOk(kit.core, 'listAccounts', {})).toEqual([]);
  });

  it('resumes a cancelled sync where its last committed page ended: few pages are read twice', async () => {
    kit = await startXApiCore({ followers: 6_000, followerLimit: 2, windowMs: 1_000 });
    const account = await kit.signIn();
    // Cancel while the sync waits for its first spent window.
    const waiting = new Promise<void>((resolve) => {
      const stop = kit?.core.onEvent(({ event, payload }) => {
        if (event === 'sync.progress' && (payload as SyncProgress).waitingUntil) {
          stop?.();
          resolve();
        }
      });
    });
    const first = syncEnd(kit.core, account.id);
    await callOk(kit.core, 'startSync', { accountId: account.id });
    await waiting;
    await callOk(kit.core, 'cancelSync', { accountId: account.id });
    expect((await first).state).toBe('cancelled');
    // The engine lets go of the job right after its last progress event.
    await new Promise((resolve) => setImmediate(resolve));
    const end = await syncOnce(kit, account.id);
    expect(end.state).toBe('done');
    expect((await stored(kit, account.id)).new).toBe(6_000);
    // ceil(6000/1000) = 6 pages: the pages read before the cancel are kept, none is read again.
    expect(kit.fake.countOf(FOLLOWERS)).toBe(6);
  });

  it('resumes after a restart in the middle of a wait, and ends with every follower once', async () => {
    kit = await startXApiCore({ followers: 6_000, followerLimit: 3, windowMs: 1_000, label: 'x-api-restart' });
    const account = await kit.signIn();
    const threePages = new Promise<void>((resolve) => {
      const stop = kit?.core.onEvent(({ event, payload }) => {
        if (event === 'sync.progress' && (payload as SyncProgress).pages >= 3 && (payload as SyncProgress).waitingUntil) {
          stop?.();
          resolve();
        }
      });
    });
    await callOk(kit.core, 'startSync', { accountId: account.id });
    await threePages;
    const core = await kit.reopen();
    const end = await waitForSync(core, account.id);
    expect(end.state).toBe('done');
    expect((await stored(kit, account.id)).new).toBe(6_000);
    expect(kit.fake.countOf(FOLLOWERS)).toBe(6);
  });
});

describe('before a sync', () => {
  it('says how many users it will read, and that the cap stops it, without reading anything', async () => {
    kit = await startXApiCore({ followers: 2_500, following: 300 });
    const account = await kit.signIn({ monthlyReadCap: 2_000 });
    const requestsBefore = kit.fake.requests.length;
    const estimate = await callOk(kit.core, 'getSyncReadEstimate', { accountId: account.id });
    expect(kit.fake.requests.length).toBe(requestsBefore);
    expect(estimate).toMatchObject({ users: 2_801, readThisMonth: 1, monthlyCap: 2_000 });
    expect(estimate?.sentence).toBe(
      'A full sync reads up to 2,801 users from X (2,500 followers, 300 following, your account); 1 of your 2,000 monthly cap read this month: more than the 1,999 left, so the sync stops before crossing the cap.',
    );
  });
});

describe('the monthly read cap', () => {
  it('stops the sync before a request that could cross the cap, with a sentence saying so', async () => {
    kit = await startXApiCore({ followers: 2_500 });
    const account = await kit.signIn({ monthlyReadCap: 2_500 });
    const end = await syncOnce(kit, account.id);
    expect(end.state).toBe('failed');
    expect(end.error).toMatchObject({ code: 'BUDGET_EXCEEDED', message: expect.stringContaining('monthly read cap is 2,500 users') });
    // The account itself (1) + two pages of 1,000: a third page could have crossed 2,500.
    expect(kit.fake.usersRead()).toBeLessThanOrEqual(2_500);
    expect(kit.fake.countOf(FOLLOWERS)).toBe(2);
  });

  it('goes on from there once the cap is raised', async () => {
    kit = await startXApiCore({ followers: 2_500 });
    const account = await kit.signIn({ monthlyReadCap: 2_500 });
    await syncOnce(kit, account.id);
    await callOk(kit.core, 'beginSignIn', { network: 'x', accountId: account.id, monthlyReadCap: 10_000 });
    await new Promise((resolve) => setImmediate(resolve));
    const end = await syncOnce(kit, account.id);
    expect(end.state).toBe('done');
    // The two pages read before the stop are kept: only the third is read now.
    expect(kit.fake.countOf(FOLLOWERS)).toBe(3);
    expect((await stored(kit, account.id)).new).toBe(2_500);
  });
});
