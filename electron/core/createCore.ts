// The composition root of core: opens the database, builds the context, merges the handler
// groups, and hands back the one object main, the harness and tests drive core through.
import fs from 'node:fs';
import path from 'node:path';
import type { MethodName } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import type { EventMap, EventName } from '../../shared/api/events';
import { NETWORKS, type PersonCard } from '../../shared/domain';
import { createExternalLinksDuty } from './accounts/externalLinksDuty';
import { SecretKeeper } from './accounts/secretKeeper';
import { accountsHandlers } from './api/accountsHandlers';
import { actionHandlers } from './api/actionHandlers';
import { createBlueskyAccountHandlers, createBlueskySignIn } from './api/blueskyAccountHandlers';
import { createMastodonAccountHandlers } from './api/mastodonAccountHandlers';
import { boardHandlers } from './api/boardHandlers';
import type { CoreContext } from './api/handlerTypes';
import { peopleHandlers } from './api/peopleHandlers';
import { bulkMoveHandlers } from './api/bulkMoveHandlers';
import { peopleQueryHandlers } from './api/peopleQueryHandlers';
import { savedFiltersHandlers } from './api/savedFiltersHandlers';
import { statsHandlers } from './api/statsHandlers';
import { unfollowHandlers } from './api/unfollowHandlers';
import { exportHandlers } from './api/exportHandlers';
import { forgetHandlers } from './api/forgetHandlers';
import { findPeopleHandlers } from './api/findPeopleHandlers';
import { notesTagsHandlers } from './api/notesTagsHandlers';
import { snoozeHandlers } from './api/snoozeHandlers';
import { templatesHandlers } from './api/templatesHandlers';
import { timelineHandlers } from './api/timelineHandlers';
import { attachTriageDuties } from './api/triageDuties';
import { createSampleAccountHandlers, createSampleSignIn } from './api/sampleAccountHandlers';
import { createSignInHandlers } from './api/signInHandlers';
import { createSyncHandlers } from './api/syncHandlers';
import { buildHandlerTable, dispatch, type HandlerTable } from './coreDispatch';
import type { CoreEventListener, CoreHandle, CreateCoreOptions } from './coreTypes';
import { openDatabase } from './db/openDatabase';
import { attachNoteSync } from './outbox/noteSyncDuty';
import { OutboxWorker } from './outbox/outboxWorker';
import { BackgroundSync } from './sync/backgroundSync';
import { attachMastodonProfileDuties, MastodonProfileDuties } from './sync/mastodonProfileDuties';
import { ProviderRegistry } from './sync/providerRegistry';
import { SyncEngine } from './sync/syncEngine';
import { createSignalDuties } from './signals/signalDuties';
import { accountsRepo } from './repos/accountsRepo';
import { networksRepo } from './repos/networksRepo';
import { createDesktopHandlers } from './api/desktopHandlers';
import { createNewFollowersDuty } from './desktop/newFollowersDuty';
import { createWaitingCountDuty } from './desktop/waitingCountDuty';
import { logError } from './errorLog';

export const DATABASE_FILE = 'rapport.db';

function logBackgroundFailure(what: string) {
  return (error: unknown): void => {
    // Closing core aborts on-demand work; that is not a failure worth a log line.
    if (error instanceof Error && error.name === 'AbortError') return;
    logError(`[rapport core] ${what} failed`, error);
  };
}

/**
 * The storage handlers stay unaware of the sync engine; the engine's duties around them are
 * attached here: a removed account's sync is stopped first (its rows would vanish mid-walk), and
 * people the board or a drawer shows get their avatar and recent posts fetched on demand.
 */
function attachSyncDuties(table: HandlerTable, engine: SyncEngine): HandlerTable {
  const needingAvatars = (cards: PersonCard[]): number[] => cards.filter((c) => c.avatarUrl === null).map((c) => c.personId);
  return {
    ...table,
    removeAccount: async (input, ctx) => {
      await engine.cancelAndWait(input.accountId);
      const result = await table.removeAccount(input, ctx);
      engine.providers.drop(input.accountId);
      return result;
    },
    getBoardPage: async (input, ctx) => {
      const page = await table.getBoardPage(input, ctx);
      void engine.ensureAvatars(input.accountId, needingAvatars(page.items)).catch(logBackgroundFailure('avatars'));
      return page;
    },
    getProfile: async (input, ctx) => {
      const profile = await table.getProfile(input, ctx);
      if (profile.avatarUrl === null) {
        void engine.ensureAvatars(input.accountId, [profile.personId]).catch(logBackgroundFailure('avatar'));
      }
      if (profile.recentPosts.length === 0) {
        void engine.ensureRecentPosts(input.accountId, profile.personId).catch(logBackgroundFailure('recent posts'));
      }
      return profile;
    },
  };
}

