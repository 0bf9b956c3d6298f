// Keyset cursors are opaque to the renderer: base64url JSON of [sortValue, personId], the key of
// the card the page continues from. Anything that does not decode to a key of the requested sort
// is INVALID_INPUT — a cursor is user-controlled input like any other.
import { RapportError } from '../../../shared/api/errors';
import type { BoardSort } from '../../../shared/domain';

/** null only in the score sort: people whose signals are not computed yet sit after everyone scored. */
export type SortValue = number | string | null;

export interface BoardKey {
  value: SortValue;
  personId: number;
}

export function encodeCursor(key: BoardKey): string {
  return Buffer.from(JSON.stringify([key.value, key.personId]), 'utf8').toString('base64url');
}

function invalid(): RapportError {
  return new RapportError('INVALID_INPUT', 'The page cursor is not valid for this column; reload the board.');
}

function valueFits(sort: BoardSort, value: unknown): value is SortValue {
  switch (sort) {
    case 'name':
      return typeof value === 'string';
    case 'followers':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'newest':
      return typeof value === 'number' && Number.isFinite(value);
    case 'engaged':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'score':
      return value === null || (typeof value === 'number' && Number.isFinite(value));
  }
}

export function decodeCursor(cursor: string, sort: BoardSort): BoardKey {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalid();
  const [value, personId] = parsed as unknown[];
  if (!valueFits(sort, value)) throw invalid();
  if (typeof personId !== 'number' || !Number.isSafeInteger(personId) || personId < 1) throw invalid();
  return { value, personId };
}
