// Checks every request to the harness passes before it reaches a route. The harness listens on
// loopback only, but a web page on another origin can still reach 127.0.0.1: the Host check
// stops DNS rebinding, the Origin check stops cross-site WebSocket hijacking, and the per-run
// token stops any other local page or process from driving core.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/contentSecurityPolicy';

export const TOKEN_HEADER = 'x-rapport-token';

/**
 * The cookie that lets <img src="media/..."> load cached media; named per port. Cookies ignore
 * ports, so any other server on 127.0.0.1 the browser visits receives it: it holds a media-only
 * token that opens /media/ and nothing else, never the token that drives /rpc and /events.
 */
export function mediaCookieName(port: number): string {
  return `rapport_harness_media_${port}`;
}

export function tokensMatch(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True when the Host header names this server exactly (127.0.0.1:<port>). */
export function hostIsLoopback(req: IncomingMessage, port: number): boolean {
  return req.headers.host === `127.0.0.1:${port}`;
}

/** Browsers send Origin on WebSocket upgrades and POSTs; when present it must be ours. */
export function originIsOwn(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://127.0.0.1:${port}`;
}

export function cookieValue(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * The app's own policy (scripts only from our origin, no inline script), with the event socket
 * added to connect-src: the one thing the harness has that app:// does not.
 */
export function contentSecurityPolicy(port: number): string {
  return CONTENT_SECURITY_POLICY.split('; ')
    .map((directive) => (directive.startsWith('connect-src ') ? `${directive} ws://127.0.0.1:${port}` : directive))
    .join('; ');
}
