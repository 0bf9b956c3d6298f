// What core asks of a network. Generic code (handlers, engine, outbox) talks to a network only
// through this interface and the registry that lists the modules (networkRegistry.ts), so adding a
// network is a folder and a registry line, not edits across core. Modules get narrow ports, never
// the sync engine.
import type Database from 'better-sqlite3';
import type { SignInStart } from '../../../shared/api/signInContract';
import type { SyncReadEstimate } from '../../../shared/api/syncCostContract';
import type { Network } from '../../../shared/api/networks';
import type { SignInParamsOf } from '../../../shared/api/networks/signInParams';
import type { EventMap, EventName } from '../../../shared/api/events';
import type { Account } from '../../../shared/domain';
import type { SignInPages } from '../accounts/externalLinksDuty';
import type { SecretKeeper } from '../accounts/secretKeeper';
import type { HttpClient } from '../net/httpClient';
import type { SecretBox } from '../secrets/secretBox';
import type { CoreBus } from '../events/coreBus';
import type { NetworkActionPolicy } from './networkActionPolicy';
import type { Provider } from './provider';

/** createCore options the modules read; each module takes what concerns it. */
export interface NetworkSettings {
  /** Pacing of generated data, per page, so progress is visible in a demo; 0 or absent: full speed. */
  samplePageDelayMs?: number;
  /** Accept servers at http://127.0.0.1:<port> (fakes in tests and the harness), never in the app. */
  allowLoopbackHttp?: boolean;
  /** How browser sign-ins receive the grant: 'loopback' (default) or 'oob' (the user pastes a code). */
  signInRedirect?: 'loopback' | 'oob';
  /** A network's API elsewhere than its public address, by network id (fakes only, never in the app). */
  apiOrigins?: Readonly<Record<string, string>>;
  /** The loopback port for sign-ins whose apps register an exact callback; tests pick a free one. */
  signInCallbackPort?: number;
}

/** What building a provider may use. */
export interface ProviderPorts {
  now(): number;
  /** One HTTP client per service name, so its rate-limit clock covers every account there. */
  http(serviceName: string): HttpClient;
  /** The client for images from hosts profiles name: public addresses only, no retries. */
  mediaHttp(): HttpClient;
  /** The database and the open key for sealed sign-ins; CONFLICT where the machine keeps no secrets. */
  sealed(): Promise<{ db: Database.Database; box: SecretBox }>;
  /** Whether sealed sign-ins can be opened at all (a key was given). */
  readonly secretsAvailable: boolean;
  settings: NetworkSettings;
  /** The database, for what a module itself recorded (the sample network's sent follows). */
  db?: Database.Database;
}

/** Start and stop of an account's sync, as a sign-in or a reaction needs them. */
export interface SyncControl {
  start(accountId: number): void;
  cancelAndWait(accountId: number): Promise<void>;
  isRunning(accountId: number): boolean;
  /** Forgets the account's provider, so the next use builds it from what is stored now. */
  dropProvider(accountId: number): void;
}

/** What a module's sign-in and its reactions may use. */
export interface ModulePorts extends ProviderPorts {
  db: Database.Database;
  mediaDir: string;
  secrets: SecretKeeper;
  /** Contract events to the window (accounts.changed, people.changed…). */
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  sync: SyncControl;
  providerFor(account: Account): Promise<Provider>;
  /** Wakes the outbox after an action was queued. */
  outbox: { kick(accountId: number): void };
  /** Told of each waiting sign-in's page, so main lets exactly that page open. */
  signInPages: SignInPages;
}

/** How a network signs in: at once (begin answers signedIn), or through its own page (pending). */
export interface SignInSteps<N extends Network = Network> {
  begin(params: SignInParamsOf<N>): Promise<SignInStart>;
  /** Completes a pending sign-in; NOT_FOUND when the module no longer waits for this id. */
  finish?(input: { signInId: string; code?: string }): Promise<Account>;
  /** False when the sign-in was no longer waiting. */
  cancel?(signInId: string): Promise<boolean>;
  /** Ends sign-ins still waiting (core is closing). */
  close?(): Promise<void>;
}

export type SignInStepsByNetwork = { [N in Network]: SignInSteps<N> };

/** The action a network's own page is asked for (see NetworkModule.actionPage). */
export interface ActionPageRequest {
  kind: 'follow' | 'unfollow' | 'dm';
  /** The person's stable id on the network. */
  remoteId: string;
  /** The message, for a dm. */
  text?: string;
}

/** Stops what attach started; awaited when core closes. */
export type ModuleCloser = () => Promise<void>;

export interface NetworkModule<N extends Network = Network> {
  readonly id: N;
  /** 'Bluesky': for logs and messages core writes. */
  readonly label: string;
  /** What the outbox may do, known without a signed-in provider. */
  readonly policy: NetworkActionPolicy;
  createProvider(account: Account, ports: ProviderPorts): Promise<Provider>;
  /** Built once per core; keeps the sign-ins in progress. */
  createSignIn(ports: ModulePorts): SignInSteps<N>;
  /**
   * False for a network whose accounts have nothing to read on a timer (they learn from files the
   * user imports): the background sync leaves them alone. Absent: synced like every account.
   */
  readonly backgroundSync?: boolean;
  /** Hosts links of this account open on, beyond main's fixed list (a server of the user's choice). */
  externalHosts?(account: Account): string[];
  /**
   * For a network whose rules leave every follow and message to the person (X): the network's own
   * page where they do this action themselves. With it, the outbox never sends: each action is
   * recorded 'opened' (counted against the budget) and the window opens this page.
   */
  actionPage?(action: ActionPageRequest): string;
  /**
   * For a network that bills reads (X): how many users the account's next sync reads, and the
   * month's reads against the person's cap, said before the sync starts. Absent: reads are free.
   */
  syncReadEstimate?(account: Account, ports: ModulePorts): Promise<SyncReadEstimate | null>;
  /** Subscribes the module's reactions to core's bus (in the module's own files). */
  attach?(bus: CoreBus, ports: ModulePorts): ModuleCloser | void;
}
