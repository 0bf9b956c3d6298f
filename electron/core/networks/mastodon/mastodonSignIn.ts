// Signing in to any Mastodon instance: register Rapport there once (client saved sealed), send
// the user's browser to the server's own sign-in page with an authorization-code request
// protected by PKCE S256 and a `state`, receive the code on a loopback redirect (or, for servers
// that refuse loopback, have the user paste the out-of-band code), exchange it for a token, learn
// who signed in, and only then store the grant. Any failure before that stores nothing.
//
// Redirect URIs: the app is registered with `http://127.0.0.1/callback` and the oob URN. Each
// sign-in listens on a fresh random port; Mastodon (Doorkeeper) matches loopback redirects on any
// port, as RFC 8252 §7.3 asks.
import { z } from 'zod';
import { RapportError } from '../../../../shared/api/errors';
import type { HttpClient } from '../../net/httpClient';
import { createMastoRestClient } from './mastoRestClient';
import { parseMastodonAnswer } from './mastodonErrors';
import { accountSchema } from './mastodonSchemas';
import { parseInstanceAddress, type InstanceAddress } from './instanceAddress';
import { LoopbackRedirectServer } from '../../auth/loopbackRedirectServer';
import type { MastodonClientRegistration, MastodonCredentialStore, MastodonGrant } from './mastodonCredentialStore';
import { discoverOAuthEndpoints, type OAuthEndpoints } from './mastodonDiscovery';
import { createOAuthState, createPkcePair, type PkcePair } from '../../auth/pkce';

/** read:notifications: who replied, mentioned, favourited or boosted (the interactions on cards). */
export const MASTODON_BASE_SCOPES = ['read:accounts', 'read:follows', 'write:follows', 'read:statuses', 'write:statuses', 'read:notifications'] as const;
/** Only asked for when the user turns on note sync (private account notes). */
export const MASTODON_NOTE_SCOPE = 'write:accounts';
/** Registered once; each sign-in asks for a subset, so turning on note sync needs no new app. */
const REGISTERED_SCOPES = [...MASTODON_BASE_SCOPES, MASTODON_NOTE_SCOPE].join(' ');
export const OOB_REDIRECT_URI = 'urn:ietf:wg:oauth:2.0:oob';
export const LOOPBACK_REDIRECT_URI = 'http://127.0.0.1/callback';

export type MastodonRedirectMode = 'loopback' | 'oob';

export interface MastodonSignInOptions {
  http: HttpClient;
  credentials: MastodonCredentialStore;
  /** `loopback` (default): the browser comes back to us. `oob`: the user pastes the code. */
  redirect?: MastodonRedirectMode;
  /** Adds write:accounts so Rapport notes can be mirrored to Mastodon's private notes. */
  noteSync?: boolean;
  /** Accept http://127.0.0.1 instances (tests and the harness only). */
  allowLoopbackHttp?: boolean;
  clientName?: string;
  website?: string;
  /** How long the loopback server waits for the browser. Default 10 minutes. */
  callbackTimeoutMs?: number;
  /** Tests only: a fixed PKCE pair (e.g. one whose verifier does not match its challenge). */
  pkce?: PkcePair;
}

export interface PendingMastodonSignIn {
  readonly instance: InstanceAddress;
  readonly mode: MastodonRedirectMode;
  /** Open this in the system browser (main: shell.openExternal; e2e: follow it). */
  readonly authorizeUrl: string;
  readonly redirectUri: string;
  readonly scopes: string[];
  /** Loopback mode: waits for the browser to come back, exchanges the code, stores the grant. */
  complete(signal?: AbortSignal): Promise<MastodonGrant>;
  /** Out-of-band mode: exchanges the code the user pasted and stores the grant. */
  completeWithCode(code: string): Promise<MastodonGrant>;
  /** Stops waiting and frees the loopback port. */
  cancel(): Promise<void>;
}

const tokenAnswerSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  scope: z.string().optional(),
  created_at: z.number().optional(),
});

const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

export async function beginMastodonSignIn(input: string, options: MastodonSignInOptions): Promise<PendingMastodonSignIn> {
  const instance = parseInstanceAddress(input, { allowLoopbackHttp: options.allowLoopbackHttp });
  const mode = options.redirect ?? 'loopback';
  const endpoints = await discoverOAuthEndpoints(options.http, instance.origin);
  const client = await ensureClient(instance.origin, options);
  const pkce = options.pkce ?? createPkcePair();
  const state = createOAuthState();
  const scopes = [...MASTODON_BASE_SCOPES, ...(options.noteSync ? [MASTODON_NOTE_SCOPE] : [])];
  const loopback = mode === 'loopback' ? await LoopbackRedirectServer.start({ state, timeoutMs: options.callbackTimeoutMs, serverName: 'your Mastodon server' }) : null;
  const redirectUri = loopback?.redirectUri ?? OOB_REDIRECT_URI;

  const authorize = new URL(endpoints.authorizationEndpoint);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: redirectUri,
    scope: scopes.join(' '),
    state,
    code_challenge: pkce.challenge,
    code_challenge_method: pkce.method,
  }).toString();

  let finished = false;
  const finish = async (code: string): Promise<MastodonGrant> => {
    if (finished) throw new RapportError('CONFLICT', 'This sign-in has already been completed or cancelled.');
    finished = true;
    return exchangeAndStore({ instance, endpoints, client, code, redirectUri, pkce, options });
  };

  return {
    instance,
    mode,
    authorizeUrl: authorize.href,
    redirectUri,
    scopes,
    async complete(signal?: AbortSignal) {
      if (!loopback) throw new RapportError('INVALID_INPUT', 'This sign-in expects the code shown by the server to be pasted.');
      try {
        const { code } = await loopback.waitForGrant(signal);
        return await finish(code);
      } finally {
        await loopback.close();
      }
    },
    async completeWithCode(code: string) {
      const trimmed = code.trim();
      if (!/^[A-Za-z0-9_\-.~]{8,512}$/.test(trimmed)) throw new RapportError('INVALID_INPUT', 'That does not look like the code your Mastodon server showed. Copy it again.');
      await loopback?.close();
      return finish(trimmed);
    },
    async cancel() {
      finished = true;
      await loopback?.close();
    },
  };
}

