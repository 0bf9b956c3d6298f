// Reading X with the person's own developer app, through core's contract against the fake X API:
// exact pagination (1,000 per page), spent 15-minute windows waited out and shown on the progress
// bar, a revoked token said plainly, a cancelled sync that resumes with few repeated requests (also
// after a restart), and the monthly read cap stopping before it is crossed. Windows pass in virtual
// time (test/core/virtualClock.ts): core, its HTTP waits and the fake share one clock that moves
// only when someone waits, so the tests read every wait asked for and never sit through one.
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../../../shared/api/errors';
import type { SyncProgress } from '../../../../../shared/domain';
import { callOk, syncEnd, waitForSync } from '../../../../../test/core/coreTestKit';
import { VirtualClock } from '../../../../../test/core/virtualClock';
import { RATE_LIMIT_MARGIN_MS } from '../../../net/httpClient';
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

/** The progress bar's "waiting until" times of the account's syncs, while `run` goes on. */
async function waitsShown<T>(k: XApiKit, run: () => Promise<T>): Promise<{ result: T; shown: string[] }> {
  const shown: string[] = [];
  const stop = k.core.onEvent(({ event, payload }) => {
    const until = event === 'sync.progress' ? (payload as SyncProgress).waitingUntil : null;
    if (until && shown.at(-1) !== until) shown.push(until);
  });
  try {
    return { result: await run(), shown };
  } finally {
    stop();
  }
}

/**
 * When each wait the client asked for ended on the virtual clock. The clock moves only by waits,
 * so the k-th wait ends at the start plus the first k waits.
 */
function waitEnds(clock: VirtualClock, start: number): string[] {
  let at = start;
  return clock.sleeps.map((ms) => new Date((at += ms)).toISOString());
}

/**
 * The window ends X announced for the follower list (x-rate-limit-reset), as a wait would end
 * them, but the last: after the last page nothing more is asked, so that window is never waited.
 */
function resetsWaitedFor(k: XApiKit): string[] {
  const resets = k.fake.requests.filter((r) => r.route === FOLLOWERS && r.reset !== undefined).map((r) => (r.reset as number) * 1000 + RATE_LIMIT_MARGIN_MS);
  return [...new Set(resets)].slice(0, -1).map((ms) => new Date(ms).toISOString());
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
    // A 1-minute window: within what the HTTP layer waits out on its own (5 minutes).
    const clock = new VirtualClock();
    kit = await startXApiCore({ followers: 3_000, followerLimit: 2, windowMs: 60_000, clock });
    const account = await kit.signIn();
    // Another program with the same app spent the window: Rapport's first list request gets the 429.
    for (let i = 0; i < 2; i++) await fetch(`${kit.fake.url}/2/users/${X_OWNER.id}/followers`, { headers: { authorization: `Bearer ${kit.token}` } });
    const before = kit.fake.countOf(FOLLOWERS);
    const start = clock.now();
    const { result: end, shown } = await waitsShown(kit, () => syncOnce(kit as XApiKit, account.id));
    expect(end.state).toBe('done');
    expect(kit.fake.requests.filter((r) => r.route === FOLLOWERS && r.status === 429)).toHaveLength(1);
    expect(kit.fake.countOf(FOLLOWERS) - before).toBe(3);
    // Two waits, each to the reset X announced: the 429's, then the one its second page spent.
    expect(clock.sleeps).toHaveLength(2);
    expect(waitEnds(clock, start)).toEqual(resetsWaitedFor(kit));
    expect(shown).toEqual(resetsWaitedFor(kit));
    expect(end.waitingUntil ?? null).toBeNull();
    const counts = await stored(kit, account.id);
    expect(counts.new).toBe(3_000);
  });

  it('waits out a window longer than the HTTP layer waits on its own (X’s 15 minutes), on the progress bar', async () => {
    // X's own window (15 minutes) is past the layer's longest wait (5 minutes): the X module waits it out.
    const clock = new VirtualClock();
    kit = await startXApiCore({ followers: 2_000, followerLimit: 1, clock });
    const account = await kit.signIn();
    const start = clock.now();
    const { result: end, shown } = await waitsShown(kit, () => syncOnce(kit as XApiKit, account.id));
    expect(end.state).toBe('done');
    expect(kit.fake.countOf(FOLLOWERS)).toBe(2);
    // Waited before asking: the spent window was never asked into a 429.
    expect(kit.fake.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThan(14 * 60_000);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(15 * 60_000 + 1_000 + RATE_LIMIT_MARGIN_MS);
    expect(waitEnds(clock, start)).toEqual(resetsWaitedFor(kit));
    expect(shown).toEqual(resetsWaitedFor(kit));
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
    const clock = new VirtualClock();
    kit = await startXApiCore({ followers: 6_000, followerLimit: 2, clock });
    const account = await kit.signIn();
    clock.hold();
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
    // The cancel ended the wait itself: the clock never moved.
    expect(clock.sleeps).toHaveLength(1);
    clock.release();
    // The engine lets go of the job right after its last progress event.
    await new Promise((resolve) => setImmediate(resolve));
    const end = await syncOnce(kit, account.id);
    expect(end.state).toBe('done');
    expect((await stored(kit, account.id)).new).toBe(6_000);
    // ceil(6000/1000) = 6 pages: the pages read before the cancel are kept, none is read again.
    expect(kit.fake.countOf(FOLLOWERS)).toBe(6);
  });

  it('resumes after a restart in the middle of a wait, and ends with every follower once', async () => {
    const clock = new VirtualClock();
    kit = await startXApiCore({ followers: 6_000, followerLimit: 3, label: 'x-api-restart', clock });
    const account = await kit.signIn();
    clock.hold();
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
    // The new core resumes at once and meets the same spent window; now it may pass.
    clock.release();
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
