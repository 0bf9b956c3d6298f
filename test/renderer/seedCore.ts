// Test-only: puts accounts and followers into a test core's database the way a sync leaves them
// (people, relationships, triage rows), in numbers and shapes a renderer test can name: person
// `id` is "Person <id>", handle person<id>.sample, and a smaller id followed more recently, so
// the board's newest-first column starts at the smallest id.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../electron/core/createCore';
import { openDatabase } from '../../electron/core/db/openDatabase';
import { SORT_NAME_SQL } from '../../electron/core/db/migrations/0001-initial-schema';
import { encodeSampleAccountConfig } from '../../electron/core/networks/sample/sampleAccountConfig';
import type { Account, Network, Stage } from '../../shared/domain';
import { openCoreApi, type CoreApi } from './coreApi';

export const SEED_TIME = Date.parse('2026-01-01T00:00:00Z');

function withDatabase<T>(api: CoreApi, write: (db: Database.Database) => T): T {
  // Core's own opener: its SQL functions (sort names) and triggers (search index) apply.
  const db = openDatabase(path.join(api.dataDir, DATABASE_FILE));
  try {
    return write(db);
  } finally {
    db.close();
  }
}

export interface SeedAccount {
  network?: Network;
  handle?: string;
  displayName?: string;
  serverUrl?: string | null;
  lastSyncedAt?: string | null;
}

/**
 * An account row as adding it leaves it, without its first sync. A sample account gets an empty
 * sample network (so on-demand posts come from the sample provider); a network account has no
 * credentials, so a call to its network fails as a signed-out one would.
 */
export async function seedAccount(api: CoreApi, account: SeedAccount = {}): Promise<Account> {
  const network = account.network ?? 'sample';
  const handle = account.handle ?? 'you.sample';
  withDatabase(api, (db) =>
    db
      .prepare(
        `INSERT INTO accounts (network, remote_id, handle, display_name, server_url, created_at, last_synced_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        network,
        `${network}:${handle}`,
        handle,
        account.displayName ?? 'Sample account',
        account.serverUrl !== undefined ? account.serverUrl : network === 'sample' ? encodeSampleAccountConfig({ seed: 1, followers: 0, following: 0, anchorMs: SEED_TIME }) : null,
        new Date(SEED_TIME).toISOString(),
        account.lastSyncedAt ?? null,
      ),
  );
  const listed = await api.core.call('listAccounts', {});
  if (!listed.ok) throw new Error(listed.error.message);
  const accounts = listed.value as Account[];
  const added = accounts.find((a) => a.network === network && a.handle === handle);
  if (!added) throw new Error('seeded account not listed');
  return added;
}

export interface SeedPeople {
  stage?: Stage;
  /** The first person's id; the rest follow on. */
  firstId?: number;
  accountId?: number;
}

/**
 * `count` followers of the account, ids firstId… ("Person <id>"). Followers counts and names
 * differ per person so every sort has one answer.
 */
export function seedPeople(api: CoreApi, count: number, options: SeedPeople = {}): number[] {
  const stage = options.stage ?? 'new';
  const first = options.firstId ?? 1;
  const accountId = options.accountId ?? 1;
  return withDatabase(api, (db) => {
    const person = db.prepare(
      `INSERT INTO people (id, network, remote_id, handle, display_name, bio, followers_count, following_count, posts_count,
                           joined_at, fetched_at)
       VALUES (@id, 'sample', @remoteId, @handle, @displayName, @bio, @followers, @following, 3, @joinedAt, @now)`,
    );
    const relationship = db.prepare(
      `INSERT INTO relationships (account_id, person_id, follows_me, i_follow, followed_me_at, follow_rank, seen_generation)
       VALUES (?, ?, 1, ?, ?, ?, 1)`,
    );
    const triage = db.prepare(
      `INSERT INTO triage (account_id, person_id, stage, changed_at, sort_rank, sort_followers, sort_name)
       SELECT ?, id, ?, ?, ?, followers_count, ${SORT_NAME_SQL} FROM people WHERE id = ?`,
    );
    const followedMe = db.prepare("INSERT INTO events (account_id, person_id, kind, at) VALUES (?, ?, 'followed_me', ?)");
    const ids: number[] = [];
    const now = new Date(SEED_TIME).toISOString();
    db.transaction(() => {
      for (let id = first; id < first + count; id++) {
        person.run({
          id,
          remoteId: `sample:${id}`,
          handle: `person${id}.sample`,
          displayName: `Person ${id}`,
          bio: `Bio of person ${id}`,
          followers: (id * 7919) % 100_000,
          following: (id * 104_729) % 5_000,
          joinedAt: new Date(SEED_TIME - 400 * 86_400_000).toISOString(),
          now,
        });
        const rank = -id; // newest first: the smallest id ranks highest
        const followedAt = new Date(SEED_TIME - id * 60_000).toISOString();
        relationship.run(accountId, id, id % 5 === 0 ? 1 : 0, followedAt, rank);
        followedMe.run(accountId, id, followedAt);
        triage.run(accountId, stage, now, rank, id);
        ids.push(id);
      }
    })();
    return ids;
  });
}

/** A fresh core with one sample account and these followers: [count, stage, firstId] per group. */
export async function coreWithPeople(...groups: [number, Stage?, number?][]): Promise<CoreApi> {
  const api = await openCoreApi();
  const account = await seedAccount(api);
  for (const [count, stage, firstId] of groups) seedPeople(api, count, { stage, firstId, accountId: account.id });
  return api;
}

/** Where core has these people now (read through the contract, not the renderer). */
export async function stagesOf(api: CoreApi, personIds: number[], accountId = 1): Promise<Stage[]> {
  return Promise.all(
    personIds.map(async (personId) => {
      const profile = await api.core.call('getProfile', { accountId, personId });
      if (!profile.ok) throw new Error(profile.error.message);
      return (profile.value as { stage: Stage }).stage;
    }),
  );
}
