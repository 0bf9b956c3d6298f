// People of an account as rows for export: stage, relationship, dates, tags, note and score, for
// everyone a PeopleFilter matches (the same SQL as the people list, so an export of a filtered
// view holds exactly what the view showed). Someone I follow who never followed me has no stage.
import type Database from 'better-sqlite3';
import type { Network, Stage } from '../../../shared/domain';
import type { PeopleFilter } from '../../../shared/triageTypes';
import { compareLabels } from './labelNames';
import { buildPeopleFilterSql } from './peopleFilterSql';
import { perDatabase } from './perDatabase';

/** One exported person; keys are the column names of both formats. */
export interface ExportRow {
  handle: string;
  display_name: string;
  network: Network;
  remote_id: string;
  stage: Stage | null;
  follows_me: boolean;
  i_follow: boolean;
  followed_me_at: string | null;
  stage_changed_at: string | null;
  tags: string[];
  note: string;
  score: number | null;
  profile_url: string | null;
}

export const EXPORT_COLUMNS = [
  'handle',
  'display_name',
  'network',
  'remote_id',
  'stage',
  'follows_me',
  'i_follow',
  'followed_me_at',
  'stage_changed_at',
  'tags',
  'note',
  'score',
  'profile_url',
] as const satisfies readonly (keyof ExportRow)[];

interface SqlRow {
  person_id: number;
  handle: string;
  display_name: string;
  network: Network;
  remote_id: string;
  stage: Stage | null;
  follows_me: number;
  i_follow: number;
  followed_me_at: string | null;
  changed_at: string | null;
  score: number | null;
  profile_url: string | null;
}

const SELECT_COLUMNS = `
  r.person_id, p.handle, p.display_name, p.network, p.remote_id, t.stage, r.follows_me, r.i_follow, r.followed_me_at,
  t.changed_at, t.score, p.profile_url`;

function toExportRow(row: SqlRow, tags: string[] | undefined, note: string | undefined): ExportRow {
  return {
    handle: row.handle,
    display_name: row.display_name,
    network: row.network,
    remote_id: row.remote_id,
    stage: row.stage,
    follows_me: row.follows_me === 1,
    i_follow: row.i_follow === 1,
    followed_me_at: row.followed_me_at,
    stage_changed_at: row.changed_at,
    tags: tags ?? [],
    note: note ?? '',
    score: row.score,
    profile_url: row.profile_url,
  };
}

export const exportRepo = perDatabase((db: Database.Database) => {
  const statements = new Map<string, Database.Statement>();
  // Tags and notes of the whole account in two reads, joined in JS: per-row subqueries cost five
  // times the main query on 100,000 people.
  const accountTags = db.prepare(
    'SELECT pt.person_id AS personId, g.name FROM tags g CROSS JOIN person_tags pt ON pt.tag_id = g.id WHERE g.account_id = ?',
  );
  const accountNotes = db.prepare(
    'SELECT person_id AS personId, body FROM notes WHERE account_id = ? ORDER BY updated_at, id',
  );

  return {
    /** Everyone matching, newest follower first (people I follow who never followed me last). */
    rows(accountId: number, filter: PeopleFilter = {}): ExportRow[] {
      const { from, where, params } = buildPeopleFilterSql(filter, accountId);
      const sql = `SELECT ${SELECT_COLUMNS} FROM ${from} WHERE ${where} ORDER BY r.follow_rank DESC, r.person_id DESC`;
      let statement = statements.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        if (statements.size < 32) statements.set(sql, statement);
      }
      const tags = new Map<number, string[]>();
      for (const { personId, name } of accountTags.all(accountId) as { personId: number; name: string }[]) {
        const list = tags.get(personId);
        if (list) list.push(name);
        else tags.set(personId, [name]);
      }
      for (const list of tags.values()) list.sort(compareLabels);
      // Ascending by time, so the newest note of a person is the one the map keeps.
      const notes = new Map((accountNotes.all(accountId) as { personId: number; body: string }[]).map((n) => [n.personId, n.body]));
      return (statement.all(params) as SqlRow[]).map((row) => toExportRow(row, tags.get(row.person_id), notes.get(row.person_id)));
    },
  };
});

export type ExportRepo = ReturnType<typeof exportRepo>;
