// The fake's OAuth 2 side, behaving like Mastodon's Doorkeeper: app registration, an
// authorization endpoint that approves at once (redirecting with code and state, or showing the
// code for out-of-band clients), and a token endpoint with a real PKCE S256 check.
import { createHash, randomBytes } from 'node:crypto';
import type { FakeMastodonKnobs } from './fakeMastodonKnobs';

export const OOB_REDIRECT = 'urn:ietf:wg:oauth:2.0:oob';

export interface FakeApp {
  clientId: string;
  clientSecret: string;
  name: string;
  redirectUris: string[];
  scopes: string[];
}

interface FakeCode {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  challenge: string | null;
  consumed: boolean;
}

export interface FakeToken {
  clientId: string;
  scopes: string[];
  accountId: string;
  revoked: boolean;
}

export class OAuthFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

/** What /oauth/authorize does: redirect somewhere, or show a page. */
export type AuthorizeOutcome = { kind: 'redirect'; location: string } | { kind: 'page'; status: number; html: string };

function token(): string {
  return randomBytes(32).toString('base64url');
}

function sameRedirect(registered: string, given: string, loopbackAnyPort: boolean): boolean {
  if (registered === given) return true;
  if (!loopbackAnyPort) return false;
  try {
    const a = new URL(registered);
    const b = new URL(given);
    // RFC 8252 §7.3: for loopback IP redirects the port is chosen at request time.
    return a.protocol === 'http:' && b.protocol === 'http:' && a.hostname === '127.0.0.1' && b.hostname === '127.0.0.1' && a.pathname === b.pathname && a.search === b.search;
  } catch {
    return false;
  }
}

export class FakeOAuth {
  readonly apps = new Map<string, FakeApp>();
  readonly tokens = new Map<string, FakeToken>();
  private readonly codes = new Map<string, FakeCode>();
  /** Every secret handed out (client secrets, codes, tokens), for leak assertions. */
  readonly issuedSecrets: string[] = [];

  constructor(private readonly knobs: FakeMastodonKnobs) {}

