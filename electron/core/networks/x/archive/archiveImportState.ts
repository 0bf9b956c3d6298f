// What Rapport remembers about an account's archive imports: the newest snapshot applied (its
// generation date), so a newer archive is diffed against it and an older one only fills gaps.
// Kept in the settings table under the account's id; one small JSON value.
import type Database from 'better-sqlite3';
import { z } from 'zod';

const stateSchema = z.object({ generatedAt: z.string(), importedAt: z.string(), followers: z.number(), following: z.number() });
export type ArchiveImportState = z.infer<typeof stateSchema>;

const keyOf = (accountId: number): string => `x.archiveImport:${accountId}`;

export function readImportState(db: Database.Database, accountId: number): ArchiveImportState | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(keyOf(accountId)) as { value: string } | undefined;
  if (!row) return null;
  try {
    const parsed = stateSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeImportState(db: Database.Database, accountId: number, state: ArchiveImportState): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    keyOf(accountId),
    JSON.stringify(state),
  );
}

export function forgetImportState(db: Database.Database, accountId: number): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(keyOf(accountId));
}
