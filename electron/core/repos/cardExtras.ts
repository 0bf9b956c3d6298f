// The card fields that live outside the row a card query reads: tags, when I last wrote to the
// person, signal chips and how they engaged with me. They are fetched for a whole page at once —
// one query per kind over the page's ids — so a page of 100 cards costs a handful of indexed
// lookups, never one per card.
import type Database from 'better-sqlite3';
import type { PersonCard } from '../../../shared/domain';
import { engagementForPeople } from './cardEngagement';
import { perDatabase } from './perDatabase';
import { signalsForPeople } from './signalsRepo';
import { tagsRepo } from './tagsRepo';

const extrasStatements = perDatabase((db: Database.Database) => ({
  // dm_sent is written by the outbox worker when the network accepted the message.
  lastMessages: db.prepare(
    `SELECT person_id AS personId, max(at) AS at FROM events
     WHERE person_id IN (SELECT value FROM json_each(?)) AND account_id = ? AND kind = 'dm_sent'
     GROUP BY person_id`,
  ),
}));

export function lastMessagesOf(db: Database.Database, accountId: number, personIds: readonly number[]): Map<number, string> {
  if (personIds.length === 0) return new Map();
  const rows = extrasStatements(db).lastMessages.all(JSON.stringify(personIds), accountId) as { personId: number; at: string }[];
  return new Map(rows.map((row) => [row.personId, row.at]));
}

/** The cards with tags, lastMessageAt, signals and engagement filled in where the person has them. */
export function withCardExtras<T extends PersonCard>(db: Database.Database, accountId: number, cards: readonly T[], nowMs: number): T[] {
  if (cards.length === 0) return [];
  const ids = cards.map((card) => card.personId);
  const tags = tagsRepo(db).forPeople(accountId, ids);
  const messages = lastMessagesOf(db, accountId, ids);
  const signals = signalsForPeople(db, accountId, ids, new Date(nowMs));
  const engagement = engagementForPeople(db, accountId, ids);
  return cards.map((card) => {
    const personTags = tags.get(card.personId);
    const lastMessageAt = messages.get(card.personId);
    const chips = signals.get(card.personId);
    const engaged = engagement.get(card.personId);
    return {
      ...card,
      ...(personTags ? { tags: personTags } : {}),
      ...(lastMessageAt ? { lastMessageAt } : {}),
      ...(chips ? { signals: chips } : {}),
      ...(engaged ? { engagement: engaged } : {}),
    };
  });
}
