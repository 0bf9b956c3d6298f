// The CSV export read the way a spreadsheet reads it: a record ends at CRLF, a bare LF or a lone CR
// outside quotes, and any line of a cell that starts with = + - @ (or tab / CR) can become a
// formula. Names and notes here are as hostile as Bluesky and Mastodon let them be.
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HANDLER_TEST_NOW, openHandlerTest, type HandlerTest } from '../repos/handlerTestKit';
import { notesRepo } from '../repos/notesRepo';
import { FIXTURE_NOW, runHandler } from '../repos/testFixtures';
import { exportHandlers } from './exportHandlers';

const HOSTILE_TEXT = [
  'Ada\n=1+1',
  'Bob\r\n=HYPERLINK("http://evil.example","click")',
  'Cy\r+SUM(A1:A9)',
  'Dee\u2028@cmd|calc',
  'Eve\u2029-2+3',
  'Fay "the" \tquoted\t',
  '\t=tabbed',
  'Gus\n\n\n\n\n=1+1',
  'Hal,\n"=1",\r\n@end',
  '\uFF1D1+1 full-width',
  'Ivy\u0085=x',
  '\r\n\r\n-leading breaks',
  'Jo\r\r@twice',
  'Kim, plain',
];

/** Any line start inside a cell: the start, or just after one of the breaks a reader may honour. */
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/;
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The cell without the guard apostrophes: each line start where an apostrophe precedes a formula character. */
function withoutGuards(cell: string): string {
  return cell.replace(/(?<=^|[\r\n\u0085\u2028\u2029])'(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g, '');
}

let h: HandlerTest;
beforeEach(() => {
  h = openHandlerTest({ now: HANDLER_TEST_NOW, followers: HOSTILE_TEXT.length });
  HOSTILE_TEXT.forEach((text, i) => {
    h.t.db.prepare('UPDATE people SET display_name = ?, handle = ? WHERE id = ?').run(text, `${text}.h${i}`, h.people[i]!.personId);
    notesRepo(h.t.db).set(h.accountId, h.people[i]!.personId, HOSTILE_TEXT[(i + 3) % HOSTILE_TEXT.length]!, FIXTURE_NOW);
  });
});
afterEach(() => h.t.cleanup());

describe('CSV export against formula injection', () => {
  it('keeps one record per person when a spreadsheet splits at every CR, LF and CRLF', async () => {
    const file = await runHandler(exportHandlers, 'exportPeople', { accountId: h.accountId, format: 'csv' }, h.ctx);
    const records = parse(file.content, {
      bom: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
    }) as string[][];
    const [header, ...rows] = records;
    expect(rows).toHaveLength(HOSTILE_TEXT.length);
    expect(rows.every((row) => row.length === header!.length)).toBe(true);

    const column = (name: string) => header!.indexOf(name);
    const names = rows.map((row) => withoutGuards(row[column('display_name')]!));
    const notes = rows.map((row) => withoutGuards(row[column('note')]!));
    expect(names.sort()).toEqual([...HOSTILE_TEXT].sort());
    // Notes are stored trimmed.
    expect(notes.sort()).toEqual(HOSTILE_TEXT.map((text) => text.trim()).sort());
  });

  it('no cell and no line inside a cell starts with a formula character', async () => {
    const file = await runHandler(exportHandlers, 'exportPeople', { accountId: h.accountId, format: 'csv' }, h.ctx);
    const cells = (parse(file.content, { bom: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][]).flat();
    const lines = cells.flatMap((cell) => cell.split(LINE_BREAK));
    expect(lines.filter((line) => FORMULA_START.test(line))).toEqual([]);
    // The file itself: no physical line a lenient reader might take as a record starts a formula.
    expect(file.content.split(/\r\n|[\r\n]/).filter((line) => FORMULA_START.test(line))).toEqual([]);
  });
});
