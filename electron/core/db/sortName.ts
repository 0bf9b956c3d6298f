// The name sort key (triage.sort_name): SQLite's lower() folds ASCII only, so "Ángel" sorted after
// "Zoë". The key is computed in JS — diacritics stripped, Unicode-lowercased, leading emoji and
// punctuation dropped — and exposed to SQL as rapport_sort_name(display_name, handle), which
// openDatabase registers on every connection before migrations run. Every writer of sort_name
// (ingest, triggers, fixtures) goes through sortNameSql(), so the keys always agree.
import type Database from 'better-sqlite3';

export const SORT_NAME_FUNCTION = 'rapport_sort_name';

export function sortNameKey(displayName: string | null, handle: string | null): string {
  const name = (displayName ?? '').trim() || (handle ?? '').trim();
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  // "✨ Ada" files under A; a name made only of symbols keeps them rather than becoming ''.
  return folded.replace(/^[^\p{L}\p{N}]+/u, '') || folded;
}

/** SQL for the key of a row; pass column expressions such as 'p.display_name' or '@displayName'. */
export function sortNameSql(displayNameExpr = 'display_name', handleExpr = 'handle'): string {
  return `${SORT_NAME_FUNCTION}(${displayNameExpr}, ${handleExpr})`;
}

export function registerSortName(db: Database.Database): void {
  db.function(SORT_NAME_FUNCTION, { deterministic: true }, (displayName: unknown, handle: unknown) =>
    sortNameKey(typeof displayName === 'string' ? displayName : null, typeof handle === 'string' ? handle : null),
  );
}
