// Reading X with the person's own developer app, two ways in:
// - a bearer token pasted from the developer portal, with the username it reads (an app-only token
//   cannot ask X who "me" is): checked by reading that user before anything is stored;
// - OAuth 2.0 + PKCE with the app's client id: the consent page opens on X, the grant comes back
//   on a loopback callback (X matches callbacks exactly, port included, so the port is fixed and
//   the form says which callback to list in the app), the code is exchanged, /2/users/me says
//   who signed in.
// Either way the X user id decides the account: an account imported from that user's archive is
// the same row, and the API now reads for it. The token is sealed (xApiCredentials.ts). The sync
// does not start by itself: X bills reads, so the window first says how many users it will read.
import { randomBytes } from 'node:crypto';
import { RapportError } from '../../../../../shared/api/errors';
import type { SignInParamsOf } from '../../../../../shared/api/networks/signInParams';
import { X_OAUTH_CALLBACK_PORT } from '../../../../../shared/api/networks/x';
import type { SignInStart } from '../../../../../shared/api/signInContract';
import type { Account } from '../../../../../shared/domain';
import { SIGN_IN_NOT_WAITING } from '../../../api/signInHandlers';
import { LoopbackRedirectServer } from '../../../auth/loopbackRedirectServer';
import { createOAuthState } from '../../../auth/pkce';
import { asSignInStep } from '../../../auth/signInFailure';
import { accountsRepo } from '../../../repos/accountsRepo';
import type { ModulePorts } from '../../networkModule';
import { xApi } from './xApiClient';
import { xCredentialStore, type StoredXCredential } from './xApiCredentials';
import { xProfilesOf } from './xApiMapping';
import { X_USER_FIELDS, xSingleUserSchema, type XUser } from './xApiSchemas';
import { xTransport } from './xTransport';
import { recordReads, recordSelfCounts, setReadCap } from './xReadLedger';

/** Read-only scopes; offline.access brings a refresh token for syncs longer than the token's 2 hours. */
export const X_OAUTH_SCOPES = ['users.read', 'follows.read', 'tweet.read', 'offline.access'];
export const X_SIGN_IN_TIMEOUT_MS = 10 * 60_000;

type XParams = SignInParamsOf<'x'>;

interface PendingXSignIn {
  loopback: LoopbackRedirectServer;
  clientId: string;
  codeVerifier: string;
  redirectUri: string;
  params: XParams;
  expiry: NodeJS.Timeout;
}

async function readUser(ports: ModulePorts, token: string, who: { id: string } | { username: string } | 'me'): Promise<XUser> {
  const api = await xApi(xTransport(ports), token);
  const fields = { 'user.fields': [...X_USER_FIELDS] };
  const raw = who === 'me' ? await api.v2.me(fields) : 'id' in who ? await api.v2.user(who.id, fields) : await api.v2.userByUsername(who.username, fields);
  const answer = xSingleUserSchema.safeParse(raw);
  const user = answer.success ? xProfilesOf(answer.data.data === undefined ? [] : [answer.data.data]).profiles[0] : undefined;
  if (!user) {
    const name = who === 'me' ? 'the signed-in user' : 'id' in who ? `user ${who.id}` : `@${who.username}`;
    throw new RapportError('NOT_FOUND', `X does not serve ${name} (no such account, or it is suspended).`);
  }
  return { id: user.remoteId, username: user.handle, name: user.displayName, public_metrics: { followers_count: user.followersCount ?? 0, following_count: user.followingCount ?? 0 } };
}

