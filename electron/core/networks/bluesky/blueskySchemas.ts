// zod schemas for every Bluesky answer we read. @atproto/api checks answers against the lexicons
// too; these pin down the fields Rapport relies on and name the offending field when one is off,
// before anything of the page reaches the database.
import { z } from 'zod';

const did = z.string().regex(/^did:[a-z]+:[a-zA-Z0-9._:%-]+$/, 'not a DID');
const atUri = z.string().startsWith('at://');
const count = z.number().int().nonnegative();

/** app.bsky.actor.defs#profileViewBasic, as far as a shared connection needs it. */
export const profileViewBasicSchema = z.object({ did, handle: z.string().min(1), displayName: z.string().optional() });

/** "Followed by people you follow": full profiles only, a few of them named (the AppView sends up to 5). */
export const knownFollowersSchema = z.object({ count, followers: z.array(profileViewBasicSchema) });
export type KnownFollowersData = z.infer<typeof knownFollowersSchema>;

export const viewerSchema = z
  .object({ following: atUri.optional(), followedBy: atUri.optional(), knownFollowers: knownFollowersSchema.optional() })
  .partial();

export const profileViewSchema = z.object({
  did,
  handle: z.string().min(1),
  displayName: z.string().optional(),
  description: z.string().optional(),
  avatar: z.string().optional(),
  createdAt: z.string().optional(),
  viewer: viewerSchema.optional(),
});
export type ProfileViewData = z.infer<typeof profileViewSchema>;

export const profileViewDetailedSchema = profileViewSchema.extend({
  followersCount: count.optional(),
  followsCount: count.optional(),
  postsCount: count.optional(),
});
export type ProfileViewDetailedData = z.infer<typeof profileViewDetailedSchema>;

export const followersPageSchema = z.object({ followers: z.array(profileViewSchema), cursor: z.string().optional() });
export const followsPageSchema = z.object({ follows: z.array(profileViewSchema), cursor: z.string().optional() });
export const profilesSchema = z.object({ profiles: z.array(profileViewDetailedSchema) });

export const feedSchema = z.object({
  feed: z.array(
    z.object({
      post: z.object({
        uri: atUri,
        indexedAt: z.string(),
        record: z.object({ text: z.string().optional(), createdAt: z.string().optional(), reply: z.unknown().optional() }),
      }),
      reason: z.object({ $type: z.string() }).optional(),
    }),
  ),
  cursor: z.string().optional(),
});

export const relationshipsSchema = z.object({
  relationships: z.array(
    z.union([
      z.object({ $type: z.literal('app.bsky.graph.defs#notFoundActor'), actor: z.string(), notFound: z.literal(true) }),
      z.object({
        $type: z.literal('app.bsky.graph.defs#relationship'),
        did,
        following: atUri.optional(),
        followedBy: atUri.optional(),
        blocking: atUri.optional(),
        blockedBy: z.boolean().optional(),
      }),
    ]),
  ),
});

export const createdRecordSchema = z.object({ uri: atUri, cid: z.string() });

export const sessionAnswerSchema = z.object({
  did,
  handle: z.string().min(1),
  accessJwt: z.string().min(1),
  refreshJwt: z.string().min(1),
});

export const resolvedHandleSchema = z.object({ did });

export const convoAvailabilitySchema = z.object({ canChat: z.boolean(), convo: z.object({ id: z.string() }).optional() });
export const convoSchema = z.object({ convo: z.object({ id: z.string() }) });
export const messageViewSchema = z.object({ id: z.string(), text: z.string() });

/** "followers[0].did" from a zod issue path. */
export function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}
