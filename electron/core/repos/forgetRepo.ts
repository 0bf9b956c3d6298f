// "Forget this person": everything this account holds about them goes — card, signals,
// relationship, note, tags, timeline, interactions and queued actions — in one transaction. A decision other than
// New is kept as a tombstone (network, remote id, stage; see 0010) so the next sync does not put
// them back in New; "forget completely" keeps nothing. When no other account
// refers to them, the person row goes too (posts cascade), with its search entry and the cached
// files only they used (avatar, banner, custom emoji). Files are deleted after the commit by the
// caller: a crash in between leaves a stray file, never a row pointing at a missing one.
import type Database from 'better-sqlite3';
import { RapportError } from '../../../shared/api/errors';
import type { Stage } from '../../../shared/domain';
import { interactionsRepo } from './interactionsRepo';
import { isKnownPerson } from './knownPerson';
import { perDatabase } from './perDatabase';
import { extrasFilesSql } from './personExtrasRepo';
import { tagsRepo } from './tagsRepo';

export interface ForgetOutcome {
  /** Outbox actions deleted with the person (the renderer drops their status). */
  actionIds: number[];
  /** True when the person row itself was deleted (no other account knew them). */
  personRemoved: boolean;
  /** The stage kept for them (the card comes back there if they appear again), or null. */
  keptStage: Stage | null;
  /** Media-relative paths of cached files no one shows any more; delete them after the commit. */
  orphanFiles: string[];
}


