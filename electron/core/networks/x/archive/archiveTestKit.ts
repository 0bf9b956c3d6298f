// Shared by the archive tests: a real database in a temp folder with one connected X account, and a
// table-by-table fingerprint to prove a refused import changed nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../../db/openDatabase';
import type { XArchiveAccount } from './importXArchive';

export const OWNER = { id: '4242', username: 'rapport_me', displayName: 'Me Myself' };

export interface ArchiveTestDb {
  dir: string;
  db: Database.Database;
  account: XArchiveAccount;
  close(): void;
}

export function openTestDb(owner = OWNER): ArchiveTestDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-xarchive-'));
  const db = openDatabase(path.join(dir, 'rapport.db'));
  const { id } = db
    .prepare("INSERT INTO accounts (network, remote_id, handle, display_name, created_at) VALUES ('x', ?, ?, ?, ?) RETURNING id")
    .get(owner.id, owner.username, owner.displayName, '2026-01-01T00:00:00.000Z') as { id: number };
  return {
    dir,
    db,
    account: { id, remoteId: owner.id, handle: owner.username, lastSyncedAt: null },
    close() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every table of the main database (search index included) as row count + hash of its rows. */
export function fingerprint(db: Database.Database): Record<string, string> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = db.prepare(`SELECT * FROM "${name}"`).raw().all();
    const hash = crypto.createHash('sha256');
    for (const row of rows.map((r) => JSON.stringify(r)).sort()) hash.update(row);
    result[name] = `${rows.length}:${hash.digest('hex').slice(0, 16)}`;
  }
  return result;
}

export function tempTables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_temp_master WHERE type = 'table' AND name LIKE 'x_stage%'").all() as { name: string }[]).map(
    (r) => r.name,
  );
}
