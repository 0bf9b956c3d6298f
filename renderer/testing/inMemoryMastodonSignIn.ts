// Mastodon sign-in in the renderer's test double (InMemoryRapportApi), the way core's handlers
// behave: begin answers a sign-in id and the server's authorize URL; finish with a code answers at
// once; finish without one is the long wait for the browser, which the test ends with
// `approveInBrowser` / `failInBrowser`; cancel ends that wait with an error.
import { RapportError } from '../../shared/api/errors';
import type { MethodInput } from '../../shared/api/contract';
import type { MastodonSignInStart } from '../../shared/api/mastodonContract';
import type { Account } from '../../shared/domain';

const BASE_TIME = Date.parse('2026-01-01T00:00:00Z');
/** The code the double's "server" shows; any other pasted code is refused. */
export const DOUBLE_MASTODON_CODE = 'double-oauth-code-1234';

interface PendingSignIn {
  start: MastodonSignInStart;
  noteSync: boolean;
  username: string | null;
  done: boolean;
  settle?: { resolve(account: Account): void; reject(error: RapportError): void };
}

export class InMemoryMastodonSignIn {
  /** What begin answers for `redirect`; tests switch it to 'oob' for servers that refuse loopback. */
  redirect: MastodonSignInStart['redirect'] = 'loopback';
  readonly signIns = new Map<string, PendingSignIn>();
  private next = 1;

  constructor(private readonly accounts: { accounts: Account[] }) {}

  begin(input: MethodInput<'beginMastodonSignIn'>): MastodonSignInStart {
    const typed = input.instance.trim();
    const address = /^@?([a-z0-9_.-]+)@([^@/\s]+)$/i.exec(typed);
    const host = (address ? address[2] : typed.replace(/^https:\/\//i, '').replace(/\/$/, '')) ?? '';
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(host)) {
      throw new RapportError('INVALID_INPUT', `"${typed}" is not a Mastodon server address: it needs a full domain name such as mastodon.social.`);
    }
    const signInId = `double-sign-in-${this.next++}`;
    const start: MastodonSignInStart = {
      signInId,
      authorizeUrl: `https://${host}/oauth/authorize?response_type=code&client_id=double&state=${signInId}`,
      redirect: this.redirect,
      instanceUrl: `https://${host}`,
    };
    this.signIns.set(signInId, { start, noteSync: input.noteSync ?? false, username: address?.[1] ?? null, done: false });
    return start;
  }

  finish(input: MethodInput<'finishMastodonSignIn'>): Account | Promise<Account> {
    const signIn = this.open(input.signInId);
    if (input.code !== undefined) {
      const code = input.code.trim();
      // As core: a code that cannot be one is refused before anything is spent…
      if (!/^[A-Za-z0-9_\-.~]{8,512}$/.test(code)) {
        throw new RapportError('INVALID_INPUT', 'That does not look like the code your Mastodon server showed. Copy it again.');
      }
      // …while any exchange attempt ends the sign-in (and the wait for the browser), right or wrong.
      signIn.settle?.reject(new RapportError('CONFLICT', 'This sign-in has already been completed or cancelled.'));
      if (code !== DOUBLE_MASTODON_CODE) {
        signIn.done = true;
        throw new RapportError('NETWORK_ERROR', 'mastodon.social refused the sign-in (HTTP 400, invalid_grant).');
      }
      return this.complete(signIn);
    }
    if (signIn.start.redirect === 'oob') throw new RapportError('INVALID_INPUT', 'This sign-in expects the code shown by the server to be pasted.');
    return new Promise<Account>((resolve, reject) => {
      signIn.settle = { resolve, reject };
    });
  }

  cancel(input: MethodInput<'cancelMastodonSignIn'>): { cancelled: boolean } {
    const signIn = this.signIns.get(input.signInId);
    if (!signIn || signIn.done) return { cancelled: false };
    signIn.done = true;
    signIn.settle?.reject(new RapportError('CONFLICT', 'The sign-in was cancelled.'));
    return { cancelled: true };
  }

  /** The browser came back with a grant: the waiting finish answers with the new account. */
  approveInBrowser(signInId: string): Account {
    const signIn = this.open(signInId);
    if (!signIn.settle) throw new Error(`nobody waits for the browser on ${signInId}`);
    const account = this.complete(signIn);
    signIn.settle.resolve(account);
    return account;
  }

  /** The browser came back with an error (denied, timed out): the waiting finish fails. */
  failInBrowser(signInId: string, error: RapportError): void {
    const signIn = this.open(signInId);
    signIn.done = true;
    signIn.settle?.reject(error);
  }

  private open(signInId: string): PendingSignIn {
    const signIn = this.signIns.get(signInId);
    if (!signIn || signIn.done) throw new RapportError('NOT_FOUND', 'This sign-in has already been completed or cancelled.');
    return signIn;
  }

  private complete(signIn: PendingSignIn): Account {
    signIn.done = true;
    const host = new URL(signIn.start.instanceUrl).host;
    const username = signIn.username ?? 'me';
    const account: Account = {
      id: this.accounts.accounts.length + 1,
      network: 'mastodon',
      remoteId: `${host}:109000001`,
      handle: `${username}@${host}`,
      displayName: username,
      serverUrl: signIn.start.instanceUrl,
      createdAt: new Date(BASE_TIME).toISOString(),
      lastSyncedAt: null,
      noteSync: signIn.noteSync,
    };
    this.accounts.accounts = [...this.accounts.accounts, account];
    return account;
  }
}

const byDouble = new WeakMap<object, InMemoryMastodonSignIn>();

/** The sign-in state of one double (created on first use), for its methods and for tests. */
export function mastodonSignInOf(double: { accounts: Account[] }): InMemoryMastodonSignIn {
  let signIn = byDouble.get(double);
  if (!signIn) {
    signIn = new InMemoryMastodonSignIn(double);
    byDouble.set(double, signIn);
  }
  return signIn;
}
