import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runMigrations } from '../migrationRunner';
import { MIGRATIONS } from './index';
import { syncRunLastProgress } from './0012-sync-run-last-progress';

let db: Database.Database;
afterEach(() => db.close());

describe('0012 sync run last progress', () => {
  it('keeps existing runs with no stored event and refuses a value that is not JSON', () => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    runMigrations(db, MIGRATIONS.filter((m) => m.version < syncRunLastProgress.version));
    db.prepare("INSERT INTO accounts (id, network, remote_id, handle, created_at) VALUES (1, 'sample', 's', 'me', 'x')").run();
    db.prepare("INSERT INTO sync_runs (id, account_id, started_at, state, phase) VALUES (5, 1, 'x', 'done', 'done')").run();
    runMigrations(db, MIGRATIONS.filter((m) => m.version <= syncRunLastProgress.version));
    expect(db.prepare('SELECT id, last_progress FROM sync_runs').all()).toEqual([{ id: 5, last_progress: null }]);
    db.prepare(`UPDATE sync_runs SET last_progress = '{"pages":1}' WHERE id = 5`).run();
    expect(() => db.prepare("UPDATE sync_runs SET last_progress = 'not json' WHERE id = 5").run()).toThrow(/CHECK/);
  });
});
