// Signing in to any network: one set of methods, each network's parameters a branch of the
// union in networks/index.ts. A network that signs in at once (an app password, the sample
// generator) answers `signedIn`; one that sends the user to its own page answers `pending`, and
// finishSignIn completes it (when the browser comes back, or with the code the user pastes).
import { z } from 'zod';
import type { Account } from '../domain';
import { method } from './contractMethod';
import { signInParams } from './networks/signInParams';

export type SignInStart =
  | { status: 'signedIn'; account: Account }
  | {
      status: 'pending';
      signInId: string;
      /** The network's own sign-in page, to open in the system browser. */
      authorizeUrl: string;
      /** loopback: finish waits for the browser to come back · oob: the user pastes the code the page shows */
      redirect: 'loopback' | 'oob';
      /** The server's origin, when the network runs on many (e.g. https://social.example) */
      instanceUrl?: string;
    };

export type PendingSignIn = Extract<SignInStart, { status: 'pending' }>;

const signInId = z.string().min(8).max(128);

export const signInContract = {
  /**
   * Starts a sign-in. Creates the account and starts its first sync at once (`signedIn`), or
   * prepares the network's own sign-in page (`pending`). Nothing is stored before the network
   * said who signed in.
   */
  beginSignIn: method<SignInStart>()(signInParams),
  /**
   * Completes a pending sign-in: with `code` (pasted) at once, otherwise when the browser comes
   * back. Creates the account and starts its first sync.
   */
  finishSignIn: method<Account>()(
    z.strictObject({ signInId, code: z.string().trim().min(1).max(512).optional() }),
  ),
  cancelSignIn: method<{ cancelled: boolean }>()(z.strictObject({ signInId })),
} as const;
