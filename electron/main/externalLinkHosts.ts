// Main's external-link allow-list follows core: core says, at start and whenever accounts change,
// which hosts the existing accounts link to and which exact pages sign-ins in progress open
// (externalLinks.changed). Main takes exactly those, after checking each one itself: only https,
// the default port, no credentials, and a domain name, never an IP literal (loopback included),
// so the http://127.0.0.1 servers tests use never reach the app's list. Nothing is learned from
// what a method answered, so a sign-in begun and never finished leaves no host behind.
import type { RapportEvent } from '../../shared/api/events';
import type { ExternalHostAllowList } from './externalUrlPolicy';

/** A domain name as a browser would open it: lower-case labels, not all-numeric at the end. */
function isDomainName(hostname: string): boolean {
  const labels = hostname.split('.');
  return labels.length >= 2 && labels.every((l) => /^[a-z0-9-]+$/.test(l)) && !/^\d+$/.test(labels[labels.length - 1] ?? '');
}

/** The URL in its normalised form when it is https on a domain name with nothing unusual; else null. */
export function httpsPageUrl(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username !== '' || parsed.password !== '') return null;
  return isDomainName(parsed.hostname) ? parsed.href : null;
}

/** A bare host name links may open at over https, or null. */
export function httpsHostName(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.includes('/') || raw.includes('@')) return null;
  const href = httpsPageUrl(`https://${raw}/`);
  return href === null ? null : new URL(href).hostname;
}

const strings = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);

/** Applies externalLinks.changed to the allow-list; every other event leaves it as it is. */
export function followExternalLinks(allowList: ExternalHostAllowList, event: RapportEvent): void {
  if (event.event !== 'externalLinks.changed') return;
  const payload = event.payload as Partial<Record<'hosts' | 'urls', unknown>>;
  const hosts = strings(payload.hosts).flatMap((h) => httpsHostName(h) ?? []);
  const urls = strings(payload.urls).flatMap((u) => httpsPageUrl(u) ?? []);
  allowList.replaceLearned(hosts, urls);
}
