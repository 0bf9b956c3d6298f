// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { RapportError } from '../../shared/api/errors';
import { closeAllCoreApis, openCoreApi } from '../../test/renderer/coreApi';
import { seedAccount } from '../../test/renderer/seedCore';
import { rapportClient } from './rapportClient';

afterEach(async () => {
  delete window.rapport;
  await closeAllCoreApis();
});

describe('rapportClient', () => {
  it('unwraps a successful envelope into its value', async () => {
    const api = await openCoreApi();
    const account = await seedAccount(api);
    window.rapport = api;
    await expect(rapportClient.listAccounts()).resolves.toEqual([account]);
  });

  it('turns an error envelope into a RapportError with its code and message', async () => {
    window.rapport = await openCoreApi();
    const failure = rapportClient.getBoardCounts(42);
    await expect(failure).rejects.toBeInstanceOf(RapportError);
    await expect(failure).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/\S/) });
  });

  it('reports a missing bridge as an INTERNAL RapportError instead of crashing', async () => {
    await expect(rapportClient.listAccounts()).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('delivers events to subscribers until they unsubscribe', async () => {
    const api = await openCoreApi();
    window.rapport = api;
    const seen: number[] = [];
    const unsubscribe = rapportClient.subscribe('people.changed', (p) => seen.push(p.accountId));
    api.emit('people.changed', { accountId: 1, personIds: null });
    unsubscribe();
    api.emit('people.changed', { accountId: 2, personIds: null });
    expect(seen).toEqual([1]);
  });
});
