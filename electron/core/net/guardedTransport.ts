// The connection layer for media: a `fetch` built on node:http(s) whose DNS lookup refuses any
// address outside the policy at connect time. Checking a name before fetching is not enough (the
// name can resolve to a public address for the check and to 127.0.0.1 for the connection: DNS
// rebinding), so the check sits in the lookup the socket itself uses. Literal addresses never go
// through a lookup and are checked before connecting. Redirects come back as they are: the HTTP
// layer follows them hop by hop.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import { addressAllowed, bareHost, type AddressPolicy } from './ipAddressPolicy';
import { NetworkFailure } from './networkFailure';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address a name resolves to. Injected in tests (a name that fails, or points at loopback). */
export type ResolveAll = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolveAll: ResolveAll = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

export interface GuardedTransportOptions {
  policy: AddressPolicy;
  resolveAll?: ResolveAll;
}

const BODYLESS = new Set([204, 205, 304]);

function refusedAddress(hostname: string, address: string): NetworkFailure {
  const what = hostname === address ? address : `${hostname} (${address})`;
  return new NetworkFailure('NETWORK_ERROR', `Refused to connect to ${what}: not a public internet address.`, {
    ambiguous: false,
    status: null,
    retryAt: null,
    endpoint: hostname,
    attempts: 0,
    reason: 'REFUSED_ADDRESS',
  });
}

/** A socket lookup that answers only with addresses the policy allows, and refuses the rest. */
export function guardedLookup(options: GuardedTransportOptions): LookupFunction {
  const resolveAll = options.resolveAll ?? systemResolveAll;
  return (hostname, lookupOptions, callback) => {
    resolveAll(hostname).then(
      (addresses) => {
        // One private answer spoils the name: it may be the one the next connection gets.
        const bad = addresses.find((a) => !addressAllowed(a.address, options.policy));
        if (bad || addresses.length === 0) return callback(refusedAddress(hostname, bad?.address ?? 'no address'), '', 4);
        const wanted = lookupOptions.family === 6 || lookupOptions.family === 4 ? addresses.filter((a) => a.family === lookupOptions.family) : addresses;
        if (lookupOptions.all) return (callback as unknown as (e: null, all: ResolvedAddress[]) => void)(null, wanted);
        const first = wanted[0] ?? (addresses[0] as ResolvedAddress);
        callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, '', 4),
    );
  };
}

export function guardedFetch(options: GuardedTransportOptions): typeof globalThis.fetch {
  const lookup = guardedLookup(options);
  // Agents of their own: a pooled socket is reused only by requests that passed the same guard.
  const agents = { 'http:': new http.Agent({ keepAlive: true, lookup }), 'https:': new https.Agent({ keepAlive: true, lookup }) };
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const host = bareHost(url.hostname);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`unsupported scheme ${url.protocol}`);
    if (isIP(host) !== 0 && !addressAllowed(host, options.policy)) throw refusedAddress(host, host);
    const body = request.method === 'GET' || request.method === 'HEAD' ? null : Buffer.from(await request.arrayBuffer());
    const signal = init?.signal ?? undefined;
    return new Promise<Response>((resolve, reject) => {
      const send = url.protocol === 'https:' ? https.request : http.request;
      const req = send(url, { method: request.method, headers: Object.fromEntries(request.headers), agent: agents[url.protocol as 'http:' | 'https:'], lookup, signal }, (res) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
        }
        const status = res.statusCode ?? 502;
        const bodyless = BODYLESS.has(status) || request.method === 'HEAD';
        if (bodyless) res.resume();
        resolve(new Response(bodyless ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), { status, statusText: res.statusMessage ?? '', headers }));
      });
      req.on('error', reject);
      req.end(body ?? undefined);
    });
  };
}
