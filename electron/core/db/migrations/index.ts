// Every migration, in order. Add a new version by adding a file NNNN-short-name.ts and listing it
// here; never edit or reorder a released one.
import type { Migration } from '../migration';
import { initialSchema } from './0001-initial-schema';
import { deferrableSearchDelete } from './0002-deferrable-search-delete';
import { unicodeNameSort } from './0003-unicode-name-sort';
import { credentialsAndOutboxSchedule } from './0004-credentials-and-outbox-schedule';
import { triageAndMastodonProfiles } from './0005-triage-and-mastodon-profiles';
import { goneReasons } from './0006-gone-reasons';
import { networksAndPersonExtras } from './0007-networks-and-person-extras';
import { signalsDue } from './0008-signals-due';
import { nameTrigramSearch } from './0009-name-trigram-search';
import { forgottenDecisions } from './0010-forgotten-decisions';
import { peopleByFollowRank } from './0011-people-by-follow-rank';
import { syncRunLastProgress } from './0012-sync-run-last-progress';
import { interactions } from './0013-interactions';
import { outboxOpenedOnSite } from './0014-outbox-opened-on-site';
import { postsCheckedAt } from './0015-posts-checked-at';
import { engagementSignal } from './0016-engagement-signal';
import { engagedCardsIndex } from './0017-engaged-cards-index';
import { interactionsToCount } from './0018-interactions-to-count';

export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  deferrableSearchDelete,
  unicodeNameSort,
  credentialsAndOutboxSchedule,
  triageAndMastodonProfiles,
  goneReasons,
  networksAndPersonExtras,
  signalsDue,
  nameTrigramSearch,
  forgottenDecisions,
  peopleByFollowRank,
  syncRunLastProgress,
  interactions,
  outboxOpenedOnSite,
  postsCheckedAt,
  engagementSignal,
  engagedCardsIndex,
  interactionsToCount,
];

/** The schema version this build of Rapport writes. */
export const LATEST_SCHEMA_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
