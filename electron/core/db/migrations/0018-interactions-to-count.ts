// 0018 — interactions are counted once per walk, not once per page. A page of 100 notifications
// used to upsert about 100 interaction_counts rows and 90 interaction_people rows (plus their
// index) spread over the whole of both tables, so each page's commit wrote hundreds of scattered
// pages: 1M interactions ingested at 2.1–2.7× a raw insert (bench/interactionsBench.ts). Now a
// page only queues the ids of the rows it stored here, in insertion order (a few appended pages),
// and the end of the walk — or its abort, or a retention purge — adds them to the counts and
// engagement in one set-based statement each (1.25–1.54× raw, median 1.44×, at load 1–5).
//
// Ids rather than copies: a queued row that Forget this person deletes is simply not found when
// counted. No foreign key to interactions: a cascade would search this table for every deleted
// interaction (a purge deletes thousands); the account's does cascade.
import type Database from 'better-sqlite3';
import type { Migration } from '../migration';

export const interactionsToCount: Migration = {
  version: 18,
  name: 'interactions-to-count',
  up(db: Database.Database): void {
    db.exec(`
CREATE TABLE interactions_to_count (
  account_id     INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  interaction_id INTEGER NOT NULL,
  PRIMARY KEY (account_id, interaction_id)
) WITHOUT ROWID;
`);
  },
};

export default interactionsToCount;
