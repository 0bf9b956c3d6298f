// What X API v2 answers, checked at the door: twitter-api-v2 types its answers for the compiler
// only, and remote text is hostile. A user object that breaks the rules is left out of its page
// (and reported), never failing the page.
import { z } from 'zod';

/** The user.fields Rapport asks for: bio, counts, creation date, avatar, location, URL, protected, verified. */
export const X_USER_FIELDS = ['created_at', 'description', 'location', 'profile_image_url', 'protected', 'public_metrics', 'url', 'verified'] as const;

export const xUserSchema = z.object({
  id: z.string().regex(/^\d{1,19}$/),
  username: z.string().regex(/^\w{1,15}$/),
  name: z.string().max(200),
  description: z.string().max(2000).optional(),
  created_at: z.string().max(40).optional(),
  profile_image_url: z.string().max(2000).optional(),
  location: z.string().max(300).optional(),
  url: z.string().max(2000).optional(),
  protected: z.boolean().optional(),
  verified: z.boolean().optional(),
  public_metrics: z
    .object({
      followers_count: z.number().int().nonnegative(),
      following_count: z.number().int().nonnegative(),
      tweet_count: z.number().int().nonnegative(),
    })
    .partial()
    .optional(),
});
export type XUser = z.infer<typeof xUserSchema>;

/** A page of a follow list: `data` is absent on an empty page. */
export const xUserPageSchema = z.object({
  data: z.array(z.unknown()).optional(),
  meta: z.object({ result_count: z.number().optional(), next_token: z.string().min(1).max(200).optional() }).optional(),
});

/** One id /2/users could not return: suspended, deleted or never existed. */
const xLookupErrorSchema = z.object({
  resource_id: z.string().optional(),
  value: z.string().optional(),
  title: z.string().optional(),
  detail: z.string().optional(),
});

export const xUsersLookupSchema = z.object({
  data: z.array(z.unknown()).optional(),
  errors: z.array(xLookupErrorSchema).optional(),
});

export const xSingleUserSchema = z.object({ data: z.unknown().optional(), errors: z.array(xLookupErrorSchema).optional() });

export type XLookupError = z.infer<typeof xLookupErrorSchema>;

/** X says "User has been suspended: [id]." with title Forbidden; a missing user is "Not Found Error". */
export function isSuspension(error: XLookupError): boolean {
  return error.title === 'Forbidden' || /suspended/i.test(error.detail ?? '');
}
