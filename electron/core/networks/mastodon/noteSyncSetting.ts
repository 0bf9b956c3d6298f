// accounts.note_sync: whether my Rapport notes about people are mirrored to the Mastodon server's
// private account notes. Only ever on for a Mastodon account whose sign-in granted write:accounts.
import type Database from 'better-sqlite3';
import { perDatabase } from '../../repos/perDatabase';

const noteSyncStatements = perDatabase((db: Database.Database) => ({
  get: db.prepare("SELECT note_sync AS noteSync FROM accounts WHERE id = ? AND network = 'mastodon'"),
  set: db.prepare('UPDATE accounts SET note_sync = ? WHERE id = ?'),
}));

export function noteSyncEnabled(db: Database.Database, accountId: number): boolean {
  const row = noteSyncStatements(db).get.get(accountId) as { noteSync: number } | undefined;
  return row?.noteSync === 1;
}

export function setNoteSync(db: Database.Database, accountId: number, enabled: boolean): void {
  noteSyncStatements(db).set.run(enabled ? 1 : 0, accountId);
}
