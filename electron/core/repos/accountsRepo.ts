// Accounts: one row per connected account. Removing one is a single DELETE (every table cascades
// from accounts), followed by deleting the people no account refers to any more — with their
// posts (cascade), search rows and cached avatar files.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { RapportError } from '../../../shared/api/errors';
import { networkMirrorsNotes } from '../../../shared/api/networks';
import type { Account, Network } from '../../../shared/domain';
import { isSearchIndexDeferred } from '../db/searchIndex';
import { perDatabase } from './perDatabase';
import { extrasFilesSql } from './personExtrasRepo';

export interface NewAccount {
  network: Network;
  remoteId: string;
  handle: string;
  displayName: string;
  serverUrl?: string | null;
}

export interface RemovedAccount {
  removed: boolean;
  /** People deleted because no other account refers to them. */
  peopleRemoved: number;
  /** Cached media files deleted along with those people. */
  filesRemoved: number;
}

interface AccountRow {
  id: number;
  network: Network;
  remote_id: string;
  handle: string;
  display_name: string;
  server_url: string | null;
  created_at: string;
  last_synced_at: string | null;
  note_sync: number;
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    network: row.network,
    remoteId: row.remote_id,
    handle: row.handle,
    displayName: row.display_name,
    serverUrl: row.server_url,
    createdAt: row.created_at,
    lastSyncedAt: row.last_synced_at,
    // Only accounts of networks that mirror notes carry the flag at all.
    ...(networkMirrorsNotes(row.network) ? { noteSync: row.note_sync === 1 } : {}),
  };
}

/** Deletes a cached file only if it really lies inside mediaDir (avatar_file is data, not trusted). */
function removeMediaFile(mediaDir: string, relativePath: string): boolean {
  const root = path.resolve(mediaDir);
  const target = path.resolve(root, relativePath);
  if (!target.startsWith(root + path.sep)) return false;
  try {
    fs.unlinkSync(target);
    return true;
  } catch {
    return false; // already gone: nothing to clean
  }
}

