// 0018 — every stored page of interactions raises the engagement of the people in it, and 0013's
// interaction_people_by_engagement (account, engagement, person) moved each of them within one
// more randomly ordered B-tree: about as many written pages per commit as the rows themselves.
// Nothing reads that order any more: "Most engaged first" and "Engages with you" walk the card's
// key (triage.sort_engagement, 0013 and 0017), and interaction_people is read by its primary key
// when those keys are refreshed. Dropping it makes ingest cheaper (bench/interactionsBench) and
// changes no answer.
import type Database from 'better-sqlite3';
import type { Migration } from '../migration';

export const dropInteractionPeopleByEngagement: Migration = {
  version: 18,
  name: 'drop-interaction-people-by-engagement',
  up(db: Database.Database): void {
    db.exec('DROP INDEX IF EXISTS interaction_people_by_engagement;');
  },
};

export default dropInteractionPeopleByEngagement;
