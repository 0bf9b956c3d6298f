// The composition root of core: opens the database, builds the ports, the network modules'
// sign-ins and reactions, and the handler table, and hands back the one object main, the harness
// and tests drive core through. Handlers say what happened on core's bus (events/coreBus.ts);
// what reacts to it subscribes here, one line each, and lives in its own file.
import fs from 'node:fs';
import path from 'node:path';
import type { MethodName } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import type { EventMap, EventName } from '../../shared/api/events';
import { NETWORKS } from '../../shared/domain';
import { createExternalLinksDuty } from './accounts/externalLinksDuty';
import { SecretKeeper } from './accounts/secretKeeper';
import { accountsHandlers } from './api/accountsHandlers';
import { actionHandlers } from './api/actionHandlers';
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
import { interactionsHandlers } from './api/interactionsHandlers';
import { interactionRetentionHandlers } from './api/interactionRetentionHandlers';
import { createSignInHandlers } from './api/signInHandlers';
import { createSyncHandlers } from './api/syncHandlers';
import { buildHandlerTable, dispatch, type HandlerTable } from './coreDispatch';
import type { CoreEventListener, CoreHandle, CreateCoreOptions } from './coreTypes';
import { openDatabase } from './db/openDatabase';
import { CoreBus } from './events/coreBus';
import type { ModuleCloser, ModulePorts, SignInSteps, SignInStepsByNetwork } from './networks/networkModule';
import { NETWORK_MODULES, networkModule } from './networks/networkRegistry';
import { attachOutboxReactions } from './outbox/outboxReactions';
import { OutboxWorker } from './outbox/outboxWorker';
import { BackgroundSync } from './sync/backgroundSync';
import { attachOnDemandMedia } from './sync/onDemandMedia';
import { ProviderRegistry } from './sync/providerRegistry';
import { attachStopSyncOnRemoval } from './sync/stopSyncOnRemoval';
import { SyncEngine } from './sync/syncEngine';
import { createSignalDuties } from './signals/signalDuties';
import { accountsRepo } from './repos/accountsRepo';
import { networksRepo } from './repos/networksRepo';
import { createDesktopHandlers } from './api/desktopHandlers';
import { createSyncCostHandlers } from './api/syncCostHandlers';
import { createNewFollowersDuty } from './desktop/newFollowersDuty';
import { createWaitingCountDuty } from './desktop/waitingCountDuty';
import { logError } from './errorLog';

export const DATABASE_FILE = 'rapport.db';

export async function createCore(opts: CreateCoreOptions): Promise<CoreHandle> {
  const dataDir = path.resolve(opts.dataDir);
  const mediaDir = path.join(dataDir, 'media');
  fs.mkdirSync(mediaDir, { recursive: true });
  const db = openDatabase(path.join(dataDir, DATABASE_FILE));
  // accounts.network references the networks table (0007): every network this build knows.
  networksRepo(db).register(NETWORKS);

  const bus = new CoreBus();
  const listeners = new Set<CoreEventListener>();
  /** A contract event leaves for the window; the bus hears it too (the desktop duties follow it). */
  const emit = <E extends EventName>(event: E, payload: EventMap[E]): void => {
    for (const listener of listeners) {
      try {
        listener({ event, payload });
      } catch (error) {
        logError(`[rapport core] a listener of ${event} threw`, error);
      }
    }
    bus.emit('published', { event, payload });
  };
  const now = opts.now ?? Date.now;
  const secrets = new SecretKeeper(opts.dataKey ?? null);
  const settings = {
    samplePageDelayMs: opts.samplePageDelayMs,
    allowLoopbackHttp: opts.allowLoopbackHttp,
    signInRedirect: opts.signInRedirect,
    apiOrigins: opts.apiOrigins,
    signInCallbackPort: opts.signInCallbackPort,
  };
  const providers = new ProviderRegistry({ db, secrets, http: opts.http, now, settings });
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
  bus.on('published', ({ event, payload }) => {
    waiting.onEvent(event, payload);
    newFollowers.onEvent(event, payload);
    externalLinks.onEvent(event);
  });
  /** The engine's events: signals first, so the people an event names have their chips before the window reloads them. */
  const engineEmit = <E extends EventName>(event: E, payload: EventMap[E]): void => {
    signals.onEvent(event, payload);
    emit(event, payload);
    if (event === 'sync.progress') {
      const progress = payload as EventMap['sync.progress'];
      if (progress.state !== 'running') bus.emit('syncFinished', { progress });
    }
  };
  const engine = new SyncEngine({ db, mediaDir, emit: engineEmit, now, providers });
  const outbox = new OutboxWorker({
    db,
    now,
    emit,
    providerFor: (accountId) => providers.forAccount(accountsRepo(db).require(accountId)),
  });
  const ctx: CoreContext = { db, dataDir, mediaDir, emit, now, outbox, bus };
  const ports: ModulePorts = {
    ...providers.ports,
    db,
    mediaDir,
    secrets,
    emit,
    sync: {
      start: (accountId) => engine.start(accountId),
      cancelAndWait: (accountId) => engine.cancelAndWait(accountId),
      isRunning: (accountId) => engine.isRunning(accountId),
      dropProvider: (accountId) => providers.drop(accountId),
    },
    providerFor: (account) => providers.forAccount(account),
    outbox,
    signInPages: externalLinks,
  };

  // Reactions to what handlers say, each in its own file.
  attachStopSyncOnRemoval(bus, engine, providers);
  attachOnDemandMedia(bus, engine);
  attachOutboxReactions(bus, outbox);
  const signIns = Object.fromEntries(NETWORK_MODULES.map((m) => [m.id, m.createSignIn(ports)])) as unknown as SignInStepsByNetwork;
  const moduleClosers = NETWORK_MODULES.map((m) => m.attach?.(bus, ports)).filter((c): c is ModuleCloser => typeof c === 'function');
  const background = new BackgroundSync(
    engine,
    () => accountsRepo(db).list().filter((account) => networkModule(account.network)?.backgroundSync !== false),
    opts.backgroundSyncMinutes ?? 0,
  );

  let table: HandlerTable;
  try {
    table = buildHandlerTable([
      accountsHandlers,
      createSignInHandlers(signIns),
      boardHandlers,
      peopleHandlers,
      actionHandlers,
      createSyncHandlers(engine),
      notesTagsHandlers,
      timelineHandlers,
      interactionsHandlers,
      interactionRetentionHandlers,
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
      createSyncCostHandlers(ports),
    ]);
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
        await Promise.allSettled(moduleClosers.map((close) => close()));
        await Promise.allSettled((Object.values(signIns) as SignInSteps[]).map((steps) => steps.close?.()));
        await outbox.close();
        await engine.close();
        await signals.idle();
        await newFollowers.idle();
        waiting.close();
        listeners.clear();
        bus.clear();
        db.close();
      })();
      return closing;
    },
  };
}
