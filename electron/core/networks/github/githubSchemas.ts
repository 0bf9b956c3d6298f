// Every GitHub answer Rapport reads, as zod schemas: remote text is hostile, so nothing reaches
// the database without passing here. Optional profile fields that arrive broken become null
// instead of failing a page of 100 people.
import { z } from 'zod';

/** A nullable string that turns anything else (a number, an object) into null. */
const text = z.string().nullable().optional().catch(null);
const count = z.number().int().nonnegative().nullable().optional().catch(null);

export const restUserSchema = z.object({
  id: z.number().int().positive(),
  login: z.string().min(1).max(100),
  node_id: z.string().optional().catch(undefined),
  avatar_url: text,
  html_url: text,
  type: text,
  name: text,
  company: text,
  blog: text,
  location: text,
  email: text,
  bio: text,
  twitter_username: text,
  public_repos: count,
  followers: count,
  following: count,
  created_at: text,
});
export type RestUser = z.infer<typeof restUserSchema>;

export const restUserListSchema = z.array(restUserSchema);

export const restEventSchema = z.object({
  id: z.string(),
  type: z.string().nullable().catch(null),
  repo: z.object({ name: z.string() }).nullable().catch(null),
  payload: z.record(z.string(), z.unknown()).nullable().catch(null),
  created_at: z.string(),
});
export type RestEvent = z.infer<typeof restEventSchema>;

export const restSocialAccountsSchema = z.array(z.object({ provider: z.string(), url: z.string() }));

export const graphqlUserSchema = z.object({
  id: z.string().optional().catch(undefined),
  databaseId: z.number().int().positive(),
  login: z.string().min(1).max(100),
  name: text,
  bio: text,
  company: text,
  location: text,
  websiteUrl: text,
  twitterUsername: text,
  email: text,
  createdAt: text,
  avatarUrl: text,
  url: text,
  followers: z.object({ totalCount: count }).nullable().catch(null),
  following: z.object({ totalCount: count }).nullable().catch(null),
  repositories: z.object({ totalCount: count }).nullable().catch(null),
  socialAccounts: z
    .object({ nodes: z.array(z.object({ provider: z.string(), url: z.string(), displayName: text })).catch([]) })
    .nullable()
    .catch(null),
});
export type GraphqlUser = z.infer<typeof graphqlUserSchema>;

export const graphqlConnectionSchema = z.object({
  pageInfo: z.object({ hasPreviousPage: z.boolean(), startCursor: z.string().nullable() }),
  /** Checked one by one (githubMapping), so one broken person does not cost the page. */
  nodes: z.array(z.unknown()),
});
export type GraphqlConnection = z.infer<typeof graphqlConnectionSchema>;
