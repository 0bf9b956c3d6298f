// X's part of the contract. X's rules shape it: its self-serve API no longer lets apps follow
// people and forbids automated follow-back and DMs, so Rapport reads (the user's own data archive,
// which works for everyone) and leaves every follow and message to the person on X's own pages.
// Signing in is importing an archive: the archive names its owner, who becomes the account; the
// same method with `accountId` imports a newer (or older) archive into a connected account.
// People with their own X developer app may also read through X's API: a bearer token pasted from
// the developer portal (read-only, with the username it reads), or OAuth 2.0 + PKCE with the app's
// client id. An X account is one row whichever way it came: the API attaches to the archive's
// account of the same X user id. X bills reads, so each account may carry a monthly read cap.
import type { ZodApi } from './zodApi';
import type { AvatarKind } from '../../signals/types';

export const xContract = {
  id: 'x',
  label: 'X',
  /** Hosts every account of this network links to (profiles, posts, its own pages); main admits them. */
  linkHosts: ['x.com'] as readonly string[],
  /** X bills every user its API returns: the window says what a sync will read before it starts. */
  billsReads: true,
  /**
   * Nothing is sent through an API: each follow and message opens on X's own pages for the person
   * to do, one at a time, then they mark it done (or the next import shows it).
   */
  actions: { canFollow: true, canDm: true, opensOnSite: true },
  /** X serves everyone without a picture the same default_profile_images/… file. */
  avatarKind: (path: string): AvatarKind => (path === '' ? 'unknown' : path.includes('/default_profile_images/') ? 'default' : 'custom'),
  /** Built by signInParams.ts with zod: the window, which only reads the fields above, never loads it. */
  signInParams: (z: ZodApi) =>
    z
      .strictObject({
        network: z.literal('x'),
        /** The archive's .zip as X sent it, or the folder it was unzipped into (a path on this machine). */
        archivePath: z.string().trim().min(1).max(4096).optional(),
        /** Import into (or sign in to the API for, or set the read cap of) this connected account. */
        accountId: z.number().int().positive().optional(),
        /** A bearer token from the person's own app on the X developer portal (app-only: reads only). */
        bearerToken: z
          .string()
          .trim()
          .min(20)
          .max(1000)
          .regex(/^[A-Za-z0-9%._~+/=-]+$/, 'That is not an X bearer token: copy it again from your app’s Keys and tokens page.')
          .optional(),
        /** Whose followers the bearer token reads (an app-only token cannot ask X who "me" is). */
        username: z
          .string()
          .trim()
          .regex(/^@?\w{1,15}$/, 'An X username is 1 to 15 letters, digits or _.')
          .optional(),
        /** OAuth 2.0 + PKCE with the person's own app (its client id; a public client, no secret). */
        clientId: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9_-]{8,100}$/, 'That is not an X client id: copy it from your app’s Keys and tokens page (OAuth 2.0 Client ID).')
          .optional(),
        /** Most users the API may read for this account in a calendar month (X bills reads); null: no cap. */
        monthlyReadCap: z.number().int().min(1).max(1_000_000_000).nullable().optional(),
      })
      .refine((p) => [p.archivePath, p.bearerToken, p.clientId].filter((v) => v !== undefined).length <= 1, {
        message: 'Import an archive, paste a bearer token or give a client id: one at a time.',
      })
      .refine((p) => p.archivePath !== undefined || p.bearerToken !== undefined || p.clientId !== undefined || (p.accountId !== undefined && p.monthlyReadCap !== undefined), {
        message: 'Choose your X archive, or give your developer app’s bearer token or client id.',
      })
      .refine((p) => p.bearerToken === undefined || p.username !== undefined || p.accountId !== undefined, {
        message: 'Say whose followers the bearer token reads: your X username.',
      }),
} as const;

/** The loopback callback an X app must list (X matches callback URLs exactly, port included). */
export const X_OAUTH_CALLBACK_PORT = 47615;
export const X_OAUTH_CALLBACK = `http://127.0.0.1:${X_OAUTH_CALLBACK_PORT}/callback`;

/** What an archive import did, in the words the window shows. */
export interface XArchiveImportSummary {
  generatedAt: string;
  followers: number;
  following: number;
  /** False: the archive was older than what the account already knows, so it only filled gaps. */
  appliedAsNewest: boolean;
  firstImport: boolean;
  newFollowers: number;
  unfollowedMe: number;
  iFollowed: number;
  iUnfollowed: number;
  named: number;
  messagePartners: number;
}
