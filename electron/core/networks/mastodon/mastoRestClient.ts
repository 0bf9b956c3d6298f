// masto 7 gives us Mastodon's REST surface as a typed client, but its HTTP adapter calls the
// global `fetch` with no way to inject another. So we assemble the same client masto's
// createRestAPIClient builds (action proxy → dispatcher → Mastodon hook → serializer), with our
// own `Http` underneath: every request goes through the shared HttpClient, which owns rate
// limits (X-RateLimit-* with ISO-8601 resets), Retry-After, backoff, counting and timeouts.
//
// The deep imports below are masto's public "./*.js" subpath exports; they are pinned by the
// lockfile and this file is the only place that knows about them.
import type { mastodon } from 'masto';
import { createActionProxy, HttpActionDispatcher } from 'masto/adapters/action/index.js';
import { HttpActionDispatcherHookMastodon } from 'masto/adapters/action/dispatcher-http-hook-mastodon.js';
import { SerializerNativeImpl } from 'masto/adapters/serializers/index.js';
import type { Encoding, Http, HttpMetaParams, HttpRequestParams, HttpResponse } from 'masto/interfaces/index.js';
import type { HttpClient } from '../../net/httpClient';
import { endpointLabel, MastodonMalformedAnswer, refusalFor } from './mastodonErrors';

export interface MastoHttpOptions {
  http: HttpClient;
  /** Instance origin, e.g. https://mastodon.social. */
  origin: string;
  accessToken?: string | null;
}

/** masto's `Http` over our HttpClient. Answers are deserialized with camelCased keys, as masto does. */
export class MastoHttpOverHttpClient implements Http {
  private readonly serializer = new SerializerNativeImpl();

  constructor(private readonly options: MastoHttpOptions) {}

  readonly request = async <T>(params: HttpRequestParams): Promise<HttpResponse<T>> => {
    const url = new URL(params.path, this.options.origin);
    if (url.origin !== this.options.origin) throw new Error('masto built a request for another server');
    if (typeof params.search === 'string') url.search = params.search;
    else if (params.search) url.search = this.serializer.serialize('querystring', params.search);
    const headers = new Headers(params.requestInit?.headers);
    headers.set('accept', 'application/json');
    if (this.options.accessToken) headers.set('authorization', `Bearer ${this.options.accessToken}`);
    let body: string | undefined;
    if (params.body !== undefined && params.method !== 'GET') {
      // Only JSON bodies: we never upload media, and forms would bypass the snake_case mapping.
      body = this.serializer.serialize('json', params.body);
      headers.set('content-type', 'application/json');
    }
    const endpoint = endpointLabel(params.method, url.pathname);
    const response = await this.options.http.request(
      url,
      { method: params.method, headers, body },
      { signal: params.requestInit?.signal ?? undefined },
    );
    const text = await response.text();
    if (!response.ok) {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(text);
      } catch {
        // an HTML error page: the status says enough
      }
      throw refusalFor(response.status, parsed, endpoint);
    }
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (contentType !== 'application/json') throw new MastodonMalformedAnswer(endpoint, '(answer)', `is ${contentType || 'untyped'}, not JSON`);
    let data: T;
    try {
      data = this.serializer.deserialize<T>('json', text);
    } catch {
      throw new MastodonMalformedAnswer(endpoint, '(answer)', 'is not valid JSON');
    }
    return { headers: response.headers, data };
  };

  readonly get = <T>(path: string, data?: unknown, meta: HttpMetaParams<Encoding> = {}) =>
    this.request<T>({ method: 'GET', path, search: data as Record<string, unknown> | undefined, ...meta });
  readonly post = <T>(path: string, data?: unknown, meta: HttpMetaParams<Encoding> = {}) =>
    this.request<T>({ method: 'POST', path, body: data as Record<string, unknown> | undefined, ...meta });
  readonly put = <T>(path: string, data?: unknown, meta: HttpMetaParams<Encoding> = {}) =>
    this.request<T>({ method: 'PUT', path, body: data as Record<string, unknown> | undefined, ...meta });
  readonly patch = <T>(path: string, data?: unknown, meta: HttpMetaParams<Encoding> = {}) =>
    this.request<T>({ method: 'PATCH', path, body: data as Record<string, unknown> | undefined, ...meta });
  readonly delete = <T>(path: string, data?: unknown, meta: HttpMetaParams<Encoding> = {}) =>
    this.request<T>({ method: 'DELETE', path, body: data as Record<string, unknown> | undefined, ...meta });
}

export interface MastoRestClient {
  /** The typed masto client (`client.v1.accounts.$select(id).followers.list(…)`). */
  client: mastodon.rest.Client;
  /** The raw layer, for the few calls masto types wrongly (familiar_followers takes `id[]`). */
  http: MastoHttpOverHttpClient;
}

export function createMastoRestClient(options: MastoHttpOptions): MastoRestClient {
  const http = new MastoHttpOverHttpClient(options);
  const dispatcher = new HttpActionDispatcher(http, new HttpActionDispatcherHookMastodon(http));
  const client = createActionProxy<mastodon.rest.Client>(dispatcher, { context: ['api'] });
  return { client, http };
}
