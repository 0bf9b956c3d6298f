// A person's interactions as the window lists them: newest first, paged by (at, id), with links
// checked again on the way out. Rows come from network items (remote text, remote URLs): only a
// plain https URL without credentials leaves core, anything else becomes "no link".
import type Database from 'better-sqlite3';
import {
  isInteractionKind,
  type InteractionDirection,
  type InteractionItem,
  type InteractionsCursor,
  type PersonInteractions,
} from '../../../shared/interactions';
import { perDatabase } from './perDatabase';

/** Longer than any post or profile address a network hands out. */
const LINK_MAX = 2048;

interface Row {
  id: number;
  kind: string;
  direction: InteractionDirection;
  at: string;
  link: string | null;
  excerpt: string | null;
}

/** The link as stored, when it is an https URL a browser can be sent to; null otherwise. */
export function safeInteractionLink(link: string | null): string | null {
  if (link === null || link.length > LINK_MAX) return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.hostname === '') return null;
  return url.href;
}

const statements = perDatabase((db: Database.Database) => {
  // The person's rows are keyed by remote id (0013); the account fixes the network.
  const base = `SELECT i.id, i.kind, i.direction, i.at, i.link, i.excerpt
     FROM interactions i
     WHERE i.account_id = @accountId AND i.person_remote_id = (SELECT remote_id FROM people WHERE id = @personId)`;
  return {
    newest: db.prepare(`${base} ORDER BY i.at DESC, i.id DESC LIMIT @limit`),
    older: db.prepare(`${base} AND (i.at < @at OR (i.at = @at AND i.id < @id)) ORDER BY i.at DESC, i.id DESC LIMIT @limit`),
  };
});

export function personInteractions(
  db: Database.Database,
  accountId: number,
  personId: number,
  limit: number,
  before?: InteractionsCursor,
): PersonInteractions {
  const s = statements(db);
  // One more than asked tells whether an older page exists.
  const rows = (before
    ? s.older.all({ accountId, personId, limit: limit + 1, at: before.at, id: before.id })
    : s.newest.all({ accountId, personId, limit: limit + 1 })) as Row[];
  const page = rows.slice(0, limit);
  const items: InteractionItem[] = [];
  for (const row of page) {
    // A kind a newer version stored is skipped, not shown under a wrong name.
    if (!isInteractionKind(row.kind)) continue;
    items.push({ id: row.id, kind: row.kind, direction: row.direction, at: row.at, link: safeInteractionLink(row.link), excerpt: row.excerpt });
  }
  const last = page.at(-1);
  return { items, next: rows.length > limit && last ? { at: last.at, id: last.id } : null };
}
