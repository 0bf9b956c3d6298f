// Whether Mastodon accounts still exist, for the removal check. Mastodon leaves suspended accounts
// out of follower lists and relationships, so "missing" must be asked about:
// - GET /api/v1/accounts?id[]= (Mastodon ≥ 4.3) returns what exists: `suspended: true` for a
//   suspended account (its content blanked), `moved` set for one that moved; deleted ones are
//   left out.
// - GET /api/v1/accounts/:id for the rest: 404 once the account is deleted, 410 for a suspension
//   whose data is gone.
// Only the few fields read here are checked, so an odd display name cannot hide a status.
import type { mastodon } from 'masto';
import { z } from 'zod';
import type { RemoteAccountStatus } from '../provider';
import { MastodonRefusal } from './mastodonErrors';
import { mastodonId } from './mastodonSchemas';

const MASTODON_STATUS_BATCH = 40;

const statusFieldsSchema = z.object({
  id: mastodonId,
  suspended: z.boolean().nullish(),
  moved: z.object({ acct: z.string().min(1) }).nullish(),
});
type StatusFields = z.infer<typeof statusFieldsSchema>;

export interface MastodonStatusSource {
  api: mastodon.rest.Client;
  instanceHost: string;
  /** false when the server is known to lack the batch lookup (older than 4.3). */
  batchLookup: boolean;
}

function domainOf(instanceHost: string): string {
  return instanceHost.replace(/:\d+$/, '');
}

function statusOf(source: MastodonStatusSource, remoteId: string, fields: StatusFields): RemoteAccountStatus {
  if (fields.suspended) return { remoteId, state: 'suspended' };
  if (fields.moved) {
    const acct = fields.moved.acct.includes('@') ? fields.moved.acct : `${fields.moved.acct}@${domainOf(source.instanceHost)}`;
    return { remoteId, state: 'moved', movedTo: acct };
  }
  return { remoteId, state: 'active' };
}

function readFields(data: unknown): StatusFields | null {
  const parsed = statusFieldsSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** `ids` are instance-local; answers carry the remote ids they were asked with. */
export async function readMastodonAccountStatus(
  source: MastodonStatusSource,
  asked: { remoteId: string; id: string }[],
  signal?: AbortSignal,
): Promise<RemoteAccountStatus[]> {
  const meta = { requestInit: { signal } };
  const found = new Map<string, StatusFields>();
  if (source.batchLookup) {
    for (let i = 0; i < asked.length; i += MASTODON_STATUS_BATCH) {
      const batch = asked.slice(i, i + MASTODON_STATUS_BATCH).map((a) => a.id);
      let answer: unknown;
      try {
        answer = await source.api.v1.accounts.fetch({ id: batch }, meta);
      } catch (error) {
        if (error instanceof MastodonRefusal && (error.status === 404 || error.status === 405)) break;
        throw error;
      }
      for (const item of Array.isArray(answer) ? answer : []) {
        const fields = readFields(item);
        if (fields) found.set(fields.id, fields);
      }
    }
  }
  const out: RemoteAccountStatus[] = [];
  for (const { remoteId, id } of asked) {
    const known = found.get(id);
    if (known) {
      out.push(statusOf(source, remoteId, known));
      continue;
    }
    try {
      const fields = readFields(await source.api.v1.accounts.$select(id).fetch(undefined, meta));
      out.push(fields ? statusOf(source, remoteId, fields) : { remoteId, state: 'unknown' });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (error instanceof MastodonRefusal && error.status === 404) out.push({ remoteId, state: 'deleted' });
      else if (error instanceof MastodonRefusal && error.status === 410) out.push({ remoteId, state: 'suspended' });
      else throw error;
    }
  }
  return out;
}
