// 0010 — forgetting a person keeps the decision. "Forget this person" deletes everything about
// them, but a Declined person forgotten that way used to come back to New on the next full sync,
// as if never seen. forgotten_decisions keeps the minimum that prevents it: the network, the
// person's remote id and the stage, per account; nothing else (no name, no handle).
//
// A trigger gives the stage back when the person's card is created again, whatever writes it
// (ingest, head scan, a later import), and drops the tombstone: from then on the card holds the
// decision. It only replaces the default New; a card created Connected (I follow them) stays so.
// "Forget completely" (forgetRepo) writes no tombstone.
import type Database from 'better-sqlite3';
import type { Migration } from '../migration';

export const forgottenDecisions: Migration = {
  version: 10,
  name: 'forgotten-decisions',
  up(db: Database.Database): void {
    db.exec(`
      CREATE TABLE forgotten_decisions (
        account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        network    TEXT NOT NULL,
        remote_id  TEXT NOT NULL,
        stage      TEXT NOT NULL CHECK (stage IN ('evaluated', 'connected', 'declined')),
        PRIMARY KEY (account_id, network, remote_id)
      ) WITHOUT ROWID;

      CREATE TRIGGER triage_forgotten_decision AFTER INSERT ON triage
      WHEN new.stage = 'new' AND EXISTS (SELECT 1 FROM forgotten_decisions WHERE account_id = new.account_id)
      BEGIN
        UPDATE triage SET stage = (
          SELECT f.stage FROM forgotten_decisions f JOIN people p ON p.network = f.network AND p.remote_id = f.remote_id
          WHERE f.account_id = new.account_id AND p.id = new.person_id
        )
        WHERE account_id = new.account_id AND person_id = new.person_id
          AND EXISTS (SELECT 1 FROM forgotten_decisions f JOIN people p ON p.network = f.network AND p.remote_id = f.remote_id
                      WHERE f.account_id = new.account_id AND p.id = new.person_id);
        DELETE FROM forgotten_decisions
        WHERE account_id = new.account_id
          AND (network, remote_id) = (SELECT network, remote_id FROM people WHERE id = new.person_id);
      END;
    `);
  },
};

export default forgottenDecisions;
