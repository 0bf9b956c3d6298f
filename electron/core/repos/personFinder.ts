// The command palette's person search (findPeople), over everyone one account knows. Names and
// handles first, typo-tolerant: the trigram index (0009) returns people whose name contains a
// piece of each typed word that a typo cannot have touched all of (fuzzyName), and they are
// ranked by edit distance. Then tags, notes and bios by word (people_fts, 0001). Each result says
// which of those it matched.
import type Database from 'better-sqlite3';
import type { MatchReason, PersonMatch } from '../../../shared/triageTypes';
import { distanceWithin, foldText, queryWords, typoAllowance, untouchedPieces } from './fuzzyName';
import { toFtsQuery } from './ftsQuery';
import { peopleQueryRepo } from './peopleQueryRepo';
import { perDatabase } from './perDatabase';

export const FIND_DEFAULT_LIMIT = 20;
/** Name candidates ranked in JS per search; a typo in a common piece ("son") finds thousands. */
const NAME_CANDIDATES = 600;
const EXACT_ENOUGH = 5;

interface NameRow {
  id: number;
  handle: string;
  displayName: string;
}

interface RankedName {
  id: number;
  matched: MatchReason;
  distance: number;
  /** 0 when every word starts a word of the name or the handle starts with the first one. */
  startsWord: number;
}

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** How far the name is from the words (null: too far), and whether the name or the handle is closer. */
function rankName(row: NameRow, words: string[]): RankedName | null {
  const name = foldText(row.displayName);
  const handle = foldText(row.handle);
  let nameTotal = 0;
  let handleTotal = 0;
  let total = 0;
  for (const word of words) {
    const inName = distanceWithin(word, name);
    const inHandle = distanceWithin(word, handle);
    const best = Math.min(inName, inHandle);
    if (best > typoAllowance(word)) return null;
    nameTotal += inName;
    handleTotal += inHandle;
    total += best;
  }
  const nameWords = name.split(/[^\p{L}\p{N}]+/u);
  const startsWord = words.every((word) => nameWords.some((w) => w.startsWith(word))) || handle.startsWith(words[0] ?? '') ? 0 : 1;
  return { id: row.id, matched: nameTotal <= handleTotal ? 'name' : 'handle', distance: total, startsWord };
}

export const personFinder = perDatabase((db: Database.Database) => {
  // The trigram index drives; the relationships key keeps it to this account.
  const nameRows = db.prepare(
    `SELECT t.rowid AS id, p.handle, p.display_name AS displayName
     FROM people_name_trigrams t
     CROSS JOIN relationships r ON r.account_id = @accountId AND r.person_id = t.rowid
     CROSS JOIN people p ON p.id = t.rowid
     WHERE people_name_trigrams MATCH @match
     LIMIT @limit`,
  );
  // Typo candidates: people holding a piece of every word. Ids only (the names are read for the
  // candidates), unranked: bm25 over every holder of a common piece cost 25 ms at 100k people.
  const pieceIds = db.prepare('SELECT rowid FROM people_name_trigrams WHERE people_name_trigrams MATCH @match LIMIT @limit').pluck();
  const namesOf = db.prepare(
    `SELECT p.id, p.handle, p.display_name AS displayName
     FROM relationships r CROSS JOIN people p ON p.id = r.person_id
     WHERE r.account_id = @accountId AND r.person_id IN (SELECT value FROM json_each(@ids))`,
  );
  // Words under three characters (the trigram index's shortest) go to the word index's names.
  const shortNameRows = db.prepare(
    `SELECT f.rowid AS id, p.handle, p.display_name AS displayName
     FROM people_fts f
     CROSS JOIN relationships r ON r.account_id = @accountId AND r.person_id = f.rowid
     CROSS JOIN people p ON p.id = f.rowid
     WHERE people_fts MATCH @match
     ORDER BY f.rank
     LIMIT @limit`,
  );
  // Bios and notes are the fallback after names: the first matches will do. Ranking them (bm25
  // over every match of a common word) cost 20 ms at 100k people; the word search keeps ranking.
  const wordHits = db
    .prepare(
      `SELECT r.person_id
       FROM people_fts f
       CROSS JOIN relationships r ON r.account_id = @accountId AND r.person_id = f.rowid
       WHERE people_fts MATCH @match
       LIMIT @limit`,
    )
    .pluck();
  const tagHits = db
    .prepare(
      `SELECT DISTINCT pt.person_id
       FROM tags g CROSS JOIN person_tags pt ON pt.tag_id = g.id
       WHERE g.account_id = @accountId AND g.name LIKE @pattern ESCAPE '\\'
       ORDER BY pt.person_id
       LIMIT @limit`,
    )
    .pluck();

  function names(accountId: number, words: string[], limit: number): RankedName[] {
    const long = words.filter((word) => [...word].length >= 3);
    let rows: NameRow[];
    if (long.length === 0) {
      const match = toFtsQuery(words.join(' '));
      if (match === null) return [];
      rows = shortNameRows.all({ accountId, match: `{handle display_name} : (${match})`, limit: NAME_CANDIDATES }) as NameRow[];
    } else {
      // Exact substrings first: they rank best and must not be crowded out of the candidates.
      const exact = nameRows.all({ accountId, match: long.map(quote).join(' AND '), limit: NAME_CANDIDATES }) as NameRow[];
      let fuzzy: NameRow[] = [];
      // A handful of exact hits is what was meant; fewer, and typos are looked for too.
      if (exact.length < EXACT_ENOUGH) {
        const match = long.map((word) => `(${untouchedPieces(word).map(quote).join(' OR ')})`).join(' AND ');
        const ids = pieceIds.all({ match, limit: NAME_CANDIDATES }) as number[];
        fuzzy = namesOf.all({ accountId, ids: JSON.stringify(ids) }) as NameRow[];
      }
      rows = [...exact, ...fuzzy];
    }
    const seen = new Set<number>();
    const ranked: RankedName[] = [];
    for (const row of rows) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      const rank = rankName(row, words);
      if (rank) ranked.push(rank);
    }
    ranked.sort((a, b) => a.distance - b.distance || a.startsWord - b.startsWord || a.id - b.id);
    return ranked.slice(0, limit);
  }

  return {
    find(accountId: number, query: string, limit = FIND_DEFAULT_LIMIT): PersonMatch[] {
      const words = queryWords(query);
      if (words.length === 0) return [];
      const found = new Map<number, MatchReason>();
      const add = (ids: readonly number[], reason: MatchReason) => {
        for (const id of ids) if (found.size < limit && !found.has(id)) found.set(id, reason);
      };
      for (const name of names(accountId, words, limit)) add([name.id], name.matched);
      const match = toFtsQuery(query);
      if (found.size < limit && words.length === 1) {
        const pattern = `${(words[0] ?? '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        add(tagHits.all({ accountId, pattern, limit }) as number[], 'tag');
      }
      if (match !== null && found.size < limit) add(wordHits.all({ accountId, match: `{notes} : (${match})`, limit }) as number[], 'note');
      if (match !== null && found.size < limit) add(wordHits.all({ accountId, match: `{bio} : (${match})`, limit }) as number[], 'bio');
      const cards = peopleQueryRepo(db).cards(accountId, [...found.keys()]);
      return cards.map((card) => ({ card, matched: found.get(card.personId) ?? 'name' }));
    },
  };
});

export type PersonFinder = ReturnType<typeof personFinder>;
