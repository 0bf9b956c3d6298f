// 0008 — signals recompute only what is due. triage.signals_due_at (ms since the epoch) is when a
// person's stored signals must be computed again: 0 for "now" (never computed, or an input
// changed), a future instant when only time can change them ("new account" ends 30 days after
// joining), NULL when nothing ahead can. Triggers set it to 0 whenever something the signals read
// changes (signalInputRows.ts: the profile's counts, names, bio, avatar and dates, cached posts,
// follow and unfollow events), so a recompute after a sync that changed nothing reads one index
// range instead of 100,000 profiles. Existing rows start at 0: the first recompute after the
// upgrade computes everyone once, as before.
//
// A change to the signal rules or thresholds must come with a migration that sets every
// signals_due_at back to 0, or people keep signals computed under the old rules until due.
import type Database from 'better-sqlite3';
import type { Migration } from '../migration';

/** The people columns signalInputRows reads. */
const SIGNAL_PROFILE_COLUMNS = [
  'network',
  'handle',
  'display_name',
  'bio',
  'followers_count',
  'following_count',
  'posts_count',
  'avatar_url',
  'joined_at',
  'last_post_at',
];

const profileChanged = SIGNAL_PROFILE_COLUMNS.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ');

// `signals_due_at IS NOT 0` keeps a batch of 50 posts from rewriting the same triage rows 50 times.
const dueForPerson = (personId: string): string =>
  `UPDATE triage SET signals_due_at = 0 WHERE person_id = ${personId} AND signals_due_at IS NOT 0;`;

export const signalsDue: Migration = {
  version: 8,
  name: 'signals-due',
  up(db: Database.Database): void {
    db.exec(`
      ALTER TABLE triage ADD COLUMN signals_due_at INTEGER DEFAULT 0;
      CREATE INDEX triage_signals_due ON triage (account_id, signals_due_at);

      CREATE TRIGGER triage_signals_due_profile AFTER UPDATE OF ${SIGNAL_PROFILE_COLUMNS.join(', ')} ON people
      WHEN ${profileChanged}
      BEGIN ${dueForPerson('new.id')} END;

      CREATE TRIGGER triage_signals_due_post_insert AFTER INSERT ON posts
      BEGIN ${dueForPerson('new.person_id')} END;
      CREATE TRIGGER triage_signals_due_post_delete AFTER DELETE ON posts
      BEGIN ${dueForPerson('old.person_id')} END;
      CREATE TRIGGER triage_signals_due_post_update AFTER UPDATE OF person_id, created_at ON posts
      BEGIN ${dueForPerson('old.person_id')} ${dueForPerson('new.person_id')} END;

      CREATE TRIGGER triage_signals_due_event_insert AFTER INSERT ON events
      WHEN new.kind IN ('followed_me', 'unfollowed_me')
      BEGIN
        UPDATE triage SET signals_due_at = 0
        WHERE account_id = new.account_id AND person_id = new.person_id AND signals_due_at IS NOT 0;
      END;
      CREATE TRIGGER triage_signals_due_event_delete AFTER DELETE ON events
      WHEN old.kind IN ('followed_me', 'unfollowed_me')
      BEGIN
        UPDATE triage SET signals_due_at = 0
        WHERE account_id = old.account_id AND person_id = old.person_id AND signals_due_at IS NOT 0;
      END;
    `);
  },
};

export default signalsDue;
