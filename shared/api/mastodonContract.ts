// Contract methods for signing in to a Mastodon instance (issue 5). The renderer opens the
// returned authorize URL in the system browser; core waits for the grant on a loopback redirect,
// or takes the code the user pastes when the server only offers the out-of-band flow.
import { z } from 'zod';
import type { Account } from '../domain';
import { method } from './contractMethod';

export interface MastodonSignInStart {
  signInId: string;
  /** The server's own sign-in page, to open in the system browser. */
  authorizeUrl: string;
  /** loopback: finish waits for the redirect · oob: the user pastes the code the server shows */
  redirect: 'loopback' | 'oob';
  /** The instance's origin, e.g. https://mastodon.social */
  instanceUrl: string;
}

const signInId = z.string().min(8).max(128);

export const mastodonContract = {
  /** Registers Rapport with the instance (once) and prepares a PKCE sign-in. */
  beginMastodonSignIn: method<MastodonSignInStart>()(
    z.strictObject({
      /** an instance (mastodon.social, https://…) or an address (@user@instance) */
      instance: z.string().trim().min(1).max(320),
      /** asks for write:accounts too, to mirror my notes to Mastodon's private account note */
      noteSync: z.boolean().optional(),
    }),
  ),
  /**
   * Completes the sign-in: with `code` (out-of-band paste) at once, otherwise when the loopback
   * redirect arrives. Creates the account and starts its first sync.
   */
  finishMastodonSignIn: method<Account>()(
    z.strictObject({ signInId, code: z.string().trim().min(1).max(512).optional() }),
  ),
  cancelMastodonSignIn: method<{ cancelled: boolean }>()(z.strictObject({ signInId })),
} as const;
