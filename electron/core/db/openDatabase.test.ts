import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RapportError } from '../../../shared/api/errors';
import { LATEST_SCHEMA_VERSION } from './migrations/index';
import { openDatabase } from './openDatabase';
import { deferSearchIndex } from './searchIndex';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-open-'));
  file = path.join(dir, 'rapport.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha256 = (p: string): string => crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');

describe('openDatabase', () => {
  it('creates a database in WAL mode with foreign keys on and the latest schema', () => {
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(Number(db.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('keeps data across reopen without re-running migrations', () => {
    const first = openDatabase(file);
    first.prepare("INSERT INTO settings (key, value) VALUES ('theme', 'dark')").run();
    first.close();
    const second = openDatabase(file);
    expect(second.prepare("SELECT value FROM settings WHERE key = 'theme'").get()).toEqual({ value: 'dark' });
    second.close();
  });

  it('refuses a database from a newer Rapport and leaves the file byte-identical', () => {
    const newer = new Database(file);
    newer.exec('CREATE TABLE future (x INTEGER); INSERT INTO future VALUES (1);');
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    newer.close();
    const before = sha256(file);
    const filesBefore = fs.readdirSync(dir).sort();

    let thrown: unknown;
    try {
      openDatabase(file);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RapportError);
    expect((thrown as RapportError).code).toBe('DB_TOO_NEW');
    expect((thrown as RapportError).message).toMatch(
      new RegExp(`schema ${LATEST_SCHEMA_VERSION + 5}; this version knows up to ${LATEST_SCHEMA_VERSION}`),
    );
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(filesBefore);
  });

  it('sees a newer version still in the WAL of a crashed newer Rapport, and touches neither file', () => {
    const newer = new Database(file);
    newer.pragma('journal_mode = WAL');
    newer.pragma('wal_autocheckpoint = 0');
    newer.exec('CREATE TABLE future (x INTEGER)');
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    // Copy the files while the writer is still open: the version lives only in the WAL.
    const crashed = path.join(dir, 'crashed.db');
    fs.copyFileSync(file, crashed);
    fs.copyFileSync(`${file}-wal`, `${crashed}-wal`);
    newer.close();
    const before = [sha256(crashed), sha256(`${crashed}-wal`)];

    expect(() => openDatabase(crashed)).toThrow(/newer version of Rapport/);
    expect([sha256(crashed), sha256(`${crashed}-wal`)]).toEqual(before);
  });

  it('reports slow statements when asked to', () => {
    const slow: string[] = [];
    const db = openDatabase(file, { slowQueryMs: 0, onSlowQuery: (q) => slow.push(q.sql) });
    db.prepare('SELECT count(*) FROM people').get();
    expect(slow).toContain('SELECT count(*) FROM people');
    db.close();
  });

  it('rebuilds a search index left deferred by an interrupted bulk ingest', () => {
    const db = openDatabase(file);
    deferSearchIndex(db);
    db.prepare(
      "INSERT INTO people (network, remote_id, handle, bio, fetched_at) VALUES ('sample', 'p1', 'ada', 'beekeeping', '2026-01-01T00:00:00Z')",
    ).run();
    expect(db.prepare("SELECT count(*) AS n FROM people_fts WHERE people_fts MATCH 'beekeeping'").get()).toEqual({ n: 0 });
    db.close(); // stands in for the crash: the flag is still set on disk

    const reopened = openDatabase(file);
    expect(reopened.prepare("SELECT count(*) AS n FROM people_fts WHERE people_fts MATCH 'beekeeping'").get()).toEqual({ n: 1 });
    expect(reopened.prepare('SELECT deferred FROM search_index_state').get()).toEqual({ deferred: 0 });
    reopened.close();
  });
});
