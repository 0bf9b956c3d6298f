// 0015 — when a person's recent posts were last asked for. A sync fetches posts for the newest
// people who have none stored; someone with nothing public (GitHub activity is often empty) used
// to be asked again on every sync, at one request and one rate-limit point each. The time of the
// last check lets a sync leave them alone for a while.
import type Database from 'better-sqlite3';
import type { Migration } from '../migration';

export const postsCheckedAt: Migration = {
  version: 15,
  name: 'posts-checked-at',
  up(db: Database.Database): void {
    db.exec('ALTER TABLE people ADD COLUMN posts_checked_at TEXT');
  },
};

export default postsCheckedAt;