export const accountsRepo = perDatabase((db: Database.Database) => {
  const upsertStatement = db.prepare(
    `INSERT INTO accounts (network, remote_id, handle, display_name, server_url, created_at)
     VALUES (@network, @remoteId, @handle, @displayName, @serverUrl, @createdAt)
     ON CONFLICT (network, remote_id) DO UPDATE SET
       handle = excluded.handle, display_name = excluded.display_name, server_url = excluded.server_url
     RETURNING *`,
  );
  const listStatement = db.prepare('SELECT * FROM accounts ORDER BY id');
  const getStatement = db.prepare('SELECT * FROM accounts WHERE id = ?');
  const markSyncedStatement = db.prepare('UPDATE accounts SET last_synced_at = ? WHERE id = ?');
  const deleteStatement = db.prepare('DELETE FROM accounts WHERE id = ?');

  // The people an account knew, narrowed down to those no other account knows: a per-connection
  // scratch table, so the cleanup touches this account's people only, never the whole table.
  db.exec('CREATE TEMP TABLE IF NOT EXISTS removed_people (id INTEGER PRIMARY KEY)');
  const clearCandidates = db.prepare('DELETE FROM temp.removed_people');
  const collectCandidates = db.prepare(
    `INSERT OR IGNORE INTO temp.removed_people (id)
     SELECT person_id FROM relationships WHERE account_id = @accountId
     UNION SELECT person_id FROM triage WHERE account_id = @accountId`,
  );
  const keepStillKnown = db.prepare(
    `DELETE FROM temp.removed_people
     WHERE EXISTS (SELECT 1 FROM relationships r WHERE r.person_id = removed_people.id)
        OR EXISTS (SELECT 1 FROM triage t WHERE t.person_id = removed_people.id)`,
  );
  // Every cached file a person shows: the avatar, and whatever their network's extras cache
  // (banner, custom emoji). Read before the people go: their extras cascade with them.
  const cachedFilesOf = (where: (personId: string) => string): string =>
    `SELECT avatar_file AS file FROM people WHERE ${where('people.id')} AND avatar_file IS NOT NULL
     UNION ${extrasFilesSql(where('x.person_id'))}`;
  const orphanFilesStatement = db.prepare(cachedFilesOf((id) => `${id} IN (SELECT id FROM temp.removed_people)`));
  const deleteOrphansStatement = db.prepare('DELETE FROM people WHERE id IN (SELECT id FROM temp.removed_people)');
  const filesInUseStatement = db.prepare(cachedFilesOf(() => '1 = 1'));
  // The per-row FTS delete trigger costs ~25 µs a person (FTS5 flushes at each trigger statement);
  // with the index deferred for the duration, one bulk DELETE by rowid does the same in a tenth.
  const setDeferred = db.prepare('UPDATE search_index_state SET deferred = ? WHERE id = 1');
  const deleteSearchRows = db.prepare('DELETE FROM people_fts WHERE rowid IN (SELECT id FROM temp.removed_people)');
  const deleteNameTrigramRows = db.prepare('DELETE FROM people_name_trigrams WHERE rowid IN (SELECT id FROM temp.removed_people)');

  const removeRows = db.transaction((accountId: number) => {
    clearCandidates.run();
    collectCandidates.run({ accountId });
    if (deleteStatement.run(accountId).changes === 0) {
      clearCandidates.run();
      return { removed: false, files: [] as string[], peopleRemoved: 0 };
    }
    keepStillKnown.run();
    const orphanFiles = (orphanFilesStatement.all() as { file: string }[]).map((r) => r.file);
    // Another writer's deferral (a bulk ingest) is left alone: its rebuild will drop our rows too.
    const ownDeferral = !isSearchIndexDeferred(db);
    if (ownDeferral) setDeferred.run(1);
    const peopleRemoved = deleteOrphansStatement.run().changes;
    if (ownDeferral) {
      deleteSearchRows.run();
      deleteNameTrigramRows.run();
      setDeferred.run(0);
    }
    clearCandidates.run();
    // Media files may be content-addressed and shared: keep any a remaining person still shows.
    const inUse = orphanFiles.length
      ? new Set((filesInUseStatement.all() as { file: string }[]).map((r) => r.file))
      : new Set<string>();
    return { removed: true, files: [...new Set(orphanFiles)].filter((f) => !inUse.has(f)), peopleRemoved };
  });

  return {
    /** Creates the account, or refreshes handle/name/server of the one with the same remote id. */
    upsert(account: NewAccount, createdAt: string): Account {
      const row = upsertStatement.get({
        network: account.network,
        remoteId: account.remoteId,
        handle: account.handle,
        displayName: account.displayName,
        serverUrl: account.serverUrl ?? null,
        createdAt,
      }) as AccountRow;
      return toAccount(row);
    },

    list(): Account[] {
      return (listStatement.all() as AccountRow[]).map(toAccount);
    },

    get(accountId: number): Account | null {
      const row = getStatement.get(accountId) as AccountRow | undefined;
      return row ? toAccount(row) : null;
    },

    /** The account, or NOT_FOUND — the door check of every per-account method. */
    require(accountId: number): Account {
      const row = getStatement.get(accountId) as AccountRow | undefined;
      if (!row) throw new RapportError('NOT_FOUND', 'That account no longer exists in Rapport.');
      return toAccount(row);
    },

    markSynced(accountId: number, at: string): void {
      markSyncedStatement.run(at, accountId);
    },

    /** Stop any sync of the account before calling this; its rows vanish mid-walk otherwise. */
    remove(accountId: number, mediaDir: string): RemovedAccount {
      const { removed, files, peopleRemoved } = removeRows(accountId);
      // Files go after the commit: a crash in between leaves stray files, never rows without files.
      let filesRemoved = 0;
      for (const file of files) if (removeMediaFile(mediaDir, file)) filesRemoved += 1;
      return { removed, peopleRemoved, filesRemoved };
    },
  };
});

export type AccountsRepo = ReturnType<typeof accountsRepo>;
