// Events flow core -> main -> renderer (or core -> harness bridge -> page). Payloads are small:
// they say what changed; the renderer re-reads what it shows through the contract.
import type { Account, SyncProgress } from '../domain';
import type { DesktopSettings, FollowersArrived, OpenReview, WaitingCount } from './desktopEvents';

export interface EventMap {
  /** Progress of a running sync, at most a few times per second per account. */
  'sync.progress': SyncProgress;
  /** People, relationships or stages of an account changed; reload counts and visible windows. */
  'people.changed': { accountId: number; personIds: number[] | null };
  /** An account was added, removed or renamed. */
  'accounts.changed': { accounts: Account[] };
  /** Outbox actions of an account were queued, sent, failed or cancelled. */
  'outbox.changed': { accountId: number; actionIds: number[]; personIds: number[] };
  /** A sync found new followers: one per account and sync (desktop notification). */
  'followers.arrived': FollowersArrived;
  /** The number of people waiting in New changed (tray, badge). */
  'waiting.changed': WaitingCount;
  /** The desktop settings changed (main follows them). */
  'desktopSettings.changed': DesktopSettings;
  /** From main, not core: a notification or the tray asks the window to open Review. */
  'desktop.openReview': OpenReview;
  /**
   * Where links may open in the browser, besides main's fixed hosts: the hosts of accounts that
   * exist (at start and whenever accounts change) and the exact pages of sign-ins in progress.
   * Main's external-link allow-list takes exactly these; each one replaces the last.
   */
  'externalLinks.changed': ExternalLinks;
}

export interface ExternalLinks {
  /** Host names links of existing accounts point at (e.g. the server an account lives on). */
  hosts: string[];
  /** Exact URLs a sign-in in progress opens (its authorize page), gone when the sign-in ends. */
  urls: string[];
}

export type EventName = keyof EventMap;
export const EVENT_NAMES: EventName[] = [
  'sync.progress',
  'people.changed',
  'accounts.changed',
  'outbox.changed',
  'followers.arrived',
  'waiting.changed',
  'desktopSettings.changed',
  'desktop.openReview',
  'externalLinks.changed',
];

export interface RapportEvent<E extends EventName = EventName> {
  event: E;
  payload: EventMap[E];
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as string[]).includes(value);
}
