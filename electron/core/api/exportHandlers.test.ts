import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { HANDLER_TEST_NOW, useHandlerTest, type HandlerTest } from '../repos/handlerTestKit';
import { notesRepo } from '../repos/notesRepo';
import { tagsRepo } from '../repos/tagsRepo';
import { addTestAccount, addTestFollowers, FIXTURE_NOW, runHandler } from '../repos/testFixtures';
import { exportHandlers } from './exportHandlers';
import { CSV_TAG_SEPARATOR } from './exportFormats';

let { t, ctx, accountId, people } = {} as HandlerTest;

/** Names and notes as hostile as remote text gets: separators, quotes, line breaks, formulas. */
const AWKWARD_NAMES = ['Smith, "Ada"', 'Line\nbreak', '=HYPERLINK("http://evil")', '+1 caller', 'Zoë 🐝', '', '@handle', '-dash-'];

const stage = (i: number) => (['new', 'evaluated', 'connected', 'declined'] as const)[i % 4]!;
useHandlerTest({ now: HANDLER_TEST_NOW, followers: 40, followerSpec: { stage } }, (h) => ({ t, ctx, accountId, people } = h));
beforeEach(() => {
  AWKWARD_NAMES.forEach((name, i) => t.db.prepare('UPDATE people SET display_name = ? WHERE id = ?').run(name, people[i]!.personId));
  notesRepo(t.db).set(accountId, people[0]!.personId, 'Met at "BeeConf", Berlin;\nsays hi', FIXTURE_NOW);
  notesRepo(t.db).set(accountId, people[2]!.personId, '=1+1', FIXTURE_NOW);
  tagsRepo(t.db).set(accountId, people[0]!.personId, ['bees', 'Berlin'], FIXTURE_NOW);
  tagsRepo(t.db).set(accountId, people[5]!.personId, ['bees'], FIXTURE_NOW);
  t.db.prepare('UPDATE triage SET score = ? WHERE person_id = ?').run(2.5, people[1]!.personId);
  t.db.prepare('UPDATE triage SET score = ? WHERE person_id = ?').run(-1, people[3]!.personId);
  t.db.prepare('UPDATE relationships SET i_follow = 1 WHERE person_id = ?').run(people[2]!.personId);
  // Someone I follow who never followed me: a relationship, no card, no stage.
  const followee = Number(
    t.db
      .prepare("INSERT INTO people (network, remote_id, handle, display_name, fetched_at) VALUES ('sample', 'f1', 'f1.sample', 'Followee', ?)")
      .run(FIXTURE_NOW).lastInsertRowid,
  );
  t.db.prepare('INSERT INTO relationships (account_id, person_id, i_follow, i_followed_at) VALUES (?, ?, 1, ?)').run(accountId, followee, FIXTURE_NOW);
  // Another account's people never leak into this export.
  addTestFollowers(t.db, addTestAccount(t.db, 'other'), 3, { prefix: 'o' });
});

type Cell = string | number | boolean | null | string[];

/** The rows straight from SQL, read independently of the export code. */
function databaseRows(): Record<string, Cell>[] {
  const rows = t.db
    .prepare(
      `SELECT p.id, p.handle, p.display_name, p.network, p.remote_id, t.stage, r.follows_me, r.i_follow, r.followed_me_at,
              t.changed_at, t.score, p.profile_url, (SELECT body FROM notes n WHERE n.account_id = r.account_id AND n.person_id = p.id) AS note
       FROM relationships r JOIN people p ON p.id = r.person_id
       LEFT JOIN triage t ON t.account_id = r.account_id AND t.person_id = r.person_id
       WHERE r.account_id = ? ORDER BY p.id`,
    )
    .all(accountId) as Record<string, string | number | null>[];
  const text = (value: string | number | null | undefined): string | null => (value === undefined || value === null ? null : String(value));
  const tagsOf = t.db.prepare(
    'SELECT g.name FROM person_tags pt JOIN tags g ON g.id = pt.tag_id WHERE pt.person_id = ? AND g.account_id = ? ORDER BY lower(g.name)',
  );
  return rows.map((row) => ({
    handle: row.handle as string,
    display_name: row.display_name as string,
    network: row.network as string,
    remote_id: row.remote_id as string,
    stage: text(row.stage),
    follows_me: row.follows_me === 1,
    i_follow: row.i_follow === 1,
    followed_me_at: text(row.followed_me_at),
    stage_changed_at: text(row.changed_at),
    tags: (tagsOf.all(row.id, accountId) as { name: string }[]).map((x) => x.name),
    note: (row.note as string | null) ?? '',
    score: typeof row.score === 'number' ? row.score : null,
    profile_url: text(row.profile_url),
  }));
}

