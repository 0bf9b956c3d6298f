// Named people filters of an account (the sidebar's "Saved filters"). The filter is stored as the
// JSON the contract validated and validated again when read, so a row edited by hand or written
// by another version can never reach the SQL builder unchecked.
import type Database from 'better-sqlite3';
import { RapportError } from '../../../shared/api/errors';
import { peopleFilterSchema } from '../../../shared/api/triageContract';
import type { PeopleFilter, SavedFilter } from '../../../shared/triageTypes';
import { perDatabase } from './perDatabase';

interface SavedFilterRow {
  id: number;
  account_id: number;
  name: string;
  filter_json: string;
  created_at: string;
}

function parseFilter(json: string): PeopleFilter | null {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = peopleFilterSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

function toSavedFilter(row: SavedFilterRow): SavedFilter {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    // A stored filter this version cannot read shows everyone rather than hiding the entry.
    filter: parseFilter(row.filter_json) ?? {},
    createdAt: row.created_at,
  };
}

export const savedFiltersRepo = perDatabase((db: Database.Database) => {
  const list = db.prepare('SELECT * FROM saved_filters WHERE account_id = ? ORDER BY name COLLATE NOCASE, id');
  const byName = db.prepare('SELECT id FROM saved_filters WHERE account_id = ? AND name = ? COLLATE NOCASE');
  const insert = db.prepare(
    'INSERT INTO saved_filters (account_id, name, filter_json, created_at) VALUES (?, ?, ?, ?) RETURNING *',
  );
  const remove = db.prepare('DELETE FROM saved_filters WHERE id = ?');

  const save = db.transaction((accountId: number, name: string, filter: PeopleFilter, at: string): SavedFilter => {
    if (byName.get(accountId, name)) {
      throw new RapportError('CONFLICT', `There is already a saved filter named “${name}”. Pick another name, or delete that one first.`);
    }
    return toSavedFilter(insert.get(accountId, name, JSON.stringify(filter), at) as SavedFilterRow);
  });

  return {
    /** The account's saved filters, A→Z. */
    list(accountId: number): SavedFilter[] {
      return (list.all(accountId) as SavedFilterRow[]).map(toSavedFilter);
    },

    /** Saves a new filter; CONFLICT when the account has one of that name (ignoring case). */
    save(accountId: number, name: string, filter: PeopleFilter, at: string): SavedFilter {
      return save(accountId, name, filter, at);
    },

    /** false when there was no such filter. */
    delete(filterId: number): boolean {
      return remove.run(filterId).changes > 0;
    },
  };
});

export type SavedFiltersRepo = ReturnType<typeof savedFiltersRepo>;
