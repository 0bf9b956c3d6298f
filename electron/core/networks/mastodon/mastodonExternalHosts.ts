// A Mastodon account's profile and post links point at its own instance.
import type { Account } from '../../../../shared/domain';

export function mastodonExternalHosts(account: Account): string[] {
  if (account.serverUrl === null) return [];
  try {
    return [new URL(account.serverUrl).hostname];
  } catch {
    return [];
  }
}
