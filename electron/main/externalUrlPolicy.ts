// Which URLs Rapport may hand to the operating system's browser. Profile links and post links
// come from remote data, so they are untrusted: only parsed https URLs on a known host, with
// no credentials and no unusual port, ever leave the app.

/** Hosts of the networks Rapport talks to; Mastodon instances are added as accounts connect. */
export const DEFAULT_EXTERNAL_HOSTS = ['bsky.app', 'x.com', 'github.com'] as const;

export class ExternalHostAllowList {
  private readonly hosts = new Set<string>();

  constructor(hosts: Iterable<string> = DEFAULT_EXTERNAL_HOSTS) {
    for (const host of hosts) this.add(host);
  }

  /** Adds a bare host name (e.g. a user's Mastodon instance); throws if it is not one. */
  add(host: string): void {
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
    this.hosts.add(normalised);
  }

  has(host: string): boolean {
    return this.hosts.has(host.toLowerCase());
  }

  list(): string[] {
    return [...this.hosts].sort();
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
  if (url.protocol !== 'https:') return { allowed: false, reason: `scheme ${url.protocol} is not https:` };
  if (url.username !== '' || url.password !== '') return { allowed: false, reason: 'URL carries credentials' };
  if (url.port !== '') return { allowed: false, reason: 'URL names a port' };
  if (!allowList.has(url.hostname)) return { allowed: false, reason: `host ${url.hostname} is not on the allow-list` };
  // The normalised form, so what the OS opens is exactly what was checked.
  return { allowed: true, href: url.href };
}