export const forgetRepo = perDatabase((db: Database.Database) => {
  const s = {
    sending: db.prepare("SELECT 1 FROM outbox WHERE account_id = ? AND person_id = ? AND status = 'sending' LIMIT 1"),
    actionIds: db.prepare('SELECT id FROM outbox WHERE account_id = ? AND person_id = ?'),
    decision: db.prepare(
      `SELECT p.network, p.remote_id AS remoteId, t.stage FROM triage t JOIN people p ON p.id = t.person_id
       WHERE t.account_id = ? AND t.person_id = ? AND t.stage <> 'new'`,
    ),
    keepDecision: db.prepare(
      `INSERT INTO forgotten_decisions (account_id, network, remote_id, stage) VALUES (@accountId, @network, @remoteId, @stage)
       ON CONFLICT (account_id, network, remote_id) DO UPDATE SET stage = excluded.stage`,
    ),
    deleteTriage: db.prepare('DELETE FROM triage WHERE account_id = ? AND person_id = ?'),
    deleteSignals: db.prepare('DELETE FROM triage_signals WHERE account_id = ? AND person_id = ?'),
    deleteRelationship: db.prepare('DELETE FROM relationships WHERE account_id = ? AND person_id = ?'),
    deleteNotes: db.prepare('DELETE FROM notes WHERE account_id = ? AND person_id = ?'),
    deleteTags: db.prepare('DELETE FROM person_tags WHERE person_id = ? AND tag_id IN (SELECT id FROM tags WHERE account_id = ?)'),
    deleteEvents: db.prepare('DELETE FROM events WHERE account_id = ? AND person_id = ?'),
    deleteOutbox: db.prepare('DELETE FROM outbox WHERE account_id = ? AND person_id = ?'),
    remoteIdOf: db.prepare('SELECT remote_id FROM people WHERE id = ?').pluck(),
    // After this account's rows are gone, anything left refers to the person from another account.
    stillReferenced: db.prepare(
      `SELECT 1 FROM relationships WHERE person_id = @id UNION ALL SELECT 1 FROM triage WHERE person_id = @id
       UNION ALL SELECT 1 FROM notes WHERE person_id = @id UNION ALL SELECT 1 FROM person_tags WHERE person_id = @id
       UNION ALL SELECT 1 FROM events WHERE person_id = @id UNION ALL SELECT 1 FROM outbox WHERE person_id = @id
       LIMIT 1`,
    ),
    avatar: db.prepare('SELECT avatar_file FROM people WHERE id = ? AND avatar_file IS NOT NULL').pluck(),
    extrasFiles: db.prepare(extrasFilesSql('x.person_id = ?')).pluck(),
    deletePerson: db.prepare('DELETE FROM people WHERE id = ?'),
    // The FTS delete trigger skips while a bulk ingest has the index deferred; the row goes anyway.
    deleteSearchRow: db.prepare('DELETE FROM people_fts WHERE rowid = ?'),
    deleteNameTrigramRow: db.prepare('DELETE FROM people_name_trigrams WHERE rowid = ?'),
    // Candidate files some remaining person still shows, found in one pass over people and one over
    // their extras (one profile may name dozens of custom emoji; a scan per file would read the
    // tables dozens of times).
    filesStillShown: db
      .prepare(
        `SELECT avatar_file AS file FROM people WHERE avatar_file IN (SELECT value FROM json_each(@files))
         UNION ${extrasFilesSql('1 = 1')} AND f.value IN (SELECT value FROM json_each(@files))`,
      )
      .pluck(),
  };

  const forget = db.transaction((accountId: number, personId: number, completely: boolean): ForgetOutcome => {
    if (!isKnownPerson(db, accountId, personId)) {
      throw new RapportError('NOT_FOUND', 'That person is not known to this account any more.');
    }
    if (s.sending.get(accountId, personId)) {
      throw new RapportError(
        'CONFLICT',
        'An action for this person is being sent to the network right now. Try again in a moment, once it has finished.',
      );
    }
    const actionIds = (s.actionIds.all(accountId, personId) as { id: number }[]).map((r) => r.id);
    const decision = completely ? undefined : (s.decision.get(accountId, personId) as { network: string; remoteId: string; stage: Stage } | undefined);
    if (decision) s.keepDecision.run({ accountId, ...decision });
    const keptStage = decision?.stage ?? null;
    s.deleteSignals.run(accountId, personId);
    s.deleteTriage.run(accountId, personId);
    s.deleteRelationship.run(accountId, personId);
    s.deleteNotes.run(accountId, personId);
    s.deleteTags.run(personId, accountId);
    tagsRepo(db).dropUnused(accountId);
    s.deleteEvents.run(accountId, personId);
    s.deleteOutbox.run(accountId, personId);
    // Their replies, likes and counts go too; interactions are keyed by remote id (see 0013).
    interactionsRepo(db).forgetPerson(accountId, s.remoteIdOf.get(personId) as string);

    if (s.stillReferenced.get({ id: personId })) return { actionIds, personRemoved: false, keptStage, orphanFiles: [] };

    // Read before the DELETE: the person's extras go with it (ON DELETE CASCADE).
    const candidates = new Set<string>([
      ...(s.avatar.all(personId) as string[]),
      ...(s.extrasFiles.all(personId) as string[]),
    ]);
    s.deletePerson.run(personId);
    s.deleteSearchRow.run(personId);
    s.deleteNameTrigramRow.run(personId);
    // Cached files are named by their URL's hash, so two people may share one (same emoji set,
    // same default avatar): only files no remaining person shows are orphans.
    if (candidates.size === 0) return { actionIds, personRemoved: true, keptStage, orphanFiles: [] };
    const shown = new Set(s.filesStillShown.all({ files: JSON.stringify([...candidates]) }) as string[]);
    const orphanFiles = [...candidates].filter((file) => !shown.has(file));
    return { actionIds, personRemoved: true, keptStage, orphanFiles };
  });

  return {
    /**
     * NOT_FOUND when the account does not know the person; CONFLICT while an action is being sent.
     * `completely` keeps no tombstone of the decision either.
     */
    forget(accountId: number, personId: number, options: { completely?: boolean } = {}): ForgetOutcome {
      return forget(accountId, personId, options.completely === true);
    },
  };
});

export type ForgetRepo = ReturnType<typeof forgetRepo>;
