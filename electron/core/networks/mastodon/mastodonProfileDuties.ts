// What a Mastodon profile drawer needs beyond the sync's rows, fetched when a drawer opens on the
// person: the banner and custom emoji images in the media cache (remote images never reach the
// renderer directly), and "followed by people you follow" from familiar_followers, once per
// person per run of core (one request; it changes slowly and is viewer-relative). A follow request
// still waiting is re-checked too: an accepted one becomes a follow, a declined one is cleared
// (a sync only sees accepted requests, through the following list).
import type Database from 'better-sqlite3';
import type { Account } from '../../../../shared/domain';
import type { EventMap, EventName } from '../../../../shared/api/events';
import { MediaCache } from '../../media/mediaCache';
import type { MastodonProvider } from './mastodonProvider';
import type { Provider } from '../provider';
import { perDatabase } from '../../repos/perDatabase';
import { personExtrasRepo, type StoredEmoji } from '../../repos/personExtrasRepo';

/** Familiar followers named per person (Mastodon sends all; the drawer shows a few). */
export const SHARED_CONNECTIONS_KEPT = 12;

interface PersonRow {
  remoteId: string;
  followRequested: number;
}

const dutyStatements = perDatabase((db: Database.Database) => ({
  person: db.prepare(
    `SELECT p.remote_id AS remoteId, coalesce(r.follow_requested, 0) AS followRequested
     FROM people p LEFT JOIN relationships r ON r.person_id = p.id AND r.account_id = ? WHERE p.id = ?`,
  ),
  requestAccepted: db.prepare(
    `UPDATE relationships SET i_follow = 1, follow_requested = 0, i_followed_at = coalesce(i_followed_at, ?)
     WHERE account_id = ? AND person_id = ? AND follow_requested = 1`,
  ),
  requestEnded: db.prepare('UPDATE relationships SET follow_requested = 0 WHERE account_id = ? AND person_id = ? AND follow_requested = 1'),
  setShared: db.prepare(
    `UPDATE relationships SET shared_connections_json = ?, shared_connections_count = ?
     WHERE account_id = ? AND person_id = ?`,
  ),
}));

function parseEmojis(json: string | null): StoredEmoji[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (e): e is StoredEmoji =>
        typeof e === 'object' && e !== null && typeof (e as StoredEmoji).shortcode === 'string' && typeof (e as StoredEmoji).url === 'string',
    );
  } catch {
    return [];
  }
}

export interface MastodonProfileDutiesOptions {
  db: Database.Database;
  mediaDir: string;
  providerFor(account: Account): Promise<Provider>;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  now(): number;
}

/** Told apart by its methods, not instanceof: importing the class would load masto with core. */
function isMastodonProvider(provider: Provider): provider is MastodonProvider {
  const candidate = provider as Partial<MastodonProvider>;
  return typeof candidate.familiarFollowers === 'function' && typeof candidate.getRelationships === 'function';
}

export class MastodonProfileDuties {
  private readonly media: MediaCache;
  /** account:person pairs whose shared connections and follow request were checked this run. */
  private readonly checked = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly abort = new AbortController();

  constructor(private readonly options: MastodonProfileDutiesOptions) {
    this.media = new MediaCache(options.mediaDir);
  }

  /** Starts the drawer's extras in the background; a failure is logged, the drawer shows what it has. */
  ensure(account: Account, personId: number): void {
    if (account.network !== 'mastodon' || this.abort.signal.aborted) return;
    const work = this.fill(account, personId).catch((error: unknown) => {
      if (this.abort.signal.aborted || !this.options.db.open) return;
      console.error(`[rapport core] Mastodon profile extras of person ${personId} skipped: ${(error as Error).message}`);
    });
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  /** Waits for the work in flight (tests) . */
  async whenIdle(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.whenIdle();
  }

  private async fill(account: Account, personId: number): Promise<void> {
    const { db } = this.options;
    const s = dutyStatements(db);
    const person = s.person.get(account.id, personId) as PersonRow | undefined;
    if (!person) return;
    const extras = personExtrasRepo(db);
    const media = extras.media(personId) ?? { bannerUrl: null, bannerFile: null, emojisJson: null };
    const provider = await this.options.providerFor(account);
    const signal = this.abort.signal;
    let changed = false;

    if (media.bannerUrl && !media.bannerFile) {
      const file = await this.media.ensure(media.bannerUrl, provider, signal).catch(() => null);
      if (file && db.open && extras.setBannerFile(personId, media.bannerUrl, file)) changed = true;
    }

    const emojis = parseEmojis(media.emojisJson);
    if (media.emojisJson && emojis.some((e) => e.file === null)) {
      const filled: StoredEmoji[] = [];
      for (const emoji of emojis) {
        signal.throwIfAborted();
        const file = emoji.file ?? (await this.media.ensure(emoji.url, provider, signal).catch(() => null));
        filled.push({ shortcode: emoji.shortcode, url: emoji.url, file });
      }
      if (db.open && extras.replaceEmojis(personId, media.emojisJson, filled)) changed = true;
    }

    const onceKey = `${account.id}:${personId}`;
    if (isMastodonProvider(provider) && !this.checked.has(onceKey)) {
      this.checked.add(onceKey);
      if (person.followRequested === 1) {
        const [relationship] = await provider.getRelationships([person.remoteId], signal);
        const at = new Date(this.options.now()).toISOString();
        if (relationship && !relationship.gone && relationship.iFollow) {
          if (db.open && s.requestAccepted.run(at, account.id, personId).changes > 0) changed = true;
        } else if (relationship && !relationship.gone && !relationship.requested) {
          if (db.open && s.requestEnded.run(account.id, personId).changes > 0) changed = true;
        }
      }
      const [entry] = await provider.familiarFollowers([person.remoteId], signal);
      const accounts = entry?.accounts ?? [];
      const named = accounts.slice(0, SHARED_CONNECTIONS_KEPT).map((a) => ({ handle: a.handle, displayName: a.displayName, avatarUrl: null }));
      if (db.open && s.setShared.run(JSON.stringify(named), accounts.length, account.id, personId).changes > 0) changed = true;
    }

    if (changed && db.open) this.options.emit('people.changed', { accountId: account.id, personIds: [personId] });
  }
}
