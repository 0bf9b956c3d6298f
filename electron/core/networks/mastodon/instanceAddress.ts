// What a user types to name their Mastodon server — `mastodon.social`, `https://mastodon.social/`,
// `@ada@mastodon.social`, `ada@mastodon.social` — becomes one https origin. Plain http is refused,
// except for 127.0.0.1 when the caller explicitly allows it (the fake server in tests).
import { RapportError } from '../../../../shared/api/errors';

export interface InstanceAddress {
  /** e.g. https://mastodon.social — no path, no trailing slash. */
  origin: string;
  /** e.g. mastodon.social (with :port when not the default). */
  host: string;
  /** The username when the input was an @user@host address. */
  username: string | null;
}

export interface InstanceAddressOptions {
  /** Accept http://127.0.0.1:<port> (tests and the harness only; never set in the app). */
  allowLoopbackHttp?: boolean;
}

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

function invalid(raw: string, why: string): RapportError {
  return new RapportError('INVALID_INPUT', `"${raw.slice(0, 100)}" is not a Mastodon server address: ${why}.`);
}

export function parseInstanceAddress(raw: string, options: InstanceAddressOptions = {}): InstanceAddress {
  const input = raw.trim();
  if (input === '') throw invalid(raw, 'it is empty');
  let username: string | null = null;
  let address = input;
  const handle = /^@?([a-z0-9_.-]+)@([^@/\s]+)$/i.exec(input);
  if (handle && !/^https?:/i.test(input)) {
    username = handle[1] ?? null;
    address = handle[2] ?? '';
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(address)) address = `https://${address}`;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw invalid(raw, 'it does not look like a server name');
  }
  if (url.username || url.password) throw invalid(raw, 'it must not contain a user name or password');
  const loopback = url.hostname === '127.0.0.1';
  if (url.protocol === 'http:') {
    if (!(loopback && options.allowLoopbackHttp)) throw invalid(raw, 'the address must use https');
  } else if (url.protocol !== 'https:') {
    throw invalid(raw, 'the address must use https');
  }
  if (url.pathname !== '/' && url.pathname !== '' ) throw invalid(raw, 'give only the server name, without a path');
  if (url.search || url.hash) throw invalid(raw, 'give only the server name');
  if (!loopback) {
    const labels = url.hostname.split('.');
    if (labels.length < 2 || !labels.every((l) => HOST_LABEL.test(l)) || /^\d+$/.test(labels[labels.length - 1] ?? '')) {
      throw invalid(raw, 'it needs a full domain name such as mastodon.social');
    }
  }
  return { origin: url.origin, host: url.host, username };
}
