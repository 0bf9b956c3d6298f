// 0017 — the "Engages with you" view reads only the cards of people who engaged. Its filter is
// triage.sort_engagement > 0, which 0013's triage_by_engagement (account, stage, engagement) can
// only test entry by entry across every card of the account, stage by stage. A partial index holds
// just the engaged cards, in engagement order, so the view starts from them (bench/interactionsBench:
// about a third less work over 100k followers, 1M interactions), and it costs nothing to keep for
// the many cards with no engagement.
import type Database from 'better-sqlite3';
import type { Migration } from '../migration';

export const engagedCardsIndex: Migration = {
  version: 17,
  name: 'engaged-cards-index',
  up(db: Database.Database): void {
    db.exec(`CREATE INDEX triage_engaged ON triage (account_id, sort_engagement DESC, person_id DESC) WHERE sort_engagement > 0;`);
  },
};

export default engagedCardsIndex;
