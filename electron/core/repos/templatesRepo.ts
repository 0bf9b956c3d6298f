// The user's own message templates ({name} and {handle} are filled in by the composer, then the
// text is edited before each send). Global, not per account: a greeting fits every network.
// Names are unique case-insensitively, so the composer's picker never shows two look-alikes.
import type Database from 'better-sqlite3';
import { RapportError } from '../../../shared/api/errors';
import type { MessageTemplate } from '../../../shared/triageTypes';
import { compareLabels, labelKey } from './labelNames';
import { perDatabase } from './perDatabase';

interface TemplateRow {
  id: number;
  name: string;
  body: string;
  updated_at: string;
}

const toTemplate = (row: TemplateRow): MessageTemplate => ({ id: row.id, name: row.name, body: row.body, updatedAt: row.updated_at });

export interface TemplateInput {
  id?: number;
  name: string;
  body: string;
}

export const templatesRepo = perDatabase((db: Database.Database) => {
  const all = db.prepare('SELECT id, name, body, updated_at FROM message_templates');
  const byId = db.prepare('SELECT id, name, body, updated_at FROM message_templates WHERE id = ?');
  const insert = db.prepare(
    'INSERT INTO message_templates (name, body, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id, name, body, updated_at',
  );
  const update = db.prepare(
    'UPDATE message_templates SET name = ?, body = ?, updated_at = ? WHERE id = ? RETURNING id, name, body, updated_at',
  );
  const remove = db.prepare('DELETE FROM message_templates WHERE id = ?');

  const save = db.transaction((input: TemplateInput, at: string): MessageTemplate => {
    const clash = (all.all() as TemplateRow[]).find((row) => row.id !== input.id && labelKey(row.name) === labelKey(input.name));
    if (clash) throw new RapportError('CONFLICT', `A template named “${clash.name}” already exists. Pick another name.`);
    if (input.id === undefined) return toTemplate(insert.get(input.name, input.body, at, at) as TemplateRow);
    const row = update.get(input.name, input.body, at, input.id) as TemplateRow | undefined;
    if (!row) throw new RapportError('NOT_FOUND', 'That template no longer exists.');
    return toTemplate(row);
  });

  return {
    /** A→Z by name. */
    list(): MessageTemplate[] {
      return (all.all() as TemplateRow[]).map(toTemplate).sort((a, b) => compareLabels(a.name, b.name));
    },

    get(id: number): MessageTemplate | null {
      const row = byId.get(id) as TemplateRow | undefined;
      return row ? toTemplate(row) : null;
    },

    /** Creates (no id) or updates; CONFLICT on a name another template has, NOT_FOUND for a stale id. */
    save(input: TemplateInput, at: string): MessageTemplate {
      return save(input, at);
    },

    /** false when no such template exists. */
    delete(id: number): boolean {
      return remove.run(id).changes === 1;
    },
  };
});

export type TemplatesRepo = ReturnType<typeof templatesRepo>;
