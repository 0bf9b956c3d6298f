// Export rows as files. CSV is RFC 4180 (csv-stringify: doubled quotes, CRLF line ends) with a
// UTF-8 byte-order mark so spreadsheet apps read non-ASCII names right.
// Names, bios and notes come from strangers, and some networks keep bare line breaks in names:
// - every field holding any line break (CR, LF, U+0085, U+2028, U+2029) or a tab is quoted, since
//   csv-stringify quotes only the record delimiter (CRLF) once one is set, and a spreadsheet ends a
//   record at a bare LF or CR too — an unquoted one would split a row and start a new one;
// - every line of a cell that a spreadsheet would run as a formula (starting with = + - @, their
//   full-width forms, tab or carriage return) gets a leading apostrophe, the usual defence against
//   CSV injection, so text after a line break in a cell cannot become a live formula either.
// JSON keeps every value as it is, with real booleans, numbers, nulls and tag arrays.
import { stringify } from 'csv-stringify/sync';
import type { Account } from '../../../shared/domain';
import type { ExportFile, ExportFormat } from '../../../shared/triageTypes';
import { EXPORT_COLUMNS, type ExportRow } from '../repos/exportRepo';

/** Tags are joined with this in one CSV cell. */
export const CSV_TAG_SEPARATOR = ';';

/** Each start of a line (the cell's start, or just after any line break) followed by a formula character. */
const FORMULA_LINE_START = /(?<=^|[\r\n\u0085\u2028\u2029])(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g;

/** Fields csv-stringify must quote beyond its own rules (it would leave a bare LF or CR unquoted). */
const NEEDS_QUOTES = /[\r\n\t\u0085\u2028\u2029]/;

/** The text a CSV cell holds for a string that came from people, neutralized against formulas on every line. */
export function csvText(value: string): string {
  return value.replace(FORMULA_LINE_START, "'");
}

function csvCells(row: ExportRow): string[] {
  return EXPORT_COLUMNS.map((column) => {
    const value = row[column];
    if (value === null) return '';
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value)) return csvText(value.join(CSV_TAG_SEPARATOR));
    return csvText(value);
  });
}

export function toCsv(rows: readonly ExportRow[]): string {
  return stringify([[...EXPORT_COLUMNS], ...rows.map(csvCells)], {
    bom: true,
    record_delimiter: 'windows',
    quoted_match: NEEDS_QUOTES,
  });
}

export function toJson(rows: readonly ExportRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** e.g. rapport-<network>-ada.example.social-2026-03-01.csv; the handle is reduced to safe characters. */
export function exportFilename(account: Account, format: ExportFormat, nowMs: number): string {
  const handle = account.handle.replace(/^@/, '').replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 60) || 'account';
  const day = new Date(nowMs).toISOString().slice(0, 10);
  return `rapport-${account.network}-${handle}-${day}.${format}`;
}

export function exportFile(account: Account, format: ExportFormat, rows: readonly ExportRow[], nowMs: number): ExportFile {
  return {
    filename: exportFilename(account, format, nowMs),
    mimeType: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json',
    content: format === 'csv' ? toCsv(rows) : toJson(rows),
    rows: rows.length,
  };
}
