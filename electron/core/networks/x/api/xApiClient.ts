// twitter-api-v2 over Rapport's HTTP layer. The library sends with node's https module, which our
// layer (timeouts, rate-limit windows, waits shown on the progress bar, request counting, https
// only) would never see; its documented plugin hook `onBeforeRequestConfig` may answer a request
// itself (the cache plugins do), so every call the library builds — endpoints, parameters, the
// OAuth 2.0 link and token exchange — is sent here through HttpClient instead, and its answer is
// checked with zod before anything reads it.
//
// Rate limits: X counts each endpoint family apart (each follow list 15 requests per 15 minutes,
// user lookups 300), so each family has its own HttpClient (own window). X's windows last 15
// minutes, longer than the layer waits on its own; a spent window is waited out here, reported
// under the caller's signal so the sync's progress bar says when it goes on.
import type { ITwitterApiClientPlugin, ITwitterApiBeforeRequestConfigHookArgs, TwitterApi, TwitterResponse } from 'twitter-api-v2';
import { RapportError } from '../../../../../shared/api/errors';
import { RATE_LIMIT_MARGIN_MS, type HttpClient } from '../../../net/httpClient';
import { NetworkFailure } from '../../../net/networkFailure';

/** X's rate-limit families, each its own window (and its own HttpClient). */
export type XLimitFamily = 'followers' | 'following' | 'users';

export interface XApiPlace {
  /** https://api.x.com, or a fake's origin in tests. */
  api: string;
  /** https://x.com (the OAuth consent page), or the fake's origin. */
  web: string;
}

export const X_PUBLIC_PLACE: XApiPlace = { api: 'https://api.x.com', web: 'https://x.com' };

export interface XApiTransport {
  place: XApiPlace;
  http(family: XLimitFamily): HttpClient;
  now(): number;
  /** How a spent window is waited out; default: as the family's HttpClient waits (tests inject virtual time there). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** How many spent windows one request waits out before giving up (a window that never resets). */
const MAX_WINDOW_WAITS = 3;

type TwitterApiModule = typeof import('twitter-api-v2');

let library: Promise<TwitterApiModule> | null = null;
/** twitter-api-v2 loads with the first X API sign-in or provider, never with core itself. */
export function loadTwitterApi(): Promise<TwitterApiModule> {
  library ??= import('twitter-api-v2');
  return library;
}

function familyOf(path: string): XLimitFamily {
  if (path.endsWith('/followers')) return 'followers';
  if (path.endsWith('/following')) return 'following';
  return 'users';
}

/** The library's URL with its `:name` parameters and query applied, moved to `place`. */
function targetUrl(args: ITwitterApiBeforeRequestConfigHookArgs, place: XApiPlace): URL {
  let path = args.url.pathname;
  for (const [name, value] of Object.entries(args.params.params ?? {})) {
    if (value !== undefined) path = path.replace(`:${name}`, encodeURIComponent(String(value)));
  }
  const base = args.url.host === 'x.com' || args.url.host === 'twitter.com' ? place.web : place.api;
  const url = new URL(path, base);
  for (const [key, value] of Object.entries(args.params.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url;
}

/** What X's answer means for the person: a sentence they can act on. */
function refusal(status: number, path: string): RapportError {
  if (status === 401) {
    return new RapportError('AUTH_EXPIRED', 'X did not accept the token of your developer app (it was revoked, regenerated or has expired). Sign in to X with your app again.');
  }
  if (status === 403) {
    return new RapportError('AUTH_EXPIRED', `X refused this read with your app's token (${path}): check that the app's project has access to X API v2 users and follows, then sign in again.`);
  }
  return new RapportError('NETWORK_ERROR', `X answered ${path} with HTTP ${status}. Try again later.`);
}

/** The plugin that sends the library's requests through our layer. */
function httpLayerPlugin(transport: XApiTransport, token: string | null, signal: AbortSignal | undefined): ITwitterApiClientPlugin {
  return {
    async onBeforeRequestConfig(args): Promise<TwitterResponse<unknown>> {
      const url = targetUrl(args, transport.place);
      const method = args.params.method.toUpperCase();
      const headers: Record<string, string> = { accept: 'application/json', ...(args.params.headers ?? {}) };
      if (token !== null && args.params.enableAuth !== false) headers.authorization = `Bearer ${token}`;
      let body: string | undefined;
      if (method !== 'GET' && args.params.body && !(args.params.body instanceof Buffer)) {
        // X's OAuth 2.0 token endpoint takes a form; nothing else Rapport sends has a body.
        const form = new URLSearchParams();
        for (const [key, value] of Object.entries(args.params.body)) if (value !== undefined) form.set(key, String(value));
        body = form.toString();
        headers['content-type'] = 'application/x-www-form-urlencoded';
      }
      const http = transport.http(familyOf(url.pathname));
      const path = url.pathname.replace(/\/\d+(?=\/|$)/g, '/:id');
      const response = await sendWaitingOutWindows(transport, http, url, { method, headers, body }, signal);
      const text = await response.text();
      let data: unknown = null;
      try {
        data = text === '' ? null : JSON.parse(text);
      } catch {
        throw new RapportError('NETWORK_ERROR', `X answered ${path} with something that is not JSON. Try again later.`);
      }
      if (!response.ok) {
        if (path.endsWith('/oauth2/token')) throw new RapportError('AUTH_EXPIRED', 'X did not accept the sign-in (the code expired, was used already, or the app does not allow this callback). Start the sign-in again.');
        throw refusal(response.status, path);
      }
      return { data, headers: {} };
    },
  };
}

async function sendWaitingOutWindows(transport: XApiTransport, http: HttpClient, url: URL, init: RequestInit, signal: AbortSignal | undefined): Promise<Response> {
  const sleep = transport.sleep ?? ((ms: number, s?: AbortSignal) => http.wait(ms, s));
  for (let waits = 0; ; waits++) {
    try {
      return await http.request(url, init, { signal });
    } catch (error) {
      // The layer waits out short limits itself; X's 15-minute windows come back as RATE_LIMITED.
      const retryAt = error instanceof NetworkFailure && error.code === 'RATE_LIMITED' ? error.details.retryAt : null;
      if (retryAt === null || waits >= MAX_WINDOW_WAITS) throw error;
      const until = retryAt + RATE_LIMIT_MARGIN_MS;
      await http.limitWaits.waitOut(signal, until, () => sleep(Math.max(0, until - transport.now()), signal));
    }
  }
}

/** A library client whose every request goes through our layer under `signal`. */
export async function xApi(transport: XApiTransport, token: string | { clientId: string } | null, signal?: AbortSignal): Promise<TwitterApi> {
  const { TwitterApi } = await loadTwitterApi();
  const bearer = typeof token === 'string' ? token : null;
  const plugins = [httpLayerPlugin(transport, bearer, signal)];
  if (token !== null && typeof token === 'object') return new TwitterApi({ clientId: token.clientId }, { plugins });
  // The library wants some credential to build a client; requests carry ours from the plugin.
  return new TwitterApi(bearer ?? 'none', { plugins });
}
