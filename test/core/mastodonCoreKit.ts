// A real core (in-process) signed in to the fake Mastodon on loopback through the real sign-in
// methods (the test plays the browser), with a real data key and real SQLite, for the issue-5
// acceptance tests that need no renderer.
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Account } from '../../shared/domain';
import type { PendingSignIn } from '../../shared/api/signInContract';
import { createCore, DATABASE_FILE } from '../../electron/core/createCore';
import type { CoreHandle, CreateCoreOptions } from '../../electron/core/coreTypes';
import { FakeMastodon } from '../fakes/mastodon/fakeMastodon';
import type { GenerateMastodonOptions } from '../fakes/mastodon/fakeMastodonState';
import { coreOptions } from './blueskyCoreKit';
import { callOk, makeTempDir, removeDir, syncEnd } from './coreTestKit';

export interface MastodonCoreKit {
  fake: FakeMastodon;
  dataDir: string;
  core: CoreHandle;
  account: Account;
  /** The remote id core keys a fake account by. */
  remoteId(fakeAccountId: string): string;
  /** people.id of a fake account, once synced. */
  personId(fakeAccountId: string): number;
  query<T>(sql: string, ...params: unknown[]): T[];
  reopen(extra?: Partial<CreateCoreOptions>): Promise<CoreHandle>;
  close(): Promise<void>;
}

export function mastodonCoreOptions(dataDir: string, extra: Partial<CreateCoreOptions> = {}): CreateCoreOptions {
  return coreOptions(dataDir, { allowLoopbackHttp: true, ...extra });
}

/** What the system browser does: open the authorize URL and follow the redirect (to the loopback server). */
export async function playBrowser(authorizeUrl: string): Promise<string> {
  const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
  const location = authorize.headers.get('location');
  if (authorize.status !== 302 || !location) throw new Error(`the fake's authorize page answered ${authorize.status}`);
  return location;
}

/** beginSignIn for a Mastodon instance: the pending sign-in, whose page the test then plays. */
export async function beginMastodonSignIn(core: CoreHandle, instance: string, options: { noteSync?: boolean } = {}): Promise<PendingSignIn> {
  const start = await callOk(core, 'beginSignIn', { network: 'mastodon', instance, ...options });
  if (start.status !== 'pending') throw new Error('a Mastodon sign-in answered without its sign-in page');
  return start;
}

/** Signs in through beginSignIn / finishSignIn, the browser played by fetch. */
export async function signInThroughCore(core: CoreHandle, fake: FakeMastodon, options: { noteSync?: boolean } = {}): Promise<Account> {
  const start = await beginMastodonSignIn(core, fake.url, { noteSync: options.noteSync });
  const finishing = core.call('finishSignIn', { signInId: start.signInId });
  const callback = await playBrowser(start.authorizeUrl);
  await (await fetch(callback)).text();
  const envelope = await finishing;
  if (!envelope.ok) throw new Error(`sign-in failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as Account;
}

export function queryDatabase<T>(dataDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export async function startMastodonCore(
  options: Partial<GenerateMastodonOptions> & { label?: string; noteSync?: boolean; core?: Partial<CreateCoreOptions> } = {},
): Promise<MastodonCoreKit> {
  const fake = new FakeMastodon({ username: 'me', domain: 'fake.mastodon.test' });
  fake.state.generate({
    followers: options.followers ?? 40,
    following: options.following ?? 15,
    mutualShare: options.mutualShare,
    lockedShare: options.lockedShare ?? 0,
    hostile: options.hostile,
    seed: options.seed ?? 5,
  });
  await fake.start();
  const dataDir = makeTempDir(options.label ?? 'mastodon-core');
  let core = await createCore(mastodonCoreOptions(dataDir, options.core));
  const firstSync = new Promise<void>((resolve) => {
    const stop = core.onEvent(({ event, payload }) => {
      if (event === 'sync.progress' && (payload as { state: string }).state !== 'running') {
        stop();
        resolve();
      }
    });
  });
  const account = await signInThroughCore(core, fake, { noteSync: options.noteSync });
  await firstSync;
  const host = new URL(fake.url).host;
  const query = <T>(sql: string, ...params: unknown[]): T[] => queryDatabase<T>(dataDir, sql, ...params);
  return {
    fake,
    dataDir,
    get core() {
      return core;
    },
    account,
    remoteId: (id) => `${host}:${id}`,
    personId(id) {
      const row = query<{ id: number }>("SELECT id FROM people WHERE network = 'mastodon' AND remote_id = ?", `${host}:${id}`)[0];
      if (!row) throw new Error(`fake account ${id} is not in the database`);
      return row.id;
    },
    query,
    async reopen(extra = {}) {
      await core.close();
      core = await createCore(mastodonCoreOptions(dataDir, { ...options.core, ...extra }));
      return core;
    },
    async close() {
      await core.close();
      await fake.stop();
      removeDir(dataDir);
    },
  };
}

export { syncEnd };
