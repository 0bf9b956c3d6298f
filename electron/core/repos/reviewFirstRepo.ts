// Who Review shows before anyone else: new followers who replied to me, mentioned or quoted me
// (any conversation kind) before they followed. They came because of a conversation, which is the
// strongest reason to look at them now. The walk starts from the account's engaged people
// (interaction_people: far fewer than the followers) and checks their rows within retention.
import type Database from 'better-sqlite3';
import type { PersonCard } from '../../../shared/domain';
import { CONVERSATION_KINDS } from '../../../shared/interactions';
import { NOT_SNOOZED } from './boardSnooze';
import { perDatabase } from './perDatabase';
import { PERSON_CARD_COLUMNS, toPersonCard, type PersonCardRow } from './personCardRow';

const CONVERSATION_SQL = CONVERSATION_KINDS.map((kind) => `'${kind}'`).join(', ');

const statements = perDatabase((db: Database.Database) => ({
  spokeFirst: db.prepare(
    `SELECT ${PERSON_CARD_COLUMNS}
     FROM interaction_people ip
     CROSS JOIN people p ON p.network = @network AND p.remote_id = ip.person_remote_id
     CROSS JOIN triage t ON t.account_id = ip.account_id AND t.person_id = p.id
     JOIN relationships r ON r.account_id = t.account_id AND r.person_id = t.person_id
     WHERE ip.account_id = @accountId AND t.stage = 'new' ${NOT_SNOOZED}
       AND r.follows_me = 1 AND ip.first_at < r.followed_me_at
       AND EXISTS (SELECT 1 FROM interactions i
                   WHERE i.account_id = ip.account_id AND i.person_remote_id = ip.person_remote_id
                     AND i.direction = 'theirs' AND i.kind IN (${CONVERSATION_SQL}) AND i.at < r.followed_me_at)
     ORDER BY r.followed_me_at DESC, t.person_id DESC
     LIMIT @limit`,
  ),
}));

/** New followers (not snoozed) who spoke to me before following, most recent follow first. */
export function spokeBeforeFollowingCards(db: Database.Database, accountId: number, network: string, limit: number): PersonCard[] {
  return (statements(db).spokeFirst.all({ accountId, network, limit }) as PersonCardRow[]).map(toPersonCard);
}
