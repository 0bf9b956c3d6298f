// The door check of per-person triage methods: a person belongs to an account's data when the
// account has a card for them (a follower) or a relationship (someone I follow who does not follow
// me has no card). Anything else is NOT_FOUND, so one account can never write onto another's people.
import type Database from 'better-sqlite3';
import { RapportError } from '../../../shared/api/errors';
import { perDatabase } from './perDatabase';

const statements = perDatabase((db: Database.Database) => ({
  known: db.prepare(
    `SELECT 1 FROM triage WHERE account_id = @accountId AND person_id = @personId
     UNION ALL SELECT 1 FROM relationships WHERE account_id = @accountId AND person_id = @personId
     LIMIT 1`,
  ),
}));

export function isKnownPerson(db: Database.Database, accountId: number, personId: number): boolean {
  return statements(db).known.get({ accountId, personId }) !== undefined;
}

export function requireKnownPerson(db: Database.Database, accountId: number, personId: number): void {
  if (!isKnownPerson(db, accountId, personId)) {
    throw new RapportError('NOT_FOUND', 'That person is not known to this account any more.');
  }
}
