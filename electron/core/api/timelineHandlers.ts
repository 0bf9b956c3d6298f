// getTimeline: a person's history with me, newest first, one plain sentence per event, with their
// interactions grouped per kind and day among the events.
import { accountsRepo } from '../repos/accountsRepo';
import { interactionTimeline } from '../repos/interactionTimeline';
import { requireKnownPerson } from '../repos/knownPerson';
import { TIMELINE_LIMIT, timelineRepo } from '../repos/timelineRepo';
import type { HandlerGroup } from './handlerTypes';

export const timelineHandlers: HandlerGroup = {
  getTimeline: ({ accountId, personId }, ctx) => {
    accountsRepo(ctx.db).require(accountId);
    requireKnownPerson(ctx.db, accountId, personId);
    const events = timelineRepo(ctx.db).of(accountId, personId);
    const interactions = interactionTimeline(ctx.db, accountId, personId, TIMELINE_LIMIT);
    if (interactions.length === 0) return events;
    return [...events, ...interactions]
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id))
      .slice(0, TIMELINE_LIMIT);
  },
};
