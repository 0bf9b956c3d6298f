// 0011 — the people list opens on everyone, newest follower first. Without an index on that order
// SQLite read and sorted every relationship of the account for each page (65–75 ms over 100,000
// people); with it a page reads offset + limit index entries.
import type Database from 'better-sqlite3';
import type { Migration } from '../migration';

export const peopleByFollowRank: Migration = {
  version: 11,
  name: 'people-by-follow-rank',
  up(db: Database.Database): void {
    db.exec('CREATE INDEX relationships_by_rank ON relationships (account_id, follow_rank DESC, person_id DESC)');
  },
};

export default peopleByFollowRank;
