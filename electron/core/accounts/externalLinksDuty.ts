// Tells main where links may open (externalLinks.changed): the hosts of the accounts that exist,
// asked of each account's network module (externalHosts), and the exact authorize pages of sign-ins in progress. A host
// is never learned from a sign-in that was begun but not finished: the sign-in's page is allowed
// as that one URL, and only while the sign-in waits.
import type Database from 'better-sqlite3';
import type { EventName, ExternalLinks } from '../../../shared/api/events';
import { networkModule } from '../networks/networkRegistry';
import { accountsRepo } from '../repos/accountsRepo';

export interface ExternalLinksDutyOptions {
  db: Database.Database;
  emit(payload: ExternalLinks): void;
}

/** What a sign-in tells the duty about its authorize page. */
export interface SignInPages {
  opened(signInId: string, url: string): void;
  closed(signInId: string): void;
}

export interface ExternalLinksDuty extends SignInPages {
  /** Every core event passes here; account changes re-announce. */
  onEvent(event: EventName): void;
  /** Announces the current links (at start: main's list begins empty of learned hosts). */
  announce(): void;
}

export function createExternalLinksDuty(options: ExternalLinksDutyOptions): ExternalLinksDuty {
  const signInPages = new Map<string, string>();
  let last: string | null = null;

  const current = (): ExternalLinks => {
    const hosts = accountsRepo(options.db)
      .list()
      .flatMap((account) => networkModule(account.network)?.externalHosts?.(account) ?? []);
    return { hosts: [...new Set(hosts)].sort(), urls: [...new Set(signInPages.values())].sort() };
  };

  const announce = (): void => {
    if (!options.db.open) return;
    const links = current();
    const key = JSON.stringify(links);
    if (key === last) return;
    last = key;
    options.emit(links);
  };

  return {
    onEvent(event) {
      if (event === 'accounts.changed') announce();
    },
    announce,
    opened(signInId, url) {
      signInPages.set(signInId, url);
      announce();
    },
    closed(signInId) {
      if (signInPages.delete(signInId)) announce();
    },
  };
}
