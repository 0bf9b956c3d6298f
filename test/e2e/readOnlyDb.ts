// Specs read what core persisted through their own short-lived connection, read-only, so a check
// can never change the state it checks (core keeps writing next to it; WAL lets both proceed).
import Database from 'better-sqlite3';

export function withReadOnlyDb<T>(dbPath: string, read: (db: Database.Database) => T): T {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
