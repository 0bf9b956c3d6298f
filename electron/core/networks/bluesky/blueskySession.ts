// Signs in once and keeps the session alive: createSession with an app password, then
// refreshSession whenever the access token expires, never a fresh login per sync (Bluesky rate
// limits logins per day). It is @atproto/api's SessionManager, so every agent call goes through
// `fetchHandler`, over our HTTP layer.
import { RapportError } from '../../../../shared/api/errors';
import type { HttpClient } from '../../net/httpClient';
import { parseAnswer } from './blueskyErrors';
import { resolvedHandleSchema, sessionAnswerSchema } from './blueskySchemas';
import type { SessionStore, StoredBlueskySession } from './blueskySessionStore';

export const DEFAULT_BLUESKY_SERVICE = 'https://bsky.social';

export interface SignInInput {
  /** Handle (ada.bsky.social) or account email. */
  identifier: string;
  /** An app password, never the account password (the UI says so). */
  password: string;
  /** PDS or entryway URL; default https://bsky.social. */
  serviceUrl?: string;
}

function sessionEnded(): RapportError {
  return new RapportError('AUTH_EXPIRED', 'Your Bluesky session has ended. Sign in again with your app password.');
}

/** The PDS answers an expired access token with `400 ExpiredToken`; some servers use 401. */
async function isExpiredAnswer(response: Response): Promise<boolean> {
  if (response.status === 401) return true;
  if (response.status !== 400) return false;
  try {
    const body: unknown = await response.clone().json();
    return typeof body === 'object' && body !== null && (body as { error?: unknown }).error === 'ExpiredToken';
  } catch {
    return false;
  }
}

async function xrpcErrorName(response: Response): Promise<string | null> {
  try {
    const body: unknown = await response.clone().json();
    const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
    return typeof error === 'string' ? error : null;
  } catch {
    return null;
  }
}

function normaliseServiceUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RapportError('INVALID_INPUT', `"${raw}" is not a server address.`);
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new RapportError('INVALID_INPUT', 'The Bluesky server address must start with https://.');
  }
  return url.origin;
}

/** @atproto/api's SessionManager (not exported by the package): a fetchHandler and the DID. */
export interface AtprotoSessionManager {
  readonly did?: `did:${string}:${string}`;
  fetchHandler(url: string, init: RequestInit): Promise<Response>;
}

export class BlueskySession implements AtprotoSessionManager {
  private session: StoredBlueskySession | null;
  private refreshing: Promise<void> | null = null;

  private constructor(
    private readonly http: HttpClient,
    private readonly store: SessionStore,
    session: StoredBlueskySession,
  ) {
    this.session = session;
  }

