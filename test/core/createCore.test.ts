// createCore end to end on a temp folder: the sample account syncs through the engine, the board
// shows what SQL holds, and a user's moves survive closing and reopening core.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { STAGES, type StageCounts } from '../../shared/domain';
import type { RapportEvent } from '../../shared/api/events';
import { createCore, DATABASE_FILE } from '../../electron/core/createCore';
import type { CoreHandle } from '../../electron/core/coreTypes';
import { callOk, makeTempDir, removeDir, signInAtOnce, waitForSync } from './coreTestKit';

const dirs: string[] = [];
const cores: CoreHandle[] = [];

async function openCore(dataDir: string, samplePageDelayMs = 0): Promise<CoreHandle> {
  const core = await createCore({ dataDir, samplePageDelayMs });
  cores.push(core);
  return core;
}

function sqlCounts(dataDir: string, accountId: number): StageCounts {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as StageCounts;
    const rows = db.prepare('SELECT stage, count(*) AS n FROM triage WHERE account_id = ? GROUP BY stage').all(accountId) as {
      stage: keyof StageCounts;
      n: number;
    }[];
    for (const row of rows) counts[row.stage] = row.n;
    return counts;
  } finally {
    db.close();
  }
}

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const dir of dirs.splice(0)) removeDir(dir);
});

