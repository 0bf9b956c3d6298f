// 0016 — the "Engages with you" signal (shared/signals/engagementSignals.ts) reads the per-kind
// interaction counts. Its input changes exactly when a person's engagement does, which the
// interactions walk writes to triage.sort_engagement: a trigger marks those people's signals due
// (as 0008's triggers do for the other inputs), so a recompute after the walk reads only the
// people whose interactions changed. The new rule also applies to people who already engaged.
import type Database from 'better-sqlite3';
import type { Migration } from '../migration';

export const engagementSignal: Migration = {
  version: 16,
  name: 'engagement-signal',
  up(db: Database.Database): void {
    db.exec(`
CREATE TRIGGER triage_engagement_signals_due AFTER UPDATE OF sort_engagement ON triage
WHEN new.sort_engagement IS NOT old.sort_engagement AND new.signals_due_at IS NOT 0
BEGIN
  UPDATE triage SET signals_due_at = 0 WHERE account_id = new.account_id AND person_id = new.person_id;
END;
UPDATE triage SET signals_due_at = 0 WHERE sort_engagement > 0 AND signals_due_at IS NOT 0;
`);
  },
};

export default engagementSignal;