  /**
   * Logs in with createSession and stores the session. A handle is resolved to its DID on the
   * same server first, so a typo is reported without spending one of the day's login attempts.
   */
  static async signIn(http: HttpClient, store: SessionStore, input: SignInInput): Promise<BlueskySession> {
    const serviceUrl = normaliseServiceUrl(input.serviceUrl ?? DEFAULT_BLUESKY_SERVICE);
    const identifier = input.identifier.trim().replace(/^@/, '');
    if (!identifier.includes('@')) await BlueskySession.resolveHandle(http, serviceUrl, identifier);
    const response = await http.request(`${serviceUrl}/xrpc/com.atproto.server.createSession`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier, password: input.password }),
    });
    if (!response.ok) {
      const name = await xrpcErrorName(response);
      if (name === 'AuthFactorTokenRequired') {
        throw new RapportError('AUTH_EXPIRED', 'Bluesky asked for an email code. Use an app password (Settings → Privacy and security → App passwords) instead.');
      }
      if (name === 'AccountTakedown') throw new RapportError('AUTH_EXPIRED', 'This Bluesky account has been taken down.');
      if (response.status === 401 || name === 'AuthenticationRequired') {
        throw new RapportError('AUTH_EXPIRED', 'Bluesky did not accept that handle and app password.');
      }
      throw new RapportError('NETWORK_ERROR', `Bluesky refused the sign-in (HTTP ${response.status}${name ? `, ${name}` : ''}).`);
    }
    const answer = parseAnswer(sessionAnswerSchema, await response.json(), 'com.atproto.server.createSession');
    const session: StoredBlueskySession = { ...answer, serviceUrl };
    await store.save(session);
    return new BlueskySession(http, store, session);
  }

  /** The stored session, if any; no network request (the first call refreshes it if needed). */
  static async resume(http: HttpClient, store: SessionStore): Promise<BlueskySession | null> {
    const session = await store.load();
    return session ? new BlueskySession(http, store, session) : null;
  }

  /** handle → DID through the PDS (com.atproto.identity.resolveHandle). */
  static async resolveHandle(http: HttpClient, serviceUrl: string, handle: string): Promise<string> {
    const url = new URL(`${normaliseServiceUrl(serviceUrl)}/xrpc/com.atproto.identity.resolveHandle`);
    url.searchParams.set('handle', handle);
    const response = await http.request(url);
    if (!response.ok) {
      const name = await xrpcErrorName(response);
      if (response.status === 400) throw new RapportError('NOT_FOUND', `No Bluesky account has the handle @${handle}.`);
      throw new RapportError('NETWORK_ERROR', `Bluesky could not look up @${handle} (HTTP ${response.status}${name ? `, ${name}` : ''}).`);
    }
    return parseAnswer(resolvedHandleSchema, await response.json(), 'com.atproto.identity.resolveHandle').did;
  }

  get did(): `did:${string}:${string}` | undefined {
    return this.session?.did as `did:${string}:${string}` | undefined;
  }

  get handle(): string | null {
    return this.session?.handle ?? null;
  }

  get serviceUrl(): string | null {
    return this.session?.serviceUrl ?? null;
  }

  /**
   * Sends one XRPC request with the access token; on an expired token, refreshes (once for all
   * requests that saw the same token) and sends it again. A dead refresh token clears the stored
   * session and ends in AUTH_EXPIRED.
   */
  fetchHandler = async (url: string, init: RequestInit): Promise<Response> => {
    const session = this.session;
    if (!session) throw sessionEnded();
    const first = await this.send(session, url, init);
    if (!(await isExpiredAnswer(first))) return first;
    await this.refreshAfterExpiry(session.accessJwt);
    const renewed = this.session as StoredBlueskySession | null;
    if (!renewed) throw sessionEnded();
    init.signal?.throwIfAborted();
    const second = await this.send(renewed, url, init);
    if (await isExpiredAnswer(second)) throw sessionEnded();
    return second;
  };

  /** Forgets the session here and in the store (sign out / account removed). */
  async forget(): Promise<void> {
    this.session = null;
    await this.store.clear();
  }

  private send(session: StoredBlueskySession, path: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${session.accessJwt}`);
    return this.http.request(new URL(path, session.serviceUrl), { ...init, headers });
  }

  /** Shared by every request that was refused with `expiredToken`; a newer token means done. */
  private async refreshAfterExpiry(expiredToken: string): Promise<void> {
    if (this.session && this.session.accessJwt !== expiredToken) return;
    if (!this.refreshing) {
      this.refreshing = this.refresh().finally(() => {
        this.refreshing = null;
      });
    }
    await this.refreshing;
  }

  private async refresh(): Promise<void> {
    const session = this.session;
    if (!session) throw sessionEnded();
    // The PDS accepts a refresh token again for a grace period, so re-sending after a lost answer
    // is safe; that is why this POST may retry.
    const response = await this.http.request(
      `${session.serviceUrl}/xrpc/com.atproto.server.refreshSession`,
      { method: 'POST', headers: { authorization: `Bearer ${session.refreshJwt}` } },
      { retry: 'idempotent' },
    );
    if (!response.ok) {
      const name = await xrpcErrorName(response);
      if (response.status === 401 || name === 'ExpiredToken' || name === 'InvalidToken' || name === 'AccountTakedown') {
        await this.forget();
        throw sessionEnded();
      }
      throw new RapportError('NETWORK_ERROR', `Bluesky could not renew the session (HTTP ${response.status}${name ? `, ${name}` : ''}).`);
    }
    const answer = parseAnswer(sessionAnswerSchema, await response.json(), 'com.atproto.server.refreshSession');
    if (answer.did !== session.did) {
      await this.forget();
      throw new RapportError('AUTH_EXPIRED', 'Bluesky renewed the session for a different account; sign in again.');
    }
    const renewed: StoredBlueskySession = { ...answer, serviceUrl: session.serviceUrl };
    this.session = renewed;
    await this.store.save(renewed);
  }
}
