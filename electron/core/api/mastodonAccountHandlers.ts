// beginMastodonSignIn / finishMastodonSignIn / cancelMastodonSignIn: Rapport registers with the
// instance once, sends the user's browser to the server's own sign-in page (PKCE S256 + state),
// and receives the grant on a loopback redirect on 127.0.0.1, or from the code the user pastes.
// Only once the server handed over a token and said who signed in is anything stored: the token
// sealed in the new account's credentials, the account row, note_sync. Then the first sync starts.
// Removing a Mastodon account also revokes its token on the server, so a copy of it is useless.
import { randomBytes } from 'node:crypto';
import { RapportError } from '../../../shared/api/errors';
import type { Account } from '../../../shared/domain';
import type { SignInPages } from '../accounts/externalLinksDuty';
import type { SecretKeeper } from '../accounts/secretKeeper';
import { asSignInStep } from '../auth/signInFailure';
import { beginMastodonSignIn, type MastodonRedirectMode, type PendingMastodonSignIn } from '../auth/mastodonSignIn';
import type { MastodonGrant } from '../auth/mastodonCredentialStore';
import { accountCredentialStore, signInCredentialStore } from '../auth/mastodonSecretPlaces';
import { signOutOfMastodon } from '../auth/mastodonSignOut';
import type { HandlerTable } from '../coreDispatch';
import { setNoteSync } from '../outbox/noteSyncSetting';
import { MastodonProvider } from '../providers/mastodon/mastodonProvider';
import { localAccountId, mastodonRemoteId } from '../providers/mastodon/mastodonRemoteId';
import { accountsRepo } from '../repos/accountsRepo';
import type { SyncEngine } from '../sync/syncEngine';
import type { SignInSteps } from '../networks/networkModule';
import type { CoreContext, HandlerGroup } from './handlerTypes';
import { SIGN_IN_NOT_WAITING } from './signInHandlers';

/** How long a begun sign-in waits for the browser (and keeps its loopback port). */
export const SIGN_IN_TIMEOUT_MS = 10 * 60_000;

/** How long closing core waits for token revocations still in flight. */
const SIGN_OUT_GRACE_MS = 2_000;

export interface MastodonSignInSettings {
  /** Accept http://127.0.0.1 instances: tests and the harness's fake only, never the app. */
  allowLoopbackHttp?: boolean;
  /** 'oob' makes every sign-in ask for the pasted code (servers that refuse loopback redirects). */
  redirect?: MastodonRedirectMode;
  callbackTimeoutMs?: number;
}

interface SignInEntry {
  pending: PendingMastodonSignIn;
  noteSync: boolean;
  expiry: NodeJS.Timeout;
  /** A finish in progress, so a second finish for the same sign-in joins it instead of racing. */
  finishing: Promise<Account> | null;
}

export interface MastodonAccountHandlers {
  handlers: HandlerGroup;
  signIn: SignInSteps<'mastodon'>;
  /** Wraps removeAccount: a removed Mastodon account's token is revoked on its server too. */
  attachSignOut(table: HandlerTable): HandlerTable;
  /** Cancels every sign-in still waiting and frees their ports (core is closing). */
  close(): Promise<void>;
}