/** The stored registration for this instance, or a new one (POST /api/v1/apps, once per instance). */
async function ensureClient(origin: string, options: MastodonSignInOptions): Promise<MastodonClientRegistration> {
  const stored = await options.credentials.loadClient(origin);
  // A registration from before a scope was added cannot grant it: register again.
  const registeredScopes = new Set(stored?.scopes.split(/\s+/) ?? []);
  const coversScopes = REGISTERED_SCOPES.split(' ').every((scope) => registeredScopes.has(scope));
  if (stored && coversScopes && stored.redirectUris.includes(LOOPBACK_REDIRECT_URI) && stored.redirectUris.includes(OOB_REDIRECT_URI)) return stored;
  const { client } = createMastoRestClient({ http: options.http, origin });
  const app = await client.v1.apps.create({
    clientName: options.clientName ?? 'Rapport',
    redirectUris: [LOOPBACK_REDIRECT_URI, OOB_REDIRECT_URI],
    scopes: REGISTERED_SCOPES,
    website: options.website ?? null,
  });
  const registered = parseMastodonAnswer(
    z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1) }),
    app,
    'POST /api/v1/apps',
  );
  const registration: MastodonClientRegistration = {
    origin,
    clientId: registered.clientId,
    clientSecret: registered.clientSecret,
    redirectUris: [LOOPBACK_REDIRECT_URI, OOB_REDIRECT_URI],
    scopes: REGISTERED_SCOPES,
  };
  await options.credentials.saveClient(registration);
  return registration;
}

interface ExchangeInput {
  instance: InstanceAddress;
  endpoints: OAuthEndpoints;
  client: MastodonClientRegistration;
  code: string;
  redirectUri: string;
  pkce: PkcePair;
  options: MastodonSignInOptions;
}

async function exchangeAndStore(input: ExchangeInput): Promise<MastodonGrant> {
  const { instance, endpoints, client, options } = input;
  // An authorization code is single-use: this POST is never re-sent (the HTTP layer's default).
  const response = await options.http.request(endpoints.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: input.code,
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uri: input.redirectUri,
      code_verifier: input.pkce.verifier,
    }).toString(),
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = oauthErrorSchema.safeParse(body);
    const name = error.success ? error.data.error : '';
    if (name === 'invalid_client') {
      // The server forgot our registration (reset, or the admin removed it): register afresh next time.
      await options.credentials.clearClient(instance.origin);
      throw new RapportError('AUTH_EXPIRED', `${instance.host} no longer recognises Rapport's registration. Start the sign-in again.`);
    }
    if (name === 'invalid_grant') {
      throw new RapportError(
        'AUTH_EXPIRED',
        `${instance.host} did not accept the sign-in: the code expired, was already used, or did not match this sign-in (PKCE check). Start the sign-in again.`,
      );
    }
    throw new RapportError('NETWORK_ERROR', `${instance.host} refused the sign-in (HTTP ${response.status}${name ? `, ${name}` : ''}).`);
  }
  const token = tokenAnswerSchema.safeParse(body);
  if (!token.success || token.data.token_type.toLowerCase() !== 'bearer') {
    throw new RapportError('NETWORK_ERROR', `${instance.host} sent a malformed sign-in answer. Nothing was saved.`);
  }
  const { client: api } = createMastoRestClient({ http: options.http, origin: instance.origin, accessToken: token.data.access_token });
  const me = parseMastodonAnswer(accountSchema, await api.v1.accounts.verifyCredentials(), 'GET /api/v1/accounts/verify_credentials');
  if (instance.username && me.username.toLowerCase() !== instance.username.toLowerCase()) {
    throw new RapportError('INVALID_INPUT', `You signed in as @${me.username}, not @${instance.username}. Sign out in the browser and try again.`);
  }
  const grant: MastodonGrant = {
    origin: instance.origin,
    accountId: me.id,
    acct: me.acct.includes('@') ? me.acct : `${me.acct}@${instance.host.replace(/:\d+$/, '')}`,
    accessToken: token.data.access_token,
    scope: token.data.scope ?? '',
    createdAt: new Date((token.data.created_at ?? Math.floor(Date.now() / 1000)) * 1000).toISOString(),
  };
  await options.credentials.saveGrant(grant);
  return grant;
}
