// Sends the outbox, one action at a time per account, through the account's provider.
//
// The rule that keeps a lost answer from becoming a second follow: an action that was handed to
// the network before (attempts > 0: a retry, a replay after restart, a wait after an ambiguous
// failure) first asks getRelationships, and counts as done when the network already shows it.
// Messages cannot be checked that way, so an ambiguous message failure is reported, not resent:
// the user decides (retryAction) after looking at the conversation.
//
// A follow of a locked account (on networks that have them) ends as a request: the relationship says
// follow_requested until a later sync sees the follow accepted. A note action mirrors whatever my
// note about the person says when it is sent, so several edits queue one send of the latest text.
import type Database from 'better-sqlite3';
import type { EventMap, EventName } from '../../../shared/api/events';
import { fullJitterDelay, type BackoffPolicy } from '../net/backoff';
import { findRapportError, NetworkFailure } from '../net/networkFailure';
import type { Provider } from '../networks/provider';
import { outboxRepo, type StoredAction } from '../repos/outboxRepo';
import { perDatabase } from '../repos/perDatabase';
import { logError } from '../errorLog';

/** Waits between attempts while the network is away or asks us to slow down. */
export const OUTBOX_BACKOFF: BackoffPolicy = { baseMs: 5_000, capMs: 10 * 60_000 };
/** After this many attempts a transient failure becomes a failure the user sees and can retry. */
export const OUTBOX_MAX_ATTEMPTS = 8;
/** How long close() waits for an action that is being sent. */
const CLOSE_GRACE_MS = 2_000;

export interface OutboxWorkerOptions {
  db: Database.Database;
  providerFor(accountId: number): Promise<Provider>;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  now(): number;
  backoff?: BackoffPolicy;
  random?: () => number;
}

interface Target {
  remoteId: string;
  followRef: string | null;
  goneAt: string | null;
}


const workerStatements = perDatabase((db: Database.Database) => ({
  target: db.prepare(
    `SELECT p.remote_id AS remoteId, r.follow_ref AS followRef, p.gone_at AS goneAt FROM people p
     LEFT JOIN relationships r ON r.person_id = p.id AND r.account_id = ? WHERE p.id = ?`,
  ),
  followed: db.prepare(
    `INSERT INTO relationships (account_id, person_id, i_follow, i_followed_at, follow_ref) VALUES (@accountId, @personId, 1, @at, @ref)
     ON CONFLICT (account_id, person_id) DO UPDATE SET i_follow = 1, i_followed_at = @at, follow_ref = coalesce(@ref, follow_ref),
       follow_requested = 0`,
  ),
  // Not i_follow: until they accept, the follow does not exist, and a full walk must not read its
  // absence from the following list as an unfollow.
  requested: db.prepare(
    `INSERT INTO relationships (account_id, person_id, follow_requested) VALUES (?, ?, 1)
     ON CONFLICT (account_id, person_id) DO UPDATE SET follow_requested = 1`,
  ),
  unfollowed: db.prepare(
    'UPDATE relationships SET i_follow = 0, follow_ref = NULL, follow_requested = 0 WHERE account_id = ? AND person_id = ?',
  ),
  note: db.prepare('SELECT body FROM notes WHERE account_id = ? AND person_id = ? ORDER BY updated_at DESC, id DESC LIMIT 1'),
  event: db.prepare(
    "INSERT INTO events (account_id, person_id, kind, at, data) VALUES (?, ?, ?, ?, json_object('actionId', ?))",
  ),
}));

type Outcome =
  | { kind: 'done'; followRef?: string | null; requested?: boolean }
  | { kind: 'wait'; error: { code: string; message: string }; retryAt: number | null }
  | { kind: 'failed'; error: { code: string; message: string } };

function shapeOf(error: unknown): { code: string; message: string } {
  const ours = findRapportError(error);
  if (ours) return ours.toShape();
  return { code: 'INTERNAL', message: 'Something went wrong while sending this. The details are in the log.' };
}

