import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations } from '../migrationRunner';
import { deferSearchIndex, rebuildSearchIndex } from '../searchIndex';
import { MIGRATIONS } from './index';

const before = MIGRATIONS.filter((m) => m.version < 9);
const through9 = MIGRATIONS.filter((m) => m.version <= 9);

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  runMigrations(db, before);
  db.exec(`INSERT INTO people (id, network, remote_id, handle, display_name, fetched_at)
           VALUES (7, 'sample', 'p7', 'edwardo_h', 'Edwardo Heidenreich', 'x')`);
  runMigrations(db, through9);
});
afterEach(() => db.close());

const substringHits = (text: string): number[] =>
  db.prepare('SELECT rowid FROM people_name_trigrams WHERE people_name_trigrams MATCH ? ORDER BY rowid').pluck().all(`"${text}"`) as number[];

describe('0009 name trigram search', () => {
  it('indexes the people already stored, by any part of their name or handle', () => {
    expect(substringHits('denrei')).toEqual([7]);
    expect(substringHits('ardo_')).toEqual([7]);
  });

  it('follows inserts, renames and deletes, and ignores accents', () => {
    db.exec(`INSERT INTO people (id, network, remote_id, handle, display_name, fetched_at) VALUES (8, 'sample', 'p8', 'zoe', 'Zoë Brontë', 'x')`);
    expect(substringHits('bronte')).toEqual([8]);
    db.exec("UPDATE people SET display_name = 'Edwardo Heidenreich-Kunze' WHERE id = 7");
    expect(substringHits('kunze')).toEqual([7]);
    db.exec('DELETE FROM people WHERE id = 7');
    expect(substringHits('heiden')).toEqual([]);
  });

  it('is rebuilt with the word index after a deferred bulk write', () => {
    deferSearchIndex(db);
    db.exec(`INSERT INTO people (id, network, remote_id, handle, display_name, fetched_at) VALUES (9, 'sample', 'p9', 'gs', 'Giles Sporer', 'x')`);
    expect(substringHits('sporer')).toEqual([]);
    rebuildSearchIndex(db);
    expect(substringHits('sporer')).toEqual([9]);
    expect(substringHits('heidenreich')).toEqual([7]);
  });
});
