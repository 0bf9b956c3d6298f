// Tags are an account's own labels, created the first time they are used. Uniqueness is
// case-insensitive ("Rust" and "rust" are one tag, spelled the way it was first typed); SQLite's
// NOCASE only folds ASCII, so names are matched on a Unicode-folded key in JS — an account has a
// few hundred tags at most (see labelNames). A tag nobody carries any more is deleted, so the tag list and its
// filter menu only ever offer tags that match someone.
import type Database from 'better-sqlite3';
import { compareLabels, labelKey } from './labelNames';
import { perDatabase } from './perDatabase';

export interface TagCount {
  name: string;
  count: number;
}

interface TagRow {
  id: number;
  name: string;
}

export const tagsRepo = perDatabase((db: Database.Database) => {
  const accountTags = db.prepare('SELECT id, name FROM tags WHERE account_id = ?');
  const personTags = db.prepare(
    `SELECT t.id, t.name FROM person_tags pt JOIN tags t ON t.id = pt.tag_id
     WHERE pt.person_id = ? AND t.account_id = ?`,
  );
  const createTag = db.prepare('INSERT INTO tags (account_id, name, created_at) VALUES (?, ?, ?) RETURNING id');
  const attach = db.prepare('INSERT OR IGNORE INTO person_tags (tag_id, person_id, created_at) VALUES (?, ?, ?)');
  const detach = db.prepare('DELETE FROM person_tags WHERE tag_id = ? AND person_id = ?');
  const dropIfUnused = db.prepare(
    'DELETE FROM tags WHERE id = ? AND NOT EXISTS (SELECT 1 FROM person_tags WHERE tag_id = tags.id)',
  );
  const dropUnused = db.prepare(
    'DELETE FROM tags WHERE account_id = ? AND NOT EXISTS (SELECT 1 FROM person_tags WHERE tag_id = tags.id)',
  );
  const event = db.prepare(
    `INSERT INTO events (account_id, person_id, kind, at, data)
     VALUES (?, ?, 'tags_changed', ?, json_object('added', json(?), 'removed', json(?)))`,
  );
  const counts = db.prepare(
    `SELECT t.name, count(pt.person_id) AS count FROM tags t
     LEFT JOIN person_tags pt ON pt.tag_id = t.id
     WHERE t.account_id = ? GROUP BY t.id`,
  );
  const forPeople = db.prepare(
    `SELECT pt.person_id AS personId, t.name FROM person_tags pt JOIN tags t ON t.id = pt.tag_id
     WHERE t.account_id = ? AND pt.person_id IN (SELECT value FROM json_each(?))`,
  );

  const replace = db.transaction((accountId: number, personId: number, wanted: string[], at: string): string[] => {
    const byKey = new Map((accountTags.all(accountId) as TagRow[]).map((tag) => [labelKey(tag.name), tag]));
    const had = personTags.all(personId, accountId) as TagRow[];
    const hadIds = new Set(had.map((tag) => tag.id));

    const keep = new Map<number, string>();
    for (const name of wanted) {
      const key = labelKey(name);
      let tag = byKey.get(key);
      if (!tag) {
        const { id } = createTag.get(accountId, name, at) as { id: number };
        tag = { id, name };
        byKey.set(key, tag);
      }
      keep.set(tag.id, tag.name);
    }

    const added = [...keep].filter(([id]) => !hadIds.has(id)).map(([, name]) => name);
    const removed = had.filter((tag) => !keep.has(tag.id));
    for (const [id] of keep) if (!hadIds.has(id)) attach.run(id, personId, at);
    for (const tag of removed) {
      detach.run(tag.id, personId);
      dropIfUnused.run(tag.id);
    }
    if (added.length > 0 || removed.length > 0) {
      event.run(accountId, personId, at, JSON.stringify(added.sort(compareLabels)), JSON.stringify(removed.map((t) => t.name).sort(compareLabels)));
    }
    return [...keep.values()].sort(compareLabels);
  });

  return {
    /** Replaces the person's tags; returns them as stored (existing spelling wins), A→Z. */
    set(accountId: number, personId: number, tags: readonly string[], at: string): string[] {
      return replace(accountId, personId, [...tags], at);
    },

    of(accountId: number, personId: number): string[] {
      return (personTags.all(personId, accountId) as TagRow[]).map((tag) => tag.name).sort(compareLabels);
    },

    /** Tags of a page of people in one query, each list A→Z; people without tags are absent. */
    forPeople(accountId: number, personIds: readonly number[]): Map<number, string[]> {
      const out = new Map<number, string[]>();
      if (personIds.length === 0) return out;
      for (const row of forPeople.all(accountId, JSON.stringify(personIds)) as { personId: number; name: string }[]) {
        const list = out.get(row.personId);
        if (list) list.push(row.name);
        else out.set(row.personId, [row.name]);
      }
      for (const list of out.values()) list.sort(compareLabels);
      return out;
    },

    /** Every tag of the account with how many people carry it, A→Z. */
    list(accountId: number): TagCount[] {
      return (counts.all(accountId) as TagCount[]).sort((a, b) => compareLabels(a.name, b.name));
    },

    /** Deletes the account's tags nobody carries (after people were forgotten). */
    dropUnused(accountId: number): number {
      return dropUnused.run(accountId).changes;
    },
  };
});

export type TagsRepo = ReturnType<typeof tagsRepo>;
