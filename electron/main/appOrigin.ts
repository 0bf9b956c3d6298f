// Where the renderer lives. The app is served from a privileged custom scheme rather than
// file://, so it has a real origin that CSP, the IPC sender check and the navigation guards
// can all compare against.

export const APP_SCHEME = 'app';
export const APP_HOST = 'rapport';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host[:port]` of a URL, or null when it has none.
 *
 * Node's `URL#origin` is the string "null" for non-special schemes such as `app:`, while
 * Chromium gives our registered standard scheme a tuple origin. Computing it ourselves keeps
 * main's checks in step with what the renderer sees. Hosts are lower-cased because Chromium
 * canonicalises standard-scheme hosts and Node leaves non-special ones as written.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host.toLowerCase()}`;
}

/**
 * Origins whose pages may call the contract and navigate inside the window: the app itself
 * and, only in development, electron-vite's dev server.
 */
export function trustedOrigins(devServerUrl?: string): ReadonlySet<string> {
  const origins = new Set([APP_ORIGIN]);
  if (devServerUrl) {
    const dev = originOf(devServerUrl);
    if (dev) origins.add(dev);
  }
  return origins;
}

export function isTrustedUrl(url: string, origins: ReadonlySet<string>): boolean {
  const origin = originOf(url);
  return origin !== null && origins.has(origin);
}
