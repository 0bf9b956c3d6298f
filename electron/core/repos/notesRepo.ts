// My private note about a person: at most one per (account, person). The notes table predates that
// rule and has no unique key, so writes go through here, which updates the one row in place. The
// people_fts triggers of 0001 re-index the person's notes on every insert, update and delete, so a
// note is searchable as soon as it is saved.
import type Database from 'better-sqlite3';
import { perDatabase } from './perDatabase';

export interface StoredNote {
  note: string;
  updatedAt: string | null;
}

export type NoteChange = 'added' | 'edited' | 'removed';

export const notesRepo = perDatabase((db: Database.Database) => {
  const current = db.prepare(
    'SELECT id, body, updated_at FROM notes WHERE account_id = ? AND person_id = ? ORDER BY updated_at DESC, id DESC',
  );
  const insert = db.prepare(
    'INSERT INTO notes (account_id, person_id, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const update = db.prepare('UPDATE notes SET body = ?, updated_at = ? WHERE id = ?');
  const removeAll = db.prepare('DELETE FROM notes WHERE account_id = ? AND person_id = ?');
  const removeOne = db.prepare('DELETE FROM notes WHERE id = ?');
  const event = db.prepare(
    `INSERT INTO events (account_id, person_id, kind, at, data)
     VALUES (?, ?, 'note_changed', ?, json_object('change', ?, 'length', ?))`,
  );

  type NoteRow = { id: number; body: string; updated_at: string };

  const save = db.transaction((accountId: number, personId: number, text: string, at: string): StoredNote => {
    const rows = current.all(accountId, personId) as NoteRow[];
    const [latest, ...extra] = rows;
    const body = text.trim();
    if (body === '') {
      if (!latest) return { note: '', updatedAt: null };
      removeAll.run(accountId, personId);
      event.run(accountId, personId, at, 'removed', 0);
      return { note: '', updatedAt: null };
    }
    // Older databases may hold several rows for one person: the newest wins, the rest go.
    for (const row of extra) removeOne.run(row.id);
    if (latest && latest.body === body) return { note: body, updatedAt: latest.updated_at };
    if (latest) update.run(body, at, latest.id);
    else insert.run(accountId, personId, body, at, at);
    event.run(accountId, personId, at, latest ? 'edited' : 'added', Array.from(body).length);
    return { note: body, updatedAt: at };
  });

  return {
    get(accountId: number, personId: number): StoredNote {
      const row = current.get(accountId, personId) as NoteRow | undefined;
      return row ? { note: row.body, updatedAt: row.updated_at } : { note: '', updatedAt: null };
    },

    /**
     * Sets the note (trimmed); an empty text removes it. Writes a note_changed event only when
     * the text really changed.
     */
    set(accountId: number, personId: number, text: string, at: string): StoredNote {
      return save(accountId, personId, text, at);
    },
  };
});

export type NotesRepo = ReturnType<typeof notesRepo>;
