// The user chooses how long interactions are kept: a shorter retention deletes older rows at once,
// on every account, and the card counts stay; the choice holds for the next walk.
import { describe, expect, it } from 'vitest';
import { useHandlerTest, type HandlerTest } from '../repos/handlerTestKit';
import { interactionCutoff } from '../repos/interactionRetention';
import { interactionsRepo } from '../repos/interactionsRepo';
import { addTestAccount, runHandler } from '../repos/testFixtures';
import { interactionRetentionHandlers } from './interactionRetentionHandlers';

let { t, ctx, accountId } = {} as HandlerTest;
useHandlerTest({ followers: 1 }, (h) => {
  ({ t, ctx, accountId } = h);
});

const daysAgo = (n: number): string => new Date(ctx.now() - n * 86_400_000).toISOString();

describe('interaction retention setting', () => {
  it('is a year by default, and a shorter one deletes older rows at once on every account while counts stay', async () => {
    expect(await runHandler(interactionRetentionHandlers, 'getInteractionRetention', {}, ctx)).toEqual({ days: 365, defaultDays: 365 });
    const other = addTestAccount(t.db, 'other');
    for (const account of [accountId, other]) {
      interactionsRepo(t.db).store(account, [
        { key: 'old', personRemoteId: 'p0', kind: 'like', direction: 'theirs', at: daysAgo(100), link: null, excerpt: null },
        { key: 'new', personRemoteId: 'p0', kind: 'reply', direction: 'theirs', at: daysAgo(3), link: null, excerpt: 'hi' },
      ]);
    }

    expect(await runHandler(interactionRetentionHandlers, 'setInteractionRetention', { days: 30 }, ctx)).toEqual({ days: 30, defaultDays: 365 });
    expect(t.db.prepare('SELECT account_id, item_key FROM interactions ORDER BY 1').all()).toEqual([
      { account_id: accountId, item_key: 'new' },
      { account_id: other, item_key: 'new' },
    ]);
    expect(interactionsRepo(t.db).countsFor(accountId, ['p0']).get('p0')?.map((c) => [c.kind, c.count]).sort()).toEqual([
      ['like', 1],
      ['reply', 1],
    ]);
    expect(await runHandler(interactionRetentionHandlers, 'getInteractionRetention', {}, ctx)).toMatchObject({ days: 30 });
    // The walk reads the same setting.
    expect(interactionCutoff(t.db, ctx.now())).toBe(daysAgo(30));
  });

  it('refuses less than a week or more than ten years, and keeps the setting', async () => {
    for (const days of [0, 6, 3651, 10.5]) {
      await expect(runHandler(interactionRetentionHandlers, 'setInteractionRetention', { days }, ctx)).rejects.toThrow(/days|expected/);
    }
    expect(await runHandler(interactionRetentionHandlers, 'getInteractionRetention', {}, ctx)).toMatchObject({ days: 365 });
  });
});
