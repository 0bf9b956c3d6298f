// Signing in to Mastodon: Rapport registers with the instance once, sends the user's browser to
// the server's own sign-in page (PKCE S256 + state), and receives the grant on a loopback redirect
// on 127.0.0.1, or from the code the user pastes. Only once the server handed over a token and
// said who signed in is anything stored: the token sealed in the new account's credentials, the
// account row, note_sync. Then the first sync starts.
import { randomBytes } from 'node:crypto';
import { RapportError } from '../../../../shared/api/errors';
import type { Account } from '../../../../shared/domain';
import { SIGN_IN_NOT_WAITING } from '../../api/signInHandlers';
import { asSignInStep } from '../../auth/signInFailure';
import { accountsRepo } from '../../repos/accountsRepo';
import type { ModulePorts, SignInSteps } from '../networkModule';
import { MASTODON_SERVICE } from './mastodonAccountGrant';
import { mastodonRemoteId } from './mastodonRemoteId';
import { accountCredentialStore, signInCredentialStore } from './mastodonSecretPlaces';
import type { PendingMastodonSignIn } from './mastodonSignIn';
import { setNoteSync } from './noteSyncSetting';

/** How long a begun sign-in waits for the browser (and keeps its loopback port). */
export const SIGN_IN_TIMEOUT_MS = 10 * 60_000;

interface SignInEntry {
  pending: PendingMastodonSignIn;
  noteSync: boolean;
  expiry: NodeJS.Timeout;
  /** A finish in progress, so a second finish for the same sign-in joins it instead of racing. */
  finishing: Promise<Account> | null;
}

export function createMastodonSignIn(ports: ModulePorts, timeoutMs = SIGN_IN_TIMEOUT_MS): SignInSteps<'mastodon'> {
  const signIns = new Map<string, SignInEntry>();

  const forget = (signInId: string): void => {
    const entry = signIns.get(signInId);
    if (!entry) return;
    clearTimeout(entry.expiry);
    signIns.delete(signInId);
    ports.signInPages.closed(signInId);
  };

  async function createAccount(entry: SignInEntry, grant: Awaited<ReturnType<PendingMastodonSignIn['complete']>>): Promise<Account> {
    const box = await ports.secrets.open();
    const http = ports.http(MASTODON_SERVICE);
    const { MastodonProvider } = await import('./mastodonProvider');
    const provider = MastodonProvider.fromGrant(http, grant);
    const self = await provider.getSelf();
    const host = new URL(grant.origin).host;
    const accounts = accountsRepo(ports.db);
    const remoteId = mastodonRemoteId(host, grant.accountId);
    const existing = accounts.list().find((a) => a.network === 'mastodon' && a.remoteId === remoteId);
    if (existing) {
      // Signing in again replaces the old grant; the provider is rebuilt from the new one.
      await ports.sync.cancelAndWait(existing.id);
      ports.sync.dropProvider(existing.id);
    }
    const account = accounts.upsert(
      { network: 'mastodon', remoteId, handle: grant.acct, displayName: self.displayName, serverUrl: grant.origin },
      new Date(ports.now()).toISOString(),
    );
    const noteSync = entry.noteSync && MastodonProvider.canSyncNotes(grant);
    try {
      await accountCredentialStore(ports.db, account.id, box, ports.now).saveGrant(grant);
      setNoteSync(ports.db, account.id, noteSync);
    } catch (error) {
      if (!existing) accounts.remove(account.id, ports.mediaDir);
      throw error;
    }
    ports.emit('accounts.changed', { accounts: accounts.list() });
    if (!ports.sync.isRunning(account.id)) ports.sync.start(account.id);
    return { ...accounts.require(account.id), noteSync };
  }

  return {
    begin: ({ instance, noteSync }) => asSignInStep('The Mastodon server', async () => {
      // Before any request: a machine that cannot keep the token must not start a sign-in.
      const box = await ports.secrets.open();
      // masto comes with the first Mastodon sign-in or provider, never with core itself.
      const { beginMastodonSignIn } = await import('./mastodonSignIn');
      const pending = await beginMastodonSignIn(instance, {
        http: ports.http(MASTODON_SERVICE),
        credentials: signInCredentialStore(ports.db, box),
        redirect: ports.settings.signInRedirect ?? 'loopback',
        noteSync: noteSync === true,
        allowLoopbackHttp: ports.settings.allowLoopbackHttp === true,
        callbackTimeoutMs: timeoutMs,
      });
      const signInId = randomBytes(18).toString('base64url');
      const expiry = setTimeout(() => {
        void pending.cancel();
        forget(signInId);
      }, timeoutMs);
      expiry.unref();
      signIns.set(signInId, { pending, noteSync: noteSync === true, expiry, finishing: null });
      ports.signInPages.opened(signInId, pending.authorizeUrl);
      return { status: 'pending', signInId, authorizeUrl: pending.authorizeUrl, redirect: pending.mode, instanceUrl: pending.instance.origin };
    }),

    finish: ({ signInId, code }) => asSignInStep('The Mastodon server', async () => {
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
        return createAccount(entry, grant);
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

    async close() {
      const entries = [...signIns.entries()];
      for (const [id] of entries) forget(id);
      await Promise.allSettled(entries.map(([, entry]) => entry.pending.cancel()));
    },
  };
}