export function createXApiSignIn(ports: ModulePorts) {
  const pending = new Map<string, PendingXSignIn>();
  const now = () => new Date(ports.now()).toISOString();

  const targetAccount = (params: XParams): Account | null => {
    if (params.accountId === undefined) return null;
    const account = accountsRepo(ports.db).require(params.accountId);
    if (account.network !== 'x') throw new RapportError('INVALID_INPUT', 'That account is not an X account.');
    return account;
  };

  /** Stores the credential for the user X named, on that user's one X account. */
  async function attach(user: XUser, credential: StoredXCredential, params: XParams): Promise<Account> {
    const accounts = accountsRepo(ports.db);
    const target = targetAccount(params);
    if (target && target.remoteId !== user.id) {
      throw new RapportError('INVALID_INPUT', `That token reads @${user.username}, not @${target.handle}. Use the token of the app you signed in with as @${target.handle}.`);
    }
    const existing = accounts.list().find((a) => a.network === 'x' && a.remoteId === user.id);
    if (existing) {
      await ports.sync.cancelAndWait(existing.id);
      ports.sync.dropProvider(existing.id);
    }
    const account = accounts.upsert({ network: 'x', remoteId: user.id, handle: user.username, displayName: user.name }, now());
    try {
      await (await xCredentialStore(ports, account.id)).save(credential);
      if (params.monthlyReadCap !== undefined) setReadCap(ports.db, account.id, params.monthlyReadCap, ports.now());
      // X bills the read that said who this is; and what the first sync will read, said by the
      // window before it starts (xSyncReadEstimate.ts).
      recordReads(ports.db, account.id, 1, ports.now());
      recordSelfCounts(ports.db, account.id, user.public_metrics?.followers_count ?? null, user.public_metrics?.following_count ?? null, ports.now());
    } catch (error) {
      if (!existing) accounts.remove(account.id, ports.mediaDir);
      throw error;
    }
    ports.emit('accounts.changed', { accounts: accounts.list() });
    return accounts.require(account.id);
  }

  async function withBearer(params: XParams & { bearerToken: string }): Promise<Account> {
    // Before the check: a machine that cannot keep the token must not be asked for one.
    await ports.secrets.open();
    const target = targetAccount(params);
    const who = params.username !== undefined ? { username: params.username.replace(/^@/, '') } : { id: (target as Account).remoteId };
    const user = await readUser(ports, params.bearerToken, who);
    return attach(user, { kind: 'bearer', token: params.bearerToken }, params);
  }

  async function beginOAuth(params: XParams & { clientId: string }): Promise<SignInStart> {
    await ports.secrets.open();
    targetAccount(params);
    const state = createOAuthState();
    const port = ports.settings.signInCallbackPort ?? X_OAUTH_CALLBACK_PORT;
    let loopback: LoopbackRedirectServer;
    try {
      loopback = await LoopbackRedirectServer.start({ state, timeoutMs: X_SIGN_IN_TIMEOUT_MS, serverName: 'X', port });
    } catch {
      throw new RapportError('CONFLICT', `Another program uses port ${port} on this computer, where X sends you back after you allow access. Close it (or an earlier Rapport sign-in) and try again.`);
    }
    const api = await xApi(xTransport(ports), { clientId: params.clientId });
    const link = api.generateOAuth2AuthLink(loopback.redirectUri, { scope: X_OAUTH_SCOPES, state });
    const place = xTransport(ports).place;
    const authorize = new URL(link.url);
    const authorizeUrl = new URL(authorize.pathname + authorize.search, place.web).href;
    const signInId = randomBytes(18).toString('base64url');
    const expiry = setTimeout(() => void cancel(signInId), X_SIGN_IN_TIMEOUT_MS);
    expiry.unref();
    pending.set(signInId, { loopback, clientId: params.clientId, codeVerifier: link.codeVerifier, redirectUri: loopback.redirectUri, params, expiry });
    ports.signInPages.opened(signInId, authorizeUrl);
    return { status: 'pending', signInId, authorizeUrl, redirect: 'loopback' };
  }

  async function finish(signInId: string): Promise<Account> {
    const entry = pending.get(signInId);
    if (!entry) throw new RapportError('NOT_FOUND', SIGN_IN_NOT_WAITING);
    try {
      const { code } = await entry.loopback.waitForGrant();
      const api = await xApi(xTransport(ports), { clientId: entry.clientId });
      const grant = await api.loginWithOAuth2({ code, codeVerifier: entry.codeVerifier, redirectUri: entry.redirectUri });
      const user = await readUser(ports, grant.accessToken, 'me');
      const expiresAt = Number.isFinite(grant.expiresIn) ? new Date(ports.now() + grant.expiresIn * 1000).toISOString() : null;
      return await attach(user, { kind: 'oauth', clientId: entry.clientId, accessToken: grant.accessToken, refreshToken: grant.refreshToken ?? null, expiresAt }, entry.params);
    } finally {
      await cancel(signInId);
    }
  }

  async function cancel(signInId: string): Promise<boolean> {
    const entry = pending.get(signInId);
    if (!entry) return false;
    pending.delete(signInId);
    clearTimeout(entry.expiry);
    ports.signInPages.closed(signInId);
    await entry.loopback.close();
    return true;
  }

  return {
    /** Handles the API ways in; null when the parameters are not for the API. */
    begin(params: XParams): Promise<SignInStart> | null {
      if (params.bearerToken !== undefined) {
        const bearerToken = params.bearerToken;
        return asSignInStep('X', async () => ({ status: 'signedIn', account: await withBearer({ ...params, bearerToken }) }));
      }
      if (params.clientId !== undefined) {
        const clientId = params.clientId;
        return asSignInStep('X', () => beginOAuth({ ...params, clientId }));
      }
      return null;
    },
    finish: (signInId: string) => asSignInStep('X', () => finish(signInId)),
    cancel,
    async close() {
      await Promise.allSettled([...pending.keys()].map((id) => cancel(id)));
    },
  };
}
