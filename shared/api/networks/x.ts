// X's part of the contract. X's rules shape it: its self-serve API no longer lets apps follow
// people and forbids automated follow-back and DMs, so Rapport reads (the user's own data archive,
// which works for everyone) and leaves every follow and message to the person on X's own pages.
// Signing in is importing an archive: the archive names its owner, who becomes the account; the
// same method with `accountId` imports a newer (or older) archive into a connected account.
import { z } from 'zod';
import type { AvatarKind } from '../../signals/types';

export const xContract = {
  id: 'x',
  label: 'X',
  /** Hosts every account of this network links to (profiles, posts, its own pages); main admits them. */
  linkHosts: ['x.com'] as readonly string[],
  /**
   * Nothing is sent through an API: each follow and message opens on X's own pages for the person
   * to do, one at a time, then they mark it done (or the next import shows it).
   */
  actions: { canFollow: true, canDm: true, opensOnSite: true },
  /** X serves everyone without a picture the same default_profile_images/… file. */
  avatarKind: (path: string): AvatarKind => (path === '' ? 'unknown' : path.includes('/default_profile_images/') ? 'default' : 'custom'),
  signInParams: z.strictObject({
    network: z.literal('x'),
    /** The archive's .zip as X sent it, or the folder it was unzipped into (a path on this machine). */
    archivePath: z.string().trim().min(1).max(4096),
    /** Import into this connected account; an archive of another X account is then refused. */
    accountId: z.number().int().positive().optional(),
  }),
} as const;

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
