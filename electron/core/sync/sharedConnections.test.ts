// Bluesky's knownFollowers ("followed by people you follow") through the real engine into SQLite:
// the fake reports them on full profiles for some people, core keeps them on the relationship.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/domain';
import { FakeBluesky } from '../../../test/fakes/bluesky/fakeBluesky';
import { makeTempDir, removeDir, signInAtOnce, syncEnd } from '../../../test/core/coreTestKit';
import { coreOptions, FAKE_APP_PASSWORD, FAKE_HANDLE } from '../../../test/core/blueskyCoreKit';
import type { CoreHandle } from '../coreTypes';
import { createCore, DATABASE_FILE } from '../createCore';

interface StoredShared {
  remoteId: string;
  json: string | null;
  count: number | null;
}

let fake: FakeBluesky | null = null;
let core: CoreHandle | null = null;
let dataDir: string | null = null;
afterEach(async () => {
  await core?.close();
  await fake?.stop();
  if (dataDir) removeDir(dataDir);
  fake = core = dataDir = null;
});

function storedShared(dir: string, accountId: number): Map<string, StoredShared> {
  const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT p.remote_id AS remoteId, r.shared_connections_json AS json, r.shared_connections_count AS count
           FROM relationships r JOIN people p ON p.id = r.person_id WHERE r.account_id = ?`,
      )
      .all(accountId) as StoredShared[];
    return new Map(rows.map((row) => [row.remoteId, row]));
  } finally {
    db.close();
  }
}

/** What the fake's AppView says about `did`, as core should store it. */
function expectedFor(f: FakeBluesky, did: string): { count: number; people: { handle: string; displayName: string; avatarUrl: null }[] } {
  const known = f.state.knownFollowersOf(did);
  const people = known.slice(0, 5).map((d) => {
    const actor = f.state.actors.get(d)!;
    return { handle: actor.handle, displayName: actor.displayName, avatarUrl: null };
  });
  return { count: known.length, people };
}

/**
 * Runs one more sync to its end. The previous job's final event comes just before the engine lets
 * go of it, so a start refused as already running is tried again.
 */
async function syncAgain(c: CoreHandle, accountId: number, full: boolean): Promise<string> {
  const ended = syncEnd(c, accountId);
  for (;;) {
    const started = await c.call('startSync', { accountId, full });
    if (started.ok) break;
    if (started.error.code !== 'CONFLICT') throw new Error(started.error.message);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return (await ended).state;
}

async function signedInCore(followers: number, follows: number, knownFollowersEvery: number): Promise<{ f: FakeBluesky; c: CoreHandle; account: Account; dir: string }> {
  const f = (fake = new FakeBluesky({ handle: FAKE_HANDLE, password: FAKE_APP_PASSWORD }));
  f.state.generate({ followers, follows, seed: 5, knownFollowersEvery });
  await f.start();
  const dir = (dataDir = makeTempDir('shared-connections'));
  const c = (core = await createCore(coreOptions(dir)));
  const account = await signInAtOnce(c, { network: 'bluesky', identifier: FAKE_HANDLE, appPassword: FAKE_APP_PASSWORD, serviceUrl: f.url });
  const ended = await syncEnd(c, account.id);
  expect(ended.state).toBe('done');
  return { f, c, account, dir };
}

describe('shared connections from Bluesky knownFollowers', () => {
  it('stores count and up to five names on the relationship of every person the network reports them for', async () => {
    const { f, account, dir } = await signedInCore(120, 30, 3);
    const stored = storedShared(dir, account.id);
    const reported = f.state.followers.map((e) => e.did).filter((did) => f.state.knownFollowersOf(did).length > 0);
    expect(reported.length).toBe(40);
    // Some have more known followers than a view names: the count says so, the names stop at five.
    expect(reported.some((did) => f.state.knownFollowersOf(did).length > 5)).toBe(true);
    for (const did of reported) {
      const row = stored.get(did)!;
      const expected = expectedFor(f, did);
      expect(row.count).toBe(expected.count);
      expect(JSON.parse(row.json ?? 'null')).toEqual(expected.people);
    }
    // Not reported: nothing claimed.
    const silent = f.state.followers.map((e) => e.did).filter((did) => f.state.knownFollowersOf(did).length === 0);
    for (const did of silent) expect(stored.get(did)).toMatchObject({ json: null, count: null });
  });

  it('stores them for new followers found by a head-scan, and updates changed ones on a full sync', async () => {
    const { f, c, account, dir } = await signedInCore(60, 10, 0);
    const myFollows = f.state.follows.map((e) => e.did);
    const [newcomer] = f.state.addFollowers(1);
    f.state.setKnownFollowers(newcomer!.did, myFollows.slice(0, 2));

    expect(await syncAgain(c, account.id, false)).toBe('done');
    expect(storedShared(dir, account.id).get(newcomer!.did)).toMatchObject({ count: 2 });
    expect(JSON.parse(storedShared(dir, account.id).get(newcomer!.did)?.json ?? 'null')).toEqual(expectedFor(f, newcomer!.did).people);

    const older = f.state.followers[0]!.did;
    f.state.setKnownFollowers(newcomer!.did, myFollows.slice(3, 10));
    f.state.setKnownFollowers(older, myFollows.slice(0, 1));
    expect(await syncAgain(c, account.id, true)).toBe('done');
    const after = storedShared(dir, account.id);
    expect(after.get(newcomer!.did)).toMatchObject({ count: 7 });
    expect(JSON.parse(after.get(newcomer!.did)?.json ?? 'null')).toEqual(expectedFor(f, newcomer!.did).people);
    expect(after.get(older)).toMatchObject({ count: 1 });
  });
});
