import { describe, expect, it } from 'vitest';
import { useHandlerTest, type HandlerTest } from '../repos/handlerTestKit';
import { addTestAccount, errorCodeOf, runHandler } from '../repos/testFixtures';
import { savedFiltersHandlers } from './savedFiltersHandlers';

let { t, ctx, accountId } = {} as HandlerTest;
useHandlerTest({}, (h) => ({ t, ctx, accountId } = h));

const save = (name: string, filter: object, account = accountId) =>
  runHandler(savedFiltersHandlers, 'saveFilter', { accountId: account, name, filter }, ctx);
const list = (account = accountId) => runHandler(savedFiltersHandlers, 'listSavedFilters', { accountId: account }, ctx);

describe('saved filters', () => {
  it('survive a restart, listed A→Z with the filter as saved', async () => {
    await save('Spammy', { signals: ['follow-bait', 'mass-following'], stages: ['new'] });
    await save('  bakers ', { query: 'sourdough', relationship: 'followsMe', followedMeAfter: '2026-01-01T00:00:00.000Z' });
    t.reopen();
    const filters = await list();
    expect(filters.map((f) => f.name)).toEqual(['bakers', 'Spammy']);
    expect(filters[1]).toMatchObject({ accountId, filter: { signals: ['follow-bait', 'mass-following'], stages: ['new'] } });
    expect(filters[0]?.filter).toEqual({ query: 'sourdough', relationship: 'followsMe', followedMeAfter: '2026-01-01T00:00:00.000Z' });
  });

  it('refuses a second filter of the same name (ignoring case) with a sentence, per account', async () => {
    await save('Friends', { tags: ['friend'] });
    const clash = save('friends', {});
    await expect(clash).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already a saved filter named “friends”') });
    const other = addTestAccount(t.db, 'other');
    await save('Friends', {}, other);
    expect((await list(other)).map((f) => f.name)).toEqual(['Friends']);
    expect(await list()).toHaveLength(1);
  });

  it('deletes by id, NOT_FOUND the second time', async () => {
    const saved = await save('Old', {});
    expect(await runHandler(savedFiltersHandlers, 'deleteSavedFilter', { filterId: saved.id }, ctx)).toEqual({ deleted: true });
    expect(await list()).toEqual([]);
    expect(await errorCodeOf(runHandler(savedFiltersHandlers, 'deleteSavedFilter', { filterId: saved.id }, ctx))).toBe('NOT_FOUND');
  });

  it('reads a stored filter it cannot validate as an empty filter instead of failing the list', async () => {
    t.db.prepare("INSERT INTO saved_filters (account_id, name, filter_json, created_at) VALUES (?, 'Hand-edited', '{\"stages\":[\"maybe\"]}', 'x')").run(accountId);
    expect(await list()).toEqual([expect.objectContaining({ name: 'Hand-edited', filter: {} })]);
    expect(await errorCodeOf(list(999))).toBe('NOT_FOUND');
  });
});