  registerApp(body: Record<string, unknown>): FakeApp {
    const name = typeof body.client_name === 'string' ? body.client_name : '';
    const raw = body.redirect_uris;
    const redirectUris = (Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/\s+/) : []).filter(Boolean);
    const scopes = (typeof body.scopes === 'string' ? body.scopes : 'read').split(/\s+/).filter(Boolean);
    if (!name) throw new OAuthFailure(422, 'Validation failed: Application name can\'t be blank', '');
    if (redirectUris.length === 0) throw new OAuthFailure(422, 'Validation failed: Redirect URI can\'t be blank', '');
    for (const uri of redirectUris) {
      if (uri !== OOB_REDIRECT && !/^https:\/\//.test(uri) && !/^http:\/\/127\.0\.0\.1[:/]/.test(uri)) {
        throw new OAuthFailure(422, 'Validation failed: Redirect URI must be an absolute URI.', '');
      }
    }
    const app: FakeApp = { clientId: token(), clientSecret: token(), name, redirectUris, scopes };
    this.apps.set(app.clientId, app);
    this.issuedSecrets.push(app.clientSecret);
    return app;
  }

  authorize(params: URLSearchParams): AuthorizeOutcome {
    const app = this.apps.get(params.get('client_id') ?? '');
    const redirectUri = params.get('redirect_uri') ?? '';
    const errorPage = (text: string): AuthorizeOutcome => ({ kind: 'page', status: 400, html: `<!DOCTYPE html><h1>An error has occurred</h1><p>${text}</p>` });
    if (!app) return errorPage('Client authentication failed due to unknown client.');
    if (!app.redirectUris.some((r) => sameRedirect(r, redirectUri, this.knobs.loopbackAnyPort))) {
      return errorPage('The redirect uri included is not valid.');
    }
    const back = (extra: Record<string, string>): AuthorizeOutcome => {
      const url = new URL(redirectUri);
      for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v);
      const state = params.get('state');
      if (state !== null) url.searchParams.set('state', state);
      return { kind: 'redirect', location: url.href };
    };
    if (params.get('response_type') !== 'code') return back({ error: 'unsupported_response_type' });
    const scopes = (params.get('scope') ?? 'read').split(/\s+/).filter(Boolean);
    if (!scopes.every((s) => app.scopes.includes(s) || app.scopes.includes(s.split(':')[0] ?? ''))) return back({ error: 'invalid_scope' });
    const challenge = params.get('code_challenge');
    const method = params.get('code_challenge_method');
    if (challenge !== null && method !== 'S256') return back({ error: 'invalid_request', error_description: 'code_challenge_method must be S256' });
    if (this.knobs.denyAuthorization) return back({ error: 'access_denied' });
    const code = token();
    this.issuedSecrets.push(code);
    this.codes.set(code, { clientId: app.clientId, redirectUri, scopes, challenge, consumed: false });
    if (redirectUri === OOB_REDIRECT) {
      return {
        kind: 'page',
        status: 200,
        html: `<!DOCTYPE html><h1>Authorization code</h1><p>Copy this code and paste it into the application.</p><input class="oauth-code" readonly value="${code}">`,
      };
    }
    return back({ code });
  }

  /** The token endpoint: authorization_code grant with client authentication and PKCE. */
  exchange(body: Record<string, string>, accountId: string): Record<string, unknown> {
    if (body.grant_type !== 'authorization_code') throw new OAuthFailure(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.');
    const app = this.apps.get(body.client_id ?? '');
    if (!app || app.clientSecret !== body.client_secret) {
      throw new OAuthFailure(401, 'invalid_client', 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.');
    }
    const invalidGrant = () =>
      new OAuthFailure(
        400,
        'invalid_grant',
        'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
      );
    const code = this.codes.get(body.code ?? '');
    if (!code || code.consumed || code.clientId !== app.clientId) throw invalidGrant();
    // A code is spent by any exchange attempt, right or wrong: it cannot be tried twice.
    code.consumed = true;
    if (code.redirectUri !== body.redirect_uri) throw invalidGrant();
    if (code.challenge !== null) {
      const verifier = body.code_verifier ?? '';
      const computed = createHash('sha256').update(verifier, 'ascii').digest('base64url');
      if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier) || computed !== code.challenge) throw invalidGrant();
    }
    const access = token();
    this.issuedSecrets.push(access);
    this.tokens.set(access, { clientId: app.clientId, scopes: code.scopes, accountId, revoked: false });
    return { access_token: access, token_type: 'Bearer', scope: code.scopes.join(' '), created_at: Math.floor(Date.now() / 1000) };
  }

  revoke(body: Record<string, string>): void {
    const found = this.tokens.get(body.token ?? '');
    if (found && found.clientId === body.client_id) found.revoked = true;
  }

  /** The token's record, or null when it is unknown or revoked. */
  check(authorization: string | undefined): FakeToken | null {
    const match = /^Bearer (.+)$/.exec(authorization ?? '');
    const found = match?.[1] ? this.tokens.get(match[1]) : undefined;
    return found && !found.revoked ? found : null;
  }

  discoveryDocument(origin: string): Record<string, unknown> {
    return {
      issuer: `${origin}/`,
      service_documentation: 'https://docs.joinmastodon.org/',
      authorization_endpoint: `${origin}/oauth/authorize`,
      token_endpoint: `${origin}/oauth/token`,
      revocation_endpoint: `${origin}/oauth/revoke`,
      app_registration_endpoint: `${origin}/api/v1/apps`,
      userinfo_endpoint: `${origin}/oauth/userinfo`,
      scopes_supported: ['read', 'write', 'follow', 'push', 'read:accounts', 'read:follows', 'read:statuses', 'write:accounts', 'write:follows', 'write:statuses', 'read:notifications'],
      response_types_supported: ['code'],
      response_modes_supported: ['query', 'fragment', 'form_post'],
      code_challenge_methods_supported: this.knobs.codeChallengeMethods,
      grant_types_supported: ['authorization_code', 'client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    };
  }
}

/** Whether a token's scopes grant `needed` (a broad "write" covers "write:follows"). */
export function hasScope(scopes: string[], needed: string): boolean {
  return scopes.includes(needed) || scopes.includes(needed.split(':')[0] ?? '');
}