export async function createCore(opts: CreateCoreOptions): Promise<CoreHandle> {
  const dataDir = path.resolve(opts.dataDir);
  const mediaDir = path.join(dataDir, 'media');
  fs.mkdirSync(mediaDir, { recursive: true });
  const db = openDatabase(path.join(dataDir, DATABASE_FILE));
  // accounts.network references the networks table (0007): every network this build knows.
  networksRepo(db).register(NETWORKS);

  const listeners = new Set<CoreEventListener>();
  const emit = <E extends EventName>(event: E, payload: EventMap[E]): void => {
    for (const listener of listeners) {
      try {
        listener({ event, payload });
      } catch (error) {
        logError(`[rapport core] a listener of ${event} threw`, error);
      }
    }
    // The desktop shell's figures follow every event (see electron/core/desktop/).
    waiting.onEvent(event, payload);
    newFollowers.onEvent(event, payload);
    externalLinks.onEvent(event);
  };
  const now = opts.now ?? Date.now;
  const secrets = new SecretKeeper(opts.dataKey ?? null);
  const providers = new ProviderRegistry({ samplePageDelayMs: opts.samplePageDelayMs, db, secrets, http: opts.http, now });
  // Signals and scores follow what syncs and profile refreshes store (see signalDuties.ts).
  const signals = createSignalDuties({ db, now, emitChanged: (payload) => emit('people.changed', payload) });
  const waiting = createWaitingCountDuty({ db, emit: (payload) => emit('waiting.changed', payload) });
  // Main's external-link allow-list follows the accounts that exist (see externalLinksDuty.ts).
  const externalLinks = createExternalLinksDuty({ db, emit: (payload) => emit('externalLinks.changed', payload) });
  const newFollowers = createNewFollowersDuty({
    db,
    emit: (payload) => emit('followers.arrived', payload),
    signalsSettled: () => signals.idle(),
  });
  const engine = new SyncEngine({ db, mediaDir, emit: (event, payload) => emitAndReact(event, payload), now, providers });
  const outbox = new OutboxWorker({
    db,
    now,
    emit,
    providerFor: (accountId) => providers.forAccount(accountsRepo(db).require(accountId)),
  });
  // A sync that went through proves the network is back: actions waiting out an outage go now.
  function emitAndReact<E extends EventName>(event: E, payload: EventMap[E]): void {
    // First, so the people an event names have their chips before the renderer reloads them.
    signals.onEvent(event, payload);
    emit(event, payload);
    if (event === 'sync.progress') {
      const progress = payload as EventMap['sync.progress'];
      if (progress.state === 'done') outbox.networkBack(progress.accountId);
    }
  }
  const ctx: CoreContext = { db, dataDir, mediaDir, emit, now, outbox };
  const mastodonSignIns = createMastodonAccountHandlers(engine, secrets, { allowLoopbackHttp: opts.allowLoopbackHttp, redirect: opts.mastodonRedirect }, externalLinks);
  const mastodonProfiles = new MastodonProfileDuties({ db, mediaDir, emit, now, providerFor: (account) => providers.forAccount(account) });
  const signIns = { sample: createSampleSignIn(engine), bluesky: createBlueskySignIn(engine, secrets), mastodon: mastodonSignIns.signIn };
  const background = new BackgroundSync(engine, () => accountsRepo(db).list(), opts.backgroundSyncMinutes ?? 0);

  let table: HandlerTable;
  try {
    table = attachTriageDuties(mastodonSignIns.attachSignOut(attachMastodonProfileDuties(attachNoteSync(attachSyncDuties(
      buildHandlerTable([
        accountsHandlers,
        boardHandlers,
        peopleHandlers,
        actionHandlers,
        createSyncHandlers(engine),
        createSignInHandlers(signIns),
        createSampleAccountHandlers(signIns.sample),
        createBlueskyAccountHandlers(signIns.bluesky),
        mastodonSignIns.handlers,
        notesTagsHandlers,
        timelineHandlers,
        snoozeHandlers,
        templatesHandlers,
        exportHandlers,
        forgetHandlers,
        findPeopleHandlers,
        peopleQueryHandlers,
        bulkMoveHandlers,
        statsHandlers,
        savedFiltersHandlers,
        unfollowHandlers,
        createDesktopHandlers(waiting),
      ]),
      engine,
    ), outbox), mastodonProfiles)));
    engine.resumeInterrupted();
    outbox.start();
    background.start({ syncNow: opts.syncOnStart === true });
    // Once whoever created core has subscribed (they do so as soon as createCore resolves).
    setImmediate(() => externalLinks.announce()).unref();
  } catch (error) {
    db.close();
    throw error;
  }

  let closing: Promise<void> | null = null;
  const closedEnvelope: Envelope<never> = {
    ok: false,
    error: { code: 'CONFLICT', message: 'Rapport is shutting down.' },
  };

  return {
    call(method: MethodName, input: unknown): Promise<Envelope<unknown>> {
      if (closing) return Promise.resolve(closedEnvelope);
      return dispatch(table, ctx, method, input, { slowCallMs: opts.slowQueryMs });
    },
    onEvent(listener: CoreEventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close(): Promise<void> {
      closing ??= (async () => {
        background.stop();
        await mastodonSignIns.close();
        await mastodonProfiles.close();
        await outbox.close();
        await engine.close();
        await signals.idle();
        await newFollowers.idle();
        waiting.close();
        listeners.clear();
        db.close();
      })();
      return closing;
    },
  };
}