describe('createCore with the sample network', () => {
  it('syncs a sample account to a board whose counts equal SQL, and keeps moves across a restart', async () => {
    const dataDir = makeTempDir('core');
    dirs.push(dataDir);
    let core = await openCore(dataDir);
    const events: RapportEvent[] = [];
    core.onEvent((event) => events.push(event));

    const account = await signInAtOnce(core, { network: 'sample', followers: 1_200, following: 300, seed: 7 });
    expect(account).toMatchObject({ network: 'sample', handle: 'sample' });
    const final = await waitForSync(core, account.id);
    expect(final).toMatchObject({ state: 'done', phase: 'done', error: null });

    const counts = await callOk(core, 'getBoardCounts', { accountId: account.id });
    expect(counts).toEqual(sqlCounts(dataDir, account.id));
    expect(counts.new + counts.evaluated + counts.connected + counts.declined).toBe(1_200);
    // 40% of the 300 followed accounts are mutuals: followers already followed back start Connected.
    expect(counts.connected).toBe(120);

    const kinds = new Set(events.map((e) => e.event));
    // waiting.changed: the desktop shell's count of people in New (tray, badge); externalLinks.changed:
    // where links may open, told to main at start.
    expect([...kinds].filter((kind) => kind !== 'waiting.changed').sort()).toEqual([
      'accounts.changed',
      'externalLinks.changed',
      'people.changed',
      'sync.progress',
    ]);
    const phases = events.filter((e) => e.event === 'sync.progress').map((e) => (e.payload as { phase: string }).phase);
    expect(phases).toEqual(expect.arrayContaining(['followers', 'following', 'posts', 'done']));

    // The newest followers get their avatars cached after the sync, in the background.
    const newest = () => callOk(core, 'getBoardPage', { accountId: account.id, stage: 'new', sort: 'newest', limit: 5 });
    let page = await newest();
    while (!page.items.some((card) => card.avatarUrl !== null)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      page = await newest();
    }
    expect(page.items).toHaveLength(5);
    expect(page.items.every((card) => card.avatarUrl === null || card.avatarUrl.startsWith('media/avatars/'))).toBe(true);
    expect(page.items.some((card) => card.avatarUrl !== null)).toBe(true);
    const [first, second] = page.items;
    const moved = await callOk(core, 'moveCard', { accountId: account.id, personId: first!.personId, stage: 'evaluated' });
    expect(moved.from).toBe('new');
    await callOk(core, 'moveCard', { accountId: account.id, personId: second!.personId, stage: 'declined' });
    const afterMoves = await callOk(core, 'getBoardCounts', { accountId: account.id });

    await core.close();
    core = await openCore(dataDir);
    expect(await callOk(core, 'getBoardCounts', { accountId: account.id })).toEqual(afterMoves);
    const profile = await callOk(core, 'getProfile', { accountId: account.id, personId: first!.personId });
    expect(profile.stage).toBe('evaluated');

    // A re-sync walks everything again but never overrides the user's decisions.
    await callOk(core, 'startSync', { accountId: account.id });
    expect(await waitForSync(core, account.id)).toMatchObject({ state: 'done' });
    expect(await callOk(core, 'getBoardCounts', { accountId: account.id })).toEqual(afterMoves);
    expect((await callOk(core, 'getProfile', { accountId: account.id, personId: second!.personId })).stage).toBe('declined');
  });

  it('shows recent posts of the newest people in the drawer from the cache', async () => {
    const dataDir = makeTempDir('core-posts');
    dirs.push(dataDir);
    const core = await openCore(dataDir);
    const account = await signInAtOnce(core, { network: 'sample', followers: 300, following: 20 });
    await waitForSync(core, account.id);
    const page = await callOk(core, 'getBoardPage', { accountId: account.id, stage: 'new', sort: 'newest', limit: 10 });
    const profiles = await Promise.all(
      page.items.map((card) => callOk(core, 'getProfile', { accountId: account.id, personId: card.personId })),
    );
    const withPosts = profiles.filter((p) => p.recentPosts.length > 0);
    expect(withPosts.length).toBeGreaterThan(0);
    for (const profile of withPosts) {
      expect(profile.recentPosts.length).toBeLessThanOrEqual(profile.postsCount);
      const dates = profile.recentPosts.map((p) => p.createdAt);
      expect([...dates].sort().reverse()).toEqual(dates);
    }
  });

  it('refuses a second sample account and a second sync of one account with CONFLICT', async () => {
    const dataDir = makeTempDir('core-conflict');
    dirs.push(dataDir);
    // A page delay keeps the first sync running while we ask for another.
    const core = await openCore(dataDir, 20);
    const account = await signInAtOnce(core, { network: 'sample', followers: 5_000, following: 0 });
    const again = await core.call('beginSignIn', { network: 'sample' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const second = await core.call('startSync', { accountId: account.id });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    expect(await callOk(core, 'cancelSync', { accountId: account.id })).toEqual({ cancelled: true });
    const status = await waitForSync(core, account.id);
    expect(status.state).toBe('cancelled');
    expect(await callOk(core, 'cancelSync', { accountId: account.id })).toEqual({ cancelled: false });
  });

  it('answers NOT_FOUND for accounts that do not exist and null status before any sync', async () => {
    const dataDir = makeTempDir('core-missing');
    dirs.push(dataDir);
    const core = await openCore(dataDir);
    for (const method of ['startSync', 'cancelSync', 'getSyncStatus'] as const) {
      expect(await core.call(method, { accountId: 99 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  it('removes the sample account while its sync is running, leaving nothing of it behind', async () => {
    const dataDir = makeTempDir('core-remove');
    dirs.push(dataDir);
    const core = await openCore(dataDir, 10);
    const account = await signInAtOnce(core, { network: 'sample', followers: 20_000, following: 100 });
    expect(await callOk(core, 'removeAccount', { accountId: account.id })).toEqual({ removed: true });
    expect(await callOk(core, 'listAccounts', {})).toEqual([]);
    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      for (const table of ['people', 'relationships', 'triage', 'sync_runs', 'sync_state']) {
        expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
      }
    } finally {
      db.close();
    }
    // And a new one can be added straight away.
    const again = await signInAtOnce(core, { network: 'sample', followers: 50, following: 5 });
    expect((await waitForSync(core, again.id)).state).toBe('done');
  });

  it('goes on with an interrupted first sync when core starts again after a quit', async () => {
    const dataDir = makeTempDir('core-quit');
    dirs.push(dataDir);
    let core = await openCore(dataDir, 2);
    const account = await signInAtOnce(core, { network: 'sample', followers: 30_000, following: 10 });
    await new Promise<void>((resolve) => {
      const stop = core.onEvent(({ event, payload }) => {
        if (event === 'sync.progress' && (payload as { done: number }).done >= 10_000) {
          stop();
          resolve();
        }
      });
    });
    await core.close();
    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    const atQuit = db.prepare("SELECT items_done, done FROM sync_state WHERE walk = 'followers'").get() as { items_done: number; done: number };
    db.close();
    expect(atQuit.done).toBe(0);

    core = await openCore(dataDir);
    const status = await callOk(core, 'getSyncStatus', { accountId: account.id });
    expect(status).toMatchObject({ state: 'running', phase: 'followers' });
    expect(status!.done).toBeGreaterThanOrEqual(atQuit.items_done);
    expect(await waitForSync(core, account.id)).toMatchObject({ state: 'done' });
    const counts = await callOk(core, 'getBoardCounts', { accountId: account.id });
    expect(counts.new + counts.evaluated + counts.connected + counts.declined).toBe(30_000);
  });

  it('caches avatars on demand for cards the board shows beyond the first screen', async () => {
    const dataDir = makeTempDir('core-avatars');
    dirs.push(dataDir);
    const core = await openCore(dataDir);
    const account = await signInAtOnce(core, { network: 'sample', followers: 2_000, following: 0 });
    await waitForSync(core, account.id);
    // Listen first: the avatar work starts as soon as the page is served.
    const announced = new Set<number>();
    let wake: () => void = () => {};
    core.onEvent(({ event, payload }) => {
      const ids = event === 'people.changed' ? (payload as { personIds: number[] | null }).personIds : null;
      for (const id of ids ?? []) announced.add(id);
      wake();
    });
    // Sorted by name, the first page is a random slice of followers: most avatars are not cached.
    const before = await callOk(core, 'getBoardPage', { accountId: account.id, stage: 'new', sort: 'name', limit: 50 });
    const missing = before.items.filter((c) => c.avatarUrl === null).map((c) => c.personId);
    expect(missing.length).toBeGreaterThan(0);
    while (!missing.some((id) => announced.has(id))) await new Promise<void>((resolve) => (wake = resolve));
    const after = await callOk(core, 'getBoardPage', { accountId: account.id, stage: 'new', sort: 'name', limit: 50 });
    const stillMissing = after.items.filter((c) => c.avatarUrl === null).length;
    expect(stillMissing).toBeLessThan(missing.length);
  });
});
