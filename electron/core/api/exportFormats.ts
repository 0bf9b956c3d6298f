// Export rows as files. CSV is RFC 4180 (csv-stringify: quotes only where needed, doubled quotes,
// CRLF line ends) with a UTF-8 byte-order mark so spreadsheet apps read non-ASCII names right.
// Names, bios and notes come from strangers: a cell a spreadsheet would run as a formula (starting
// with = + - @, tab or carriage return) gets a leading apostrophe, the usual defence against CSV
// injection. JSON keeps every value as it is, with real booleans, numbers, nulls and tag arrays.
import { stringify } from 'csv-stringify/sync';
import type { Account } from '../../../shared/domain';
import type { ExportFile, ExportFormat } from '../../../shared/triageTypes';
import { EXPORT_COLUMNS, type ExportRow } from '../repos/exportRepo';

/** Tags are joined with this in one CSV cell. */
export const CSV_TAG_SEPARATOR = ';';

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text a CSV cell holds for a string that came from people, neutralized against formulas. */
export function csvText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
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
  return stringify([[...EXPORT_COLUMNS], ...rows.map(csvCells)], { bom: true, record_delimiter: 'windows' });
}

export function toJson(rows: readonly ExportRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** e.g. rapport-bluesky-ada.bsky.social-2026-03-01.csv; the handle is reduced to safe characters. */
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
