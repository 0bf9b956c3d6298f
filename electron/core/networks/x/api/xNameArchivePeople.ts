// People an archive knows only by id (a former follower, someone I wrote with, nobody named in a
// post) keep their id as handle until X names them. Once an API sync of the account is done, the
// ones still unnamed are asked of /2/users?ids=, 100 per request, within the monthly read cap.
// An id X answers as suspended or not found is marked gone with that reason (and the timeline says
// so, as a sync's removal check does) and remembered (xLookupMisses.ts), so the next syncs do not
// ask it again until it is due; one X names again comes back.
import type Database from 'better-sqlite3';
import type { Account } from '../../../../../shared/domain';
import { logError } from '../../../errorLog';
import { ingestRepo } from '../../../repos/ingestRepo';
import { perDatabase } from '../../../repos/perDatabase';
import type { RemoteProfile } from '../../provider';
import { recheckSince, missesKeyOf, RECENT_MISSES_SQL, recordLookup, type XMissReason } from './xLookupMisses';

/** At most this many ids per run: the rest wait for the next sync (each read is billed). */
export const NAMING_MAX_PER_SYNC = 10_000;
/** Ids per request to /2/users; each answer is stored before the next is asked. */
const LOOKUP_BATCH = 100;

/** What naming needs of the provider: XApiProvider.lookupPeople. */
export interface XPeopleLookup {
  lookupPeople(remoteIds: string[], signal?: AbortSignal): Promise<{ profiles: RemoteProfile[]; missed: ReadonlyMap<string, XMissReason> }>;
}

const namingStatements = perDatabase((db: Database.Database) => ({
  unnamed: db.prepare(
    `SELECT p.remote_id FROM relationships r JOIN people p ON p.id = r.person_id
     WHERE r.account_id = @accountId AND p.network = 'x' AND p.handle = p.remote_id
       AND p.remote_id NOT IN (${RECENT_MISSES_SQL})
     ORDER BY p.id LIMIT @limit`,
  ),
  person: db.prepare("SELECT id, gone_at AS goneAt FROM people WHERE network = 'x' AND remote_id = ?"),
  markGone: db.prepare('UPDATE people SET gone_at = coalesce(gone_at, @at), gone_reason = @reason, moved_to = NULL WHERE id = @personId'),
  goneEvent: db.prepare("INSERT INTO events (account_id, person_id, kind, at, data) VALUES (@accountId, @personId, 'gone', @at, @data)"),
  // As a sync's ingest does: once per return, when this account's timeline last said gone.
  cameBack: db.prepare(
    `INSERT INTO events (account_id, person_id, kind, at, data)
     SELECT @accountId, @personId, 'came_back', @at, NULL
     WHERE (SELECT kind FROM events WHERE account_id = @accountId AND person_id = @personId AND kind IN ('gone', 'came_back')
            ORDER BY id DESC LIMIT 1) = 'gone'`,
  ),
}));

/** The ids the next naming run asks X about: unnamed, and not answered as missing recently. */
export function unnamedPeople(db: Database.Database, accountId: number, now: number, limit = NAMING_MAX_PER_SYNC): string[] {
  return namingStatements(db)
    .unnamed.pluck()
    .all({ accountId, limit, missesKey: missesKeyOf(accountId), recheckSince: recheckSince(now) }) as string[];
}

/** Stores one answer of X in one transaction; returns how many people changed (named, gone, back). */
function applyAnswer(db: Database.Database, accountId: number, profiles: RemoteProfile[], missed: ReadonlyMap<string, XMissReason>, now: number): number {
  const s = namingStatements(db);
  const at = new Date(now).toISOString();
  let changed = 0;
  db.transaction(() => {
    const personIds = profiles.length > 0 ? ingestRepo(db).saveProfiles('x', profiles, at) : [];
    for (const personId of personIds) s.cameBack.run({ accountId, personId, at });
    changed += profiles.length;
    for (const [remoteId, reason] of missed) {
      const person = s.person.get(remoteId) as { id: number; goneAt: string | null } | undefined;
      if (!person) continue;
      s.markGone.run({ at, reason, personId: person.id });
      if (person.goneAt === null) {
        s.goneEvent.run({ accountId, personId: person.id, at, data: JSON.stringify({ reason }) });
        changed++;
      }
    }
    recordLookup(db, accountId, { missed, found: profiles.map((p) => p.remoteId) }, at, now);
  })();
  return changed;
}

/**
 * Names what X will name and marks gone what it says is gone; returns how many people changed.
 * Never throws (logged instead): each answer is kept, so a stop at the read cap loses nothing read.
 */
export async function nameArchivePeople(db: Database.Database, account: Pick<Account, 'id'>, lookup: XPeopleLookup, now: () => number): Promise<number> {
  let changed = 0;
  try {
    const ids = unnamedPeople(db, account.id, now());
    for (let i = 0; i < ids.length && db.open; i += LOOKUP_BATCH) {
      const { profiles, missed } = await lookup.lookupPeople(ids.slice(i, i + LOOKUP_BATCH));
      if (db.open) changed += applyAnswer(db, account.id, profiles, missed, now());
    }
  } catch (error) {
    logError(`[rapport core] naming the archive's people of account ${account.id}`, error);
  }
  return changed;
}
