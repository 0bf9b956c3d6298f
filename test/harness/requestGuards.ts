// Checks every request to the harness passes before it reaches a route. The harness listens on
// loopback only, but a web page on another origin can still reach 127.0.0.1: the Host check
// stops DNS rebinding, the Origin check stops cross-site WebSocket hijacking, and the per-run
// token stops any other local page or process from driving core.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-rapport-token';

/** The cookie that lets <img src="media/..."> prove the token; named per port since cookies ignore ports. */
export function tokenCookieName(port: number): string {
  return `rapport_harness_${port}`;
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
 * The same policy the app's renderer runs under (scripts only from our own origin), plus the
 * event socket, which is the one thing the harness adds.
 */
export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