/** What a spreadsheet cell shows for a value: the documented CSV conventions, nothing else. */
function asCsvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  const text = Array.isArray(value) ? value.join(CSV_TAG_SEPARATOR) : value;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const byRemoteId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.remote_id).localeCompare(String(b.remote_id));

describe('exportPeople', () => {
  it('CSV parses back to exactly the database rows (RFC 4180, formulas neutralized)', async () => {
    const file = await runHandler(exportHandlers, 'exportPeople', { accountId, format: 'csv' }, ctx);
    expect(file).toMatchObject({ filename: 'rapport-sample-me.sample-2026-04-01.csv', mimeType: 'text/csv;charset=utf-8', rows: 41 });
    expect(file.content.startsWith('\uFEFFhandle,display_name,network,remote_id,stage,')).toBe(true);
    expect(file.content).toContain('\r\n');

    const parsed = parse(file.content, { bom: true, columns: true, relax_quotes: false }) as Record<string, string>[];
    const expected = databaseRows().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, asCsvCell(v)])));
    expect(parsed.sort(byRemoteId)).toEqual(expected.sort(byRemoteId));

    const ada = parsed.find((row) => row.remote_id === 'p0')!;
    expect(ada).toMatchObject({ display_name: 'Smith, "Ada"', tags: 'bees;Berlin', note: 'Met at "BeeConf", Berlin;\nsays hi' });
    expect(parsed.find((row) => row.remote_id === 'p2')).toMatchObject({ display_name: `'=HYPERLINK("http://evil")`, note: "'=1+1" });
    expect(parsed.find((row) => row.remote_id === 'f1')).toMatchObject({ stage: '', follows_me: 'false', i_follow: 'true' });
  });

  it('JSON holds every value as stored, with types', async () => {
    const file = await runHandler(exportHandlers, 'exportPeople', { accountId, format: 'json' }, ctx);
    expect(file).toMatchObject({ filename: 'rapport-sample-me.sample-2026-04-01.json', mimeType: 'application/json', rows: 41 });
    const parsed = JSON.parse(file.content) as Record<string, Cell>[];
    expect(parsed.sort(byRemoteId)).toEqual(databaseRows().sort(byRemoteId));
  });

  it('exports only the people a filter matches, the same way the people list filters', async () => {
    const tagged = await runHandler(exportHandlers, 'exportPeople', { accountId, format: 'json', filter: { tags: ['BEES'] } }, ctx);
    expect((JSON.parse(tagged.content) as { remote_id: string }[]).map((r) => r.remote_id).sort()).toEqual(['p0', 'p5']);
    const declined = await runHandler(exportHandlers, 'exportPeople', { accountId, format: 'csv', filter: { stages: ['declined'] } }, ctx);
    expect(declined.rows).toBe(10);
    const none = await runHandler(exportHandlers, 'exportPeople', { accountId, format: 'csv', filter: { query: 'nobodyhasthisword' } }, ctx);
    expect(none).toMatchObject({ rows: 0, content: '\uFEFFhandle,display_name,network,remote_id,stage,follows_me,i_follow,followed_me_at,stage_changed_at,tags,note,score,profile_url\r\n' });
  });
});
