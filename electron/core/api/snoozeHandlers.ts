// snooze: a card leaves the board for a while and comes back to New with a badge. Waking due
// snoozes is a duty of every board read (see triageDuties), so there is no timer to keep.
import { RapportError } from '../../../shared/api/errors';
import { accountsRepo } from '../repos/accountsRepo';
import { peopleRepo } from '../repos/peopleRepo';
import { snoozeRepo } from '../repos/snoozeRepo';
import type { CoreContext, HandlerGroup } from './handlerTypes';

/** Brings the account's due snoozes back to New and tells the renderer who came back. */
export function wakeDueSnoozes(ctx: CoreContext, accountId: number): number {
  const woken = snoozeRepo(ctx.db).wakeDue(accountId, ctx.now());
  if (woken.length > 0) ctx.emit('people.changed', { accountId, personIds: woken.map((p) => p.personId) });
  return woken.length;
}

export const snoozeHandlers: HandlerGroup = {
  snooze: ({ accountId, personId, snooze }, ctx) => {
    accountsRepo(ctx.db).require(accountId);
    if (!snoozeRepo(ctx.db).set(accountId, personId, snooze, ctx.now())) {
      throw new RapportError('NOT_FOUND', 'Only people on the board can be snoozed, and this person is not on it.');
    }
    ctx.emit('people.changed', { accountId, personIds: [personId] });
    const card = peopleRepo(ctx.db).card(accountId, personId, ctx.now());
    if (!card) throw new RapportError('NOT_FOUND', 'That person is not on this board any more.');
    return card;
  },
};
