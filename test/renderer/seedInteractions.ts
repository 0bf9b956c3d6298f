// Test-only: interactions (replies, likes…) of seeded people stored the way a sync stores them,
// through core's own interactions repository, with the cards' "Most engaged first" keys refreshed
// as after an interactions walk. People are seedCore's ("sample:<id>").
import type { InteractionDirection, InteractionKind } from '../../shared/interactions';
import { interactionsRepo } from '../../electron/core/repos/interactionsRepo';
import type { CoreApi } from './coreApi';
import { withCoreDatabase } from './coreDatabase';

export interface SeedInteraction {
  personId: number;
  kind: InteractionKind;
  /** How many of this kind (default 1), one a day back from `at`. */
  count?: number;
  direction?: InteractionDirection;
  /** ISO-8601 of the latest one (default 2026-01-01T12:00:00Z). */
  at?: string;
  link?: string | null;
  excerpt?: string | null;
}

const DAY = 86_400_000;
let sequence = 0;

export function seedInteractions(api: CoreApi, items: readonly SeedInteraction[], accountId = 1): void {
  withCoreDatabase(api, (db) => {
    const repo = interactionsRepo(db);
    db.transaction(() => {
      for (const item of items) {
        const latest = Date.parse(item.at ?? '2026-01-01T12:00:00Z');
        const rows = Array.from({ length: item.count ?? 1 }, (_, i) => ({
          key: `seed-${++sequence}`,
          personRemoteId: `sample:${item.personId}`,
          kind: item.kind,
          direction: item.direction ?? 'theirs',
          at: new Date(latest - i * DAY).toISOString(),
          link: item.link ?? null,
          excerpt: item.excerpt ?? null,
        }));
        repo.store(accountId, rows);
      }
      repo.settleQueuedInteractions(accountId, 'sample');
    })();
  });
}
