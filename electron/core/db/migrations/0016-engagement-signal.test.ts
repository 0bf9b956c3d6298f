import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runMigrations } from '../migrationRunner';
import { MIGRATIONS } from './index';
import { engagementSignal } from './0016-engagement-signal';

let db: Database.Database;
afterEach(() => db.close());

const due = (): unknown[] => db.prepare('SELECT person_id, signals_due_at FROM triage ORDER BY person_id').all();

describe('0016 engagement signal', () => {
  it('marks people who already engaged due once, then whoever engagement changes', () => {
    db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    runMigrations(db, MIGRATIONS.filter((m) => m.version < engagementSignal.version));
    db.prepare("INSERT INTO accounts (id, network, remote_id, handle, display_name, created_at) VALUES (1, 'sample', 'me', 'me', 'Me', 'x')").run();
    for (const id of [1, 2, 3]) {
      db.prepare("INSERT INTO people (id, network, remote_id, handle, fetched_at) VALUES (?, 'sample', ?, ?, 'x')").run(id, `r${id}`, `p${id}`);
      db.prepare("INSERT INTO triage (account_id, person_id, changed_at, signals_due_at, sort_engagement) VALUES (1, ?, 'x', 9e12, ?)").run(id, id === 1 ? 4 : 0);
    }
    runMigrations(db, MIGRATIONS.filter((m) => m.version <= engagementSignal.version));
    expect(due()).toEqual([
      { person_id: 1, signals_due_at: 0 },
      { person_id: 2, signals_due_at: 9e12 },
      { person_id: 3, signals_due_at: 9e12 },
    ]);

    db.prepare('UPDATE triage SET signals_due_at = 9e12').run();
    db.prepare('UPDATE triage SET sort_engagement = 7 WHERE person_id = 2').run();
    db.prepare('UPDATE triage SET sort_engagement = 0 WHERE person_id = 3').run();
    expect(due()).toEqual([
      { person_id: 1, signals_due_at: 9e12 },
      { person_id: 2, signals_due_at: 0 },
      { person_id: 3, signals_due_at: 9e12 },
    ]);
  });
});
