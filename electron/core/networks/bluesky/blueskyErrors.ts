// A Bluesky answer that is not what we read: the malformed-answer error and the parse that
// raises it. Free of @atproto/api, so signing in loads the client library only when a provider
// is built (what a call threw is turned into words in blueskyCallErrors.ts).
import type { z } from 'zod';
import { RapportError } from '../../../../shared/api/errors';
import { issuePath } from './blueskySchemas';

export class MalformedAnswer extends RapportError {
  constructor(
    readonly method: string,
    readonly field: string,
    detail: string,
  ) {
    super('NETWORK_ERROR', `Bluesky sent a malformed answer to ${method}: ${field} ${detail}. Nothing from it was saved.`);
  }
}

/** Parses an answer or throws a MalformedAnswer naming the first bad field. */
export function parseAnswer<T>(schema: z.ZodType<T>, data: unknown, method: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue ? issuePath(issue.path) || '(answer)' : '(answer)';
  throw new MalformedAnswer(method, field, issue?.message ?? 'is invalid');
}
