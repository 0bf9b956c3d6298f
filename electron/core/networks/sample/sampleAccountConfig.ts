// A sample account's generator settings, kept in its accounts.server_url so they travel (and are
// deleted) with the account row, and a restarted core rebuilds the very same network to resume.
export interface SampleAccountConfig {
  seed: number;
  followers: number;
  following: number;
  /** The network's "now" in epoch ms (the account's creation time). */
  anchorMs: number;
}

export const SAMPLE_DEFAULTS = { followers: 2_500, following: 600, seed: 42 } as const;

const SCHEME = 'sample://generated';

export function encodeSampleAccountConfig(config: SampleAccountConfig): string {
  const query = new URLSearchParams({
    seed: String(config.seed),
    followers: String(config.followers),
    following: String(config.following),
    anchor: String(config.anchorMs),
  });
  return `${SCHEME}?${query.toString()}`;
}

/** Null when the URL is not a sample configuration this version understands. */
export function decodeSampleAccountConfig(serverUrl: string | null): SampleAccountConfig | null {
  if (!serverUrl || !serverUrl.startsWith(`${SCHEME}?`)) return null;
  const query = new URLSearchParams(serverUrl.slice(SCHEME.length + 1));
  const read = (name: string): number | null => {
    const text = query.get(name);
    const value = text === null ? NaN : Number(text);
    return Number.isSafeInteger(value) && value >= 0 ? value : null;
  };
  const seed = read('seed');
  const followers = read('followers');
  const following = read('following');
  const anchorMs = read('anchor');
  if (seed === null || followers === null || following === null || anchorMs === null) return null;
  return { seed, followers, following, anchorMs };
}
