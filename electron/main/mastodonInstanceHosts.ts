// Mastodon instances join the external-link allow-list as they become known: the instance of a
// sign-in being begun (its authorize page opens in the browser) and the instance of every
// Mastodon account (profile and post links point there). Main learns them from answers and events
// passing through the bridge, so core needs no channel of its own for it. Only https instances on
// the default port are added; the loopback http instances tests use never reach the app's list.
import type { MethodName } from '../../shared/api/contract';
import type { RapportEvent } from '../../shared/api/events';
import type { Account } from '../../shared/domain';
import type { ExternalHostAllowList } from './externalUrlPolicy';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The host of an https origin, or null for anything else (http, a port, junk). */
export function httpsInstanceHost(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username !== '' || parsed.password !== '') return null;
  // A domain name, as core's instance parsing demands: never an IP literal (loopback included).
  const labels = parsed.hostname.split('.');
  if (labels.length < 2 || !labels.every((l) => /^[a-z0-9-]+$/.test(l)) || /^\d+$/.test(labels[labels.length - 1] ?? '')) return null;
  return parsed.hostname;
}

function addHost(allowList: ExternalHostAllowList, url: unknown): void {
  const host = httpsInstanceHost(url);
  if (host === null) return;
  try {
    allowList.add(host);
  } catch {
    // Not a host name the allow-list accepts: links there stay refused.
  }
}

function learnAccounts(allowList: ExternalHostAllowList, accounts: unknown): void {
  if (!Array.isArray(accounts)) return;
  for (const account of accounts as unknown[]) {
    if (isRecord(account) && (account as Partial<Account>).network === 'mastodon') addHost(allowList, account.serverUrl);
  }
}

/** Looks at a successful answer of `method`; adds the Mastodon instances it names. */
export function learnInstanceHostsFromResult(allowList: ExternalHostAllowList, method: MethodName, value: unknown): void {
  if (method === 'beginMastodonSignIn' && isRecord(value)) addHost(allowList, value.instanceUrl);
  else if (method === 'finishMastodonSignIn') learnAccounts(allowList, [value]);
  else if (method === 'listAccounts') learnAccounts(allowList, value);
}

/** accounts.changed names every account: Mastodon ones added while the app runs join the list. */
export function learnInstanceHostsFromEvent(allowList: ExternalHostAllowList, event: RapportEvent): void {
  if (event.event === 'accounts.changed') learnAccounts(allowList, (event.payload as Partial<{ accounts: unknown }>).accounts);
}
