import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runMigrations } from '../migrationRunner';
import { dropInteractionPeopleByEngagement } from './0018-drop-interaction-people-by-engagement';
import { MIGRATIONS } from './index';

let db: Database.Database;
afterEach(() => db.close());

const indexesOf = (table: string): string[] =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? ORDER BY name").pluck().all(table) as string[];

describe('0018 drop interaction_people_by_engagement', () => {
  it('keeps engagement readable by person while no longer indexing it by engagement', () => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    runMigrations(db, MIGRATIONS.filter((m) => m.version < dropInteractionPeopleByEngagement.version));
    db.prepare("INSERT INTO accounts (id, network, remote_id, handle, display_name, created_at) VALUES (1, 'sample', 'me', 'me', 'Me', 'x')").run();
    db.prepare("INSERT INTO interaction_people VALUES (1, 'did:a', 7, '2026-01-01', '2026-02-01')").run();
    expect(indexesOf('interaction_people')).toContain('interaction_people_by_engagement');

    runMigrations(db, MIGRATIONS);

    expect(indexesOf('interaction_people')).not.toContain('interaction_people_by_engagement');
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT engagement FROM interaction_people WHERE account_id = 1 AND person_remote_id = 'did:a'").all() as { detail: string }[])
      .map((r) => r.detail)
      .join(' / ');
    expect(plan).toContain('PRIMARY KEY');
    expect(db.prepare("SELECT engagement FROM interaction_people WHERE account_id = 1 AND person_remote_id = 'did:a'").pluck().get()).toBe(7);
  });
});
