// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { RapportError } from '../../shared/api/errors';
import { InMemoryRapportApi, sampleAccount } from '../testing/inMemoryRapportApi';
import { rapportClient } from './rapportClient';

afterEach(() => {
  delete window.rapport;
});

describe('rapportClient', () => {
  it('unwraps a successful envelope into its value', async () => {
    window.rapport = new InMemoryRapportApi({ accounts: [sampleAccount()] });
    await expect(rapportClient.listAccounts()).resolves.toEqual([sampleAccount()]);
  });

  it('turns an error envelope into a RapportError with its code and message', async () => {
    window.rapport = new InMemoryRapportApi();
    const failure = rapportClient.getBoardCounts(42);
    await expect(failure).rejects.toBeInstanceOf(RapportError);
    await expect(failure).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'No account 42' });
  });

  it('reports a missing bridge as an INTERNAL RapportError instead of crashing', async () => {
    await expect(rapportClient.listAccounts()).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('delivers events to subscribers until they unsubscribe', () => {
    const api = new InMemoryRapportApi();
    window.rapport = api;
    const seen: number[] = [];
    const unsubscribe = rapportClient.subscribe('people.changed', (p) => seen.push(p.accountId));
    api.emit('people.changed', { accountId: 1, personIds: null });
    unsubscribe();
    api.emit('people.changed', { accountId: 2, personIds: null });
    expect(seen).toEqual([1]);
  });
});
