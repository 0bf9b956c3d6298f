// zod schemas for every Mastodon answer Rapport reads, in the camelCase masto hands us. They pin
// down the fields we rely on so a malformed page is refused (naming the field) before anything
// of it reaches the database. Unknown fields pass through untouched.
import { z } from 'zod';

/** Mastodon ids are digit strings (snowflakes); Pleroma/Akkoma use alphanumeric flake ids. */
export const mastodonId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a Mastodon id');
/** Some servers send -1 for counts the owner hides. */
const count = z.number().int();

export const emojiSchema = z.object({
  shortcode: z.string(),
  url: z.string(),
  staticUrl: z.string().nullish(),
});

export const fieldSchema = z.object({
  name: z.string(),
  value: z.string(),
  verifiedAt: z.string().nullish(),
});

export const accountSchema = z.object({
  id: mastodonId,
  username: z.string().min(1),
  acct: z.string().min(1),
  displayName: z.string(),
  note: z.string(),
  url: z.string().nullish(),
  avatar: z.string().nullish(),
  avatarStatic: z.string().nullish(),
  header: z.string().nullish(),
  headerStatic: z.string().nullish(),
  /** A date ("2026-01-02") or a time, depending on the server version. */
  lastStatusAt: z.string().nullish(),
  locked: z.boolean().optional(),
  bot: z.boolean().nullish(),
  createdAt: z.string(),
  followersCount: count,
  followingCount: count,
  statusesCount: count,
  emojis: z.array(emojiSchema).optional(),
  fields: z.array(fieldSchema).optional(),
  suspended: z.boolean().optional(),
  /** The account this one moved to; a malformed one reads as not moved rather than failing the page. */
  moved: z.object({ acct: z.string().min(1) }).nullish().catch(null),
});
export type AccountData = z.infer<typeof accountSchema>;

export const accountListSchema = z.array(accountSchema);

export const relationshipSchema = z.object({
  id: mastodonId,
  following: z.boolean(),
  followedBy: z.boolean(),
  requested: z.boolean().optional(),
  note: z.string().nullish(),
});
export type RelationshipData = z.infer<typeof relationshipSchema>;
export const relationshipListSchema = z.array(relationshipSchema);

export const statusSchema = z.object({
  id: mastodonId,
  createdAt: z.string(),
  content: z.string(),
  inReplyToId: mastodonId.nullish(),
  reblog: z.object({ id: mastodonId }).passthrough().nullish(),
  visibility: z.string(),
});
export const statusListSchema = z.array(statusSchema);

export const familiarFollowersSchema = z.array(z.object({ id: mastodonId, accounts: z.array(accountSchema) }));
