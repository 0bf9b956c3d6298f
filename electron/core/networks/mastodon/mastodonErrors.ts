// Mastodon failures as RapportErrors with sentences a user can act on, and malformed answers that
// name the field (in the server's snake_case, as it appears on the wire).
import type { z } from 'zod';
import { RapportError, type ErrorCode } from '../../../../shared/api/errors';

export class MastodonMalformedAnswer extends RapportError {
  constructor(
    readonly endpoint: string,
    readonly field: string,
    detail: string,
  ) {
    super('NETWORK_ERROR', `Mastodon sent a malformed answer to ${endpoint}: ${field} ${detail}. Nothing from it was saved.`);
    this.name = 'MastodonMalformedAnswer';
  }
}

/** A 4xx answer from the server (429 and 5xx are the HTTP layer's NetworkFailures). */
export class MastodonRefusal extends RapportError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly status: number,
    readonly endpoint: string,
  ) {
    super(code, message);
    this.name = 'MastodonRefusal';
  }
}

/** masto camelCases every key it reads; the user and the logs should see the wire name. */
function wireName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export function issueField(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${wireName(String(key))}` : wireName(String(key))),
    '',
  );
}

export function parseMastodonAnswer<T>(schema: z.ZodType<T>, data: unknown, endpoint: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = (issue ? issueField(issue.path) : '') || '(answer)';
  const missing = issue?.code === 'invalid_type' && /received undefined/.test(issue.message);
  throw new MastodonMalformedAnswer(endpoint, field, missing ? 'is missing' : (issue?.message ?? 'is invalid'));
}

/** Server-written error text, made safe to show as a plain sentence fragment. */
function serverWords(value: unknown): string {
  if (typeof value !== 'string') return '';
  // eslint-disable-next-line no-control-regex -- control characters never belong in a message
  return value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 200);
}

export function refusalFor(status: number, body: unknown, endpoint: string): MastodonRefusal {
  const said = serverWords(typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined);
  const suffix = said ? ` (${said})` : '';
  if (status === 401) {
    return new MastodonRefusal('AUTH_EXPIRED', 'Your Mastodon sign-in has ended (the access was revoked or expired). Sign in again.', status, endpoint);
  }
  if (status === 403) {
    return new MastodonRefusal('CONFLICT', `Your Mastodon server did not allow this${suffix}.`, status, endpoint);
  }
  if (status === 404 || status === 410) {
    return new MastodonRefusal('NOT_FOUND', `That Mastodon account or post is not available any more${suffix}.`, status, endpoint);
  }
  if (status === 422 || status === 400) {
    return new MastodonRefusal('INVALID_INPUT', `Your Mastodon server refused the request${suffix}.`, status, endpoint);
  }
  return new MastodonRefusal('NETWORK_ERROR', `Your Mastodon server answered HTTP ${status}${suffix}.`, status, endpoint);
}

/** "/api/v1/accounts/109/followers" → "/api/v1/accounts/:id/followers" for messages and counts. */
export function endpointLabel(method: string, path: string): string {
  return `${method} ${path.replace(/\/\d+(?=\/|$)/g, '/:id')}`;
}