export class OutboxWorker {
  private readonly draining = new Map<number, Promise<void>>();
  private readonly again = new Set<number>();
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly options: OutboxWorkerOptions) {}

  private iso(): string {
    return new Date(this.options.now()).toISOString();
  }

  /** At core start: actions a previous run left 'sending' are re-checked, then every queue drains. */
  start(): void {
    const repo = outboxRepo(this.options.db);
    repo.requeueInterrupted(this.iso());
    for (const accountId of repo.accountsWithWork()) this.kick(accountId);
  }

  /** Sends whatever is due for the account (in the background). */
  kick(accountId: number): void {
    if (this.closed) return;
    if (this.draining.has(accountId)) {
      this.again.add(accountId);
      return;
    }
    const run = this.drain(accountId)
      .catch((error: unknown) => logError(`[rapport core] outbox of account ${accountId} stopped`, error))
      .finally(() => {
        this.draining.delete(accountId);
        if (this.again.delete(accountId)) this.kick(accountId);
        else this.schedule(accountId);
      });
    this.draining.set(accountId, run);
  }

  /** The network answered again (a sync went through): actions waiting out an outage go now. */
  networkBack(accountId: number): void {
    if (this.closed) return;
    this.options.db
      .prepare("UPDATE outbox SET next_attempt_at = NULL WHERE account_id = ? AND status = 'queued' AND next_attempt_at IS NOT NULL")
      .run(accountId);
    this.kick(accountId);
  }

  /** Resolves once the account has nothing due (tests and close). */
  async whenIdle(accountId: number): Promise<void> {
    for (let run = this.draining.get(accountId); run; run = this.draining.get(accountId)) await run;
  }

  /**
   * Stops sending. An action in flight gets a short grace to settle; one still out after that stays
   * 'sending' in the database and is re-checked (not resent) at the next start, so quitting never
   * waits on a slow network.
   */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.draining.values()]),
      new Promise<void>((resolve) => {
        grace = setTimeout(resolve, CLOSE_GRACE_MS);
      }),
    ]);
    clearTimeout(grace);
  }

  private schedule(accountId: number): void {
    if (this.closed || !this.options.db.open) return;
    const next = outboxRepo(this.options.db).nextScheduled(accountId);
    clearTimeout(this.timers.get(accountId));
    this.timers.delete(accountId);
    if (!next) return;
    const delay = Math.max(0, Date.parse(next) - this.options.now());
    const timer = setTimeout(() => {
      this.timers.delete(accountId);
      this.kick(accountId);
    }, delay);
    // A waiting retry must not keep a closing core (or a test runner) alive.
    timer.unref();
    this.timers.set(accountId, timer);
  }

  private changed(action: StoredAction): void {
    this.options.emit('outbox.changed', { accountId: action.accountId, actionIds: [action.id], personIds: [action.personId] });
  }

  private async drain(accountId: number): Promise<void> {
    const repo = outboxRepo(this.options.db);
    while (!this.closed && this.options.db.open) {
      const action = repo.nextDue(accountId, this.iso());
      if (!action) return;
      if (!repo.markSending(action.id, this.iso())) continue;
      this.changed(action);
      const outcome = await this.perform(action);
      if (!this.options.db.open) return;
      this.settle(action, outcome);
    }
  }

  private settle(action: StoredAction, outcome: Outcome): void {
    const { db } = this.options;
    const repo = outboxRepo(db);
    const at = this.iso();
    if (outcome.kind === 'done') {
      const s = workerStatements(db);
      db.transaction(() => {
        if (!repo.markDone(action.id, at)) return;
        const { accountId, personId } = action;
        // A mirrored note leaves no trace of its own: the note_changed event is the note's.
        if (action.kind === 'note') return;
        if (action.kind === 'follow' && outcome.requested) s.requested.run(accountId, personId);
        else if (action.kind === 'follow') s.followed.run({ accountId, personId, at, ref: outcome.followRef ?? null });
        if (action.kind === 'unfollow') s.unfollowed.run(accountId, personId);
        const kind =
          action.kind === 'follow' ? (outcome.requested ? 'follow_requested' : 'i_followed') : action.kind === 'unfollow' ? 'i_unfollowed' : 'dm_sent';
        s.event.run(accountId, personId, kind, at, action.id);
      })();
      if (action.kind === 'follow' || action.kind === 'unfollow') this.options.emit('people.changed', { accountId: action.accountId, personIds: [action.personId] });
    } else if (outcome.kind === 'wait') {
      const attempts = action.attempts + 1;
      const delay = Math.max(
        outcome.retryAt ? outcome.retryAt - this.options.now() : 0,
        fullJitterDelay(this.options.backoff ?? OUTBOX_BACKOFF, attempts, this.options.random ?? Math.random),
        1_000,
      );
      repo.markWaiting(action.id, at, outcome.error, new Date(this.options.now() + delay).toISOString());
    } else {
      repo.markFailed(action.id, at, outcome.error);
    }
    this.changed(action);
  }

  private async perform(action: StoredAction): Promise<Outcome> {
    const { db } = this.options;
    const target = workerStatements(db).target.get(action.accountId, action.personId) as Target | undefined;
    if (!target) return { kind: 'failed', error: { code: 'NOT_FOUND', message: 'That person is not on this board any more.' } };
    // Undoing my own follow stays possible: a moved account still exists, and the record is mine.
    if (target.goneAt && action.kind !== 'unfollow') {
      return { kind: 'failed', error: { code: 'NOT_FOUND', message: 'That account was deactivated or removed from the network.' } };
    }
    // attempts as read before this send: above zero means the network may already have it.
    const mayHaveLanded = action.attempts > 0;
    try {
      const provider = await this.options.providerFor(action.accountId);
      if (action.kind === 'follow') {
        if (mayHaveLanded) {
          const [relationship] = await provider.getRelationships([target.remoteId]);
          if (relationship?.iFollow) return { kind: 'done', followRef: relationship.followRef };
          if (relationship?.requested) return { kind: 'done', followRef: null, requested: true };
        }
        const created = await provider.follow(target.remoteId, action.idempotencyKey);
        return { kind: 'done', followRef: created.followRef, requested: created.pending };
      }
      if (action.kind === 'unfollow') {
        if (mayHaveLanded) {
          const [relationship] = await provider.getRelationships([target.remoteId]);
          if (relationship && !relationship.iFollow && !relationship.requested) return { kind: 'done' };
        }
        await provider.unfollow(target.remoteId, target.followRef);
        return { kind: 'done' };
      }
      if (action.kind === 'note') return await this.mirrorNote(provider, action, target);
      await provider.sendDm(target.remoteId, action.text ?? '', action.idempotencyKey);
      return { kind: 'done' };
    } catch (error) {
      return this.classify(action, error);
    }
  }

  /** Sends the note as it is now (setting the same text twice is harmless, so no check first). */
  private async mirrorNote(provider: Provider, action: StoredAction, target: Target): Promise<Outcome> {
    if (!provider.setPrivateNote) {
      return { kind: 'failed', error: { code: 'CONFLICT', message: 'This network keeps no private notes, so the note stays in Rapport only.' } };
    }
    const row = workerStatements(this.options.db).note.get(action.accountId, action.personId) as { body: string } | undefined;
    await provider.setPrivateNote(target.remoteId, row?.body ?? '');
    return { kind: 'done' };
  }

  private classify(action: StoredAction, error: unknown): Outcome {
    const ours = findRapportError(error);
    const shape = shapeOf(error);
    if (!ours) logError(`[rapport core] outbox action ${action.id} (${action.kind}) failed`, error);
    const ambiguous = ours instanceof NetworkFailure && ours.details.ambiguous;
    if (action.kind === 'dm' && ambiguous) {
      return {
        kind: 'failed',
        error: {
          code: shape.code,
          message: 'The message may or may not have been delivered (the network did not answer). Check the conversation before sending it again.',
        },
      };
    }
    const transient = ours !== null && (ours.code === 'OFFLINE' || ours.code === 'RATE_LIMITED' || ours.code === 'NETWORK_ERROR');
    if (transient && action.attempts + 1 < OUTBOX_MAX_ATTEMPTS) {
      const retryAt = ours instanceof NetworkFailure ? ours.details.retryAt : null;
      const message =
        ours.code === 'OFFLINE' ? 'Waiting for the network to come back; it will be sent then.' : `${ours.message} It will be tried again shortly.`;
      return { kind: 'wait', error: { code: ours.code, message }, retryAt };
    }
    // AUTH_EXPIRED, NOT_FOUND, CONFLICT (messages refused by the recipient's settings)…: the user
    // reads the sentence and decides; retryAction puts it back in the queue.
    return { kind: 'failed', error: shape };
  }
}
