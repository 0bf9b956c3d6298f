// People an archive knows only by id (a former follower, someone I wrote with, nobody named in a
// post) keep their id as handle until X names them. Once an API sync of the account is done, the
// ones still unnamed are asked of /2/users?ids=, 100 per request, within the monthly read cap.
// Suspended and deleted accounts stay as they are (X names nobody for them).
import type Database from 'better-sqlite3';
import type { Account } from '../../../../../shared/domain';
import { logError } from '../../../errorLog';
import { ingestRepo } from '../../../repos/ingestRepo';
import type { Provider } from '../../provider';

/** At most this many ids per run: the rest wait for the next sync (each read is billed). */
export const NAMING_MAX_PER_SYNC = 10_000;

export function unnamedPeople(db: Database.Database, accountId: number, limit = NAMING_MAX_PER_SYNC): string[] {
  return db
    .prepare(
      `SELECT p.remote_id FROM relationships r JOIN people p ON p.id = r.person_id
       WHERE r.account_id = ? AND p.network = 'x' AND p.handle = p.remote_id AND p.gone_at IS NULL
       ORDER BY p.id LIMIT ?`,
    )
    .pluck()
    .all(accountId, limit) as string[];
}

/** Names what X will name; returns how many people were named. Never throws (logged instead). */
export async function nameArchivePeople(db: Database.Database, account: Pick<Account, 'id'>, provider: Provider, now: () => string): Promise<number> {
  try {
    const ids = unnamedPeople(db, account.id);
    if (ids.length === 0) return 0;
    const profiles = await provider.getProfiles(ids);
    if (profiles.length > 0 && db.open) ingestRepo(db).saveProfiles('x', profiles, now());
    return profiles.length;
  } catch (error) {
    logError(`[rapport core] naming the archive's people of account ${account.id}`, error);
    return 0;
  }
}