export function createMastodonAccountHandlers(
  engine: SyncEngine,
  secrets: SecretKeeper,
  settings: MastodonSignInSettings = {},
  /** Told of each waiting sign-in's authorize page, so main lets exactly that page open. */
  pages?: SignInPages,
): MastodonAccountHandlers {
  const signIns = new Map<string, SignInEntry>();
  const timeoutMs = settings.callbackTimeoutMs ?? SIGN_IN_TIMEOUT_MS;

  const forget = (signInId: string): void => {
    const entry = signIns.get(signInId);
    if (!entry) return;
    clearTimeout(entry.expiry);
    signIns.delete(signInId);
    pages?.closed(signInId);
  };

  async function createAccount(entry: SignInEntry, ctx: CoreContext, grant: Awaited<ReturnType<PendingMastodonSignIn['complete']>>): Promise<Account> {
    const box = await secrets.open();
    const http = engine.providers.http('Mastodon');
    const provider = MastodonProvider.fromGrant(http, grant);
    const self = await provider.getSelf();
    const host = new URL(grant.origin).host;
    const accounts = accountsRepo(ctx.db);
    const remoteId = mastodonRemoteId(host, grant.accountId);
    const existing = accounts.list().find((a) => a.network === 'mastodon' && a.remoteId === remoteId);
    if (existing) {
      // Signing in again replaces the old grant; the provider is rebuilt from the new one.
      await engine.cancelAndWait(existing.id);
      engine.providers.drop(existing.id);
    }
    const account = accounts.upsert(
      { network: 'mastodon', remoteId, handle: grant.acct, displayName: self.displayName, serverUrl: grant.origin },
      new Date(ctx.now()).toISOString(),
    );
    const noteSync = entry.noteSync && MastodonProvider.canSyncNotes(grant);
    try {
      await accountCredentialStore(ctx.db, account.id, box, ctx.now).saveGrant(grant);
      setNoteSync(ctx.db, account.id, noteSync);
    } catch (error) {
      if (!existing) accounts.remove(account.id, ctx.mediaDir);
      throw error;
    }
    ctx.emit('accounts.changed', { accounts: accounts.list() });
    if (!engine.isRunning(account.id)) engine.start(account.id);
    return { ...accounts.require(account.id), noteSync };
  }

  const signIn: SignInSteps<'mastodon'> = {
    begin: ({ instance, noteSync }, ctx) => asSignInStep('The Mastodon server', async () => {
      // Before any request: a machine that cannot keep the token must not start a sign-in.
      const box = await secrets.open();
      const pending = await beginMastodonSignIn(instance, {
        http: engine.providers.http('Mastodon'),
        credentials: signInCredentialStore(ctx.db, box),
        redirect: settings.redirect ?? 'loopback',
        noteSync: noteSync === true,
        allowLoopbackHttp: settings.allowLoopbackHttp === true,
        callbackTimeoutMs: timeoutMs,
      });
      const signInId = randomBytes(18).toString('base64url');
      const expiry = setTimeout(() => {
        void pending.cancel();
        forget(signInId);
      }, timeoutMs);
      expiry.unref();
      signIns.set(signInId, { pending, noteSync: noteSync === true, expiry, finishing: null });
      pages?.opened(signInId, pending.authorizeUrl);
      return { status: 'pending', signInId, authorizeUrl: pending.authorizeUrl, redirect: pending.mode, instanceUrl: pending.instance.origin };
    }),

    finish: ({ signInId, code }, ctx) => asSignInStep('The Mastodon server', async () => {
      const entry = signIns.get(signInId);
      if (!entry) throw new RapportError('NOT_FOUND', SIGN_IN_NOT_WAITING);
      if (entry.finishing && code === undefined) return entry.finishing;
      if (entry.pending.mode === 'oob' && code === undefined) {
        throw new RapportError('INVALID_INPUT', 'Paste the code your Mastodon server showed after you allowed access.');
      }
      const finishing = (async () => {
        // A pasted code also works for a loopback sign-in (the browser could not reach this computer).
        const grant = code !== undefined ? await entry.pending.completeWithCode(code) : await entry.pending.complete();
        forget(signInId);
        return createAccount(entry, ctx, grant);
      })();
      entry.finishing = finishing;
      try {
        return await finishing;
      } catch (error) {
        // A pasted code that took over from the loopback wait: the wait's end is not a failure.
        if (entry.finishing !== finishing) throw error;
        if (error instanceof RapportError && error.code === 'INVALID_INPUT' && code !== undefined && signIns.has(signInId)) {
          // A mistyped code: the user may paste it again.
          entry.finishing = null;
        } else {
          // A refused exchange ends this sign-in: its code and PKCE pair are spent.
          forget(signInId);
          await entry.pending.cancel();
        }
        throw error;
      }
    }),

    cancel: async (signInId) => {
      const entry = signIns.get(signInId);
      if (!entry) return false;
      forget(signInId);
      await entry.pending.cancel();
      return true;
    },
  };

  // The older methods; the window moves to beginSignIn({ network: 'mastodon' }).
  const handlers: HandlerGroup = {
    beginMastodonSignIn: async (input, ctx) => {
      const start = await signIn.begin({ network: 'mastodon', ...input }, ctx);
      if (start.status !== 'pending') throw new RapportError('INTERNAL', 'The Mastodon sign-in did not start.');
      return { signInId: start.signInId, authorizeUrl: start.authorizeUrl, redirect: start.redirect, instanceUrl: start.instanceUrl ?? '' };
    },
    finishMastodonSignIn: (input, ctx) => signIn.finish!(input, ctx),
    cancelMastodonSignIn: async ({ signInId }) => ({ cancelled: await signIn.cancel!(signInId) }),
  };

  /** The stored grant of a Mastodon account, or null (none stored, or the key cannot open it). */
  async function grantOf(account: Account, ctx: CoreContext): Promise<MastodonGrant | null> {
    if (account.network !== 'mastodon' || !account.serverUrl || !secrets.available) return null;
    try {
      const origin = new URL(account.serverUrl).origin;
      const store = accountCredentialStore(ctx.db, account.id, await secrets.open(), ctx.now);
      return await store.loadGrant(origin, localAccountId(new URL(origin).host, account.remoteId));
    } catch {
      return null;
    }
  }

  const signOuts = new Set<Promise<unknown>>();

  return {
    handlers,
    signIn,
    attachSignOut(table) {
      return {
        ...table,
        removeAccount: async (input, ctx) => {
          const account = accountsRepo(ctx.db).get(input.accountId);
          const grant = account ? await grantOf(account, ctx) : null;
          const result = await table.removeAccount(input, ctx);
          if (grant && account) {
            // After the local removal, in the background: the user asked to forget the account,
            // and an unreachable server must not hold that up. signOutOfMastodon never throws.
            const store = accountCredentialStore(ctx.db, account.id, await secrets.open(), ctx.now);
            const signOut = signOutOfMastodon(engine.providers.http('Mastodon'), store, grant);
            signOuts.add(signOut);
            void signOut.finally(() => signOuts.delete(signOut));
          }
          return result;
        },
      };
    },
    async close() {
      // A revocation still out gets a short grace; quitting never waits on a slow server.
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...signOuts]),
        new Promise<void>((resolve) => {
          grace = setTimeout(resolve, SIGN_OUT_GRACE_MS);
        }),
      ]);
      clearTimeout(grace);
      const entries = [...signIns.keys()].map((id) => [id, signIns.get(id)] as const);
      for (const [id] of entries) forget(id);
      await Promise.allSettled(entries.map(([, entry]) => entry?.pending.cancel()));
    },
  };
}
