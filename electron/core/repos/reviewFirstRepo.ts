// Who Review shows before anyone else: new followers who replied to me, mentioned or quoted me
// (any conversation kind) before they followed (spokeFirstSql.ts). They came because of a
// conversation, which is the strongest reason to look at them now. Only the newest REVIEW_FIRST_REACH cards of New are looked
// at — more than a Review session goes through — so the read stays a few milliseconds on an
// account with 100,000 followers and a million interactions, where most people may qualify.
import type Database from 'better-sqlite3';
import type { PersonCard } from '../../../shared/domain';
import { NOT_SNOOZED } from './boardSnooze';
import { perDatabase } from './perDatabase';
import { PERSON_CARD_COLUMNS, PERSON_CARD_JOINS, toPersonCard, type PersonCardRow } from './personCardRow';
import { spokeBeforeFollowingSql } from './spokeFirstSql';

export const REVIEW_FIRST_REACH = 5_000;

const statements = perDatabase((db: Database.Database) => ({
  // Walks New in follow order (triage_by_rank) and stops at the limit; the reach bound is the rank
  // of the REVIEW_FIRST_REACH-th newest card. sort_engagement > 0 skips everyone who never engaged
  // without reading their interactions.
  spokeFirst: db.prepare(
    `SELECT ${PERSON_CARD_COLUMNS}
     FROM triage t ${PERSON_CARD_JOINS}
     WHERE t.account_id = @accountId AND t.stage = 'new' ${NOT_SNOOZED}
       AND t.sort_rank >= ifnull((SELECT t.sort_rank FROM triage t
                                  WHERE t.account_id = @accountId AND t.stage = 'new' ${NOT_SNOOZED}
                                  ORDER BY t.sort_rank DESC, t.person_id DESC LIMIT 1 OFFSET @reach - 1), -1e308)
       AND t.sort_engagement > 0 AND r.follows_me = 1
       AND ${spokeBeforeFollowingSql('p', 'r')}
     ORDER BY t.sort_rank DESC, t.person_id DESC
     LIMIT @limit`,
  ),
}));

/** New followers (not snoozed) who spoke to me before following, most recent follow first. */
export function spokeBeforeFollowingCards(db: Database.Database, accountId: number, limit: number): PersonCard[] {
  return (statements(db).spokeFirst.all({ accountId, limit, reach: REVIEW_FIRST_REACH }) as PersonCardRow[]).map(toPersonCard);
}
