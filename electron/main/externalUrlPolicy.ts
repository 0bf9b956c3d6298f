// Which URLs Rapport may hand to the operating system's browser. Profile links and post links
// come from remote data, so they are untrusted: only parsed https URLs on a known host, with
// no credentials and no unusual port, ever leave the app; and mailto: links to one plain
// address (mailtoPolicy.ts), for writing to a person's public email on networks without messages.
import { NETWORK_LINK_HOSTS } from '../../shared/api/networks';
import { checkMailtoUrl } from './mailtoPolicy';

/** Hosts every account of a network links to (each network's contract part); per-account hosts come from core (externalLinks.changed). */
export const DEFAULT_EXTERNAL_HOSTS = NETWORK_LINK_HOSTS;

/** The bare host name, lower-cased; throws if `host` is not one. */
function hostName(host: string): string {
  const normalised = host.trim().toLowerCase();
  let parsed: URL | null = null;
  try {
    parsed = new URL(`https://${normalised}/`);
  } catch {
    parsed = null;
  }
  if (parsed === null || parsed.hostname !== normalised || parsed.port !== '' || normalised.endsWith('.')) {
    throw new TypeError(`Not a host name: ${JSON.stringify(host)}`);
  }
  return normalised;
}

export class ExternalHostAllowList {
  private readonly hosts = new Set<string>();
  /** Hosts core named last (accounts that exist), replaced as a whole each time. */
  private learnedHosts = new Set<string>();
  /** Exact URLs core named last (pages of sign-ins in progress), replaced as a whole each time. */
  private exactUrls = new Set<string>();

  constructor(hosts: Iterable<string> = DEFAULT_EXTERNAL_HOSTS) {
    for (const host of hosts) this.add(host);
  }

  /** Adds a bare host name for good; throws if it is not one. */
  add(host: string): void {
    this.hosts.add(hostName(host));
  }

  /**
   * Replaces what was learned before with exactly these hosts and URLs. The caller has checked
   * them (https host names only); a value that is not a host name is left out.
   */
  replaceLearned(hosts: Iterable<string>, urls: Iterable<string>): void {
    const learned = new Set<string>();
    for (const host of hosts) {
      try {
        learned.add(hostName(host));
      } catch {
        // Not a host name: links there stay refused.
      }
    }
    this.learnedHosts = learned;
    this.exactUrls = new Set(urls);
  }

  has(host: string): boolean {
    const lower = host.toLowerCase();
    return this.hosts.has(lower) || this.learnedHosts.has(lower);
  }

  /** True for a URL named exactly (compared in its normalised form, as URL#href). */
  hasExactUrl(href: string): boolean {
    return this.exactUrls.has(href);
  }

  list(): string[] {
    return [...new Set([...this.hosts, ...this.learnedHosts])].sort();
  }
}

export type ExternalUrlVerdict = { allowed: true; href: string } | { allowed: false; reason: string };

export function checkExternalUrl(raw: string, allowList: ExternalHostAllowList): ExternalUrlVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { allowed: false, reason: 'not a URL' };
  }
  if (url.protocol === 'mailto:') return checkMailtoUrl(url);
  if (url.protocol !== 'https:') return { allowed: false, reason: `scheme ${url.protocol} is not https:` };
  if (url.username !== '' || url.password !== '') return { allowed: false, reason: 'URL carries credentials' };
  if (url.port !== '') return { allowed: false, reason: 'URL names a port' };
  if (!allowList.has(url.hostname) && !allowList.hasExactUrl(url.href)) {
    return { allowed: false, reason: `host ${url.hostname} is not on the allow-list` };
  }
  // The normalised form, so what the OS opens is exactly what was checked.
  return { allowed: true, href: url.href };
}
