// What every read of cards for the window does besides the query: the cards get their tags, last
// message and signal chips (kept in other tables, fetched once per page), and the bus hears which
// cards were read (on-demand avatars follow). Board reads and people queries also wake the
// account's due snoozes first, so a card whose snooze ended is back in New before columns are
// counted or paged; handlers call wakeDueSnoozes themselves, where it belongs in their steps.
import type { PersonCard } from '../../../shared/domain';
import { withCardExtras } from '../repos/cardExtras';
import type { CoreContext } from './handlerTypes';

export function cardsForWindow<T extends PersonCard>(ctx: CoreContext, accountId: number, cards: T[]): T[] {
  const read = withCardExtras(ctx.db, accountId, cards, ctx.now());
  ctx.bus.emit('cardsRead', { accountId, cards: read });
  return read;
}
