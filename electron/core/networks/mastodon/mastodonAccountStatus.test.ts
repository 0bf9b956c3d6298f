// Mastodon's answers about accounts that went away, read through the real provider against the
// fake instance: suspended (blanked account, or 410 once its data is gone), deleted (404), moved
// (`moved` set), with and without the batch lookup of Mastodon 4.3.
import { afterEach, describe, expect, it } from 'vitest';
import { startMastodonKit, type MastodonKit } from '../../../../test/fakes/mastodon/mastodonTestKit';

let kit: MastodonKit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

async function statesOf(k: MastodonKit, ids: string[]): Promise<Record<string, unknown>> {
  const answers = await k.provider.accountStatus(ids.map((id) => k.remoteId(id)));
  return Object.fromEntries(answers.map((a) => [a.remoteId, a.movedTo ? `${a.state} ${a.movedTo}` : a.state]));
}

describe('MastodonProvider.accountStatus', () => {
  for (const batch of [true, false]) {
    it(`tells suspended, deleted and moved accounts apart ${batch ? 'with' : 'without'} the batch lookup`, async () => {
      kit = await startMastodonKit({ followers: 6 });
      const { fake } = kit;
      fake.knobs.batchAccounts = batch;
      const [active, suspended, final, deleted, moved, movedLocal] = fake.state.followers.map((e) => e.accountId) as string[];
      const remoteHome = fake.state.createAccount({ username: 'ada', domain: 'new.example' });
      const localHome = fake.state.createAccount({ username: 'bea', domain: null });
      fake.state.setAccountState(suspended!, 'suspended');
      fake.state.setAccountState(final!, 'suspended-final');
      fake.state.setAccountState(deleted!, 'deleted');
      fake.state.setAccountState(moved!, { movedTo: remoteHome.id });
      fake.state.setAccountState(movedLocal!, { movedTo: localHome.id });
      const host = new URL(fake.url).hostname;

      expect(await statesOf(kit, [active!, suspended!, final!, deleted!, moved!, movedLocal!])).toEqual({
        [kit.remoteId(active!)]: 'active',
        [kit.remoteId(suspended!)]: 'suspended',
        [kit.remoteId(final!)]: 'suspended',
        [kit.remoteId(deleted!)]: 'deleted',
        [kit.remoteId(moved!)]: 'moved ada@new.example',
        // A local handle is qualified with the instance's domain, like every handle Rapport stores.
        [kit.remoteId(movedLocal!)]: `moved bea@${host}`,
      });
    });
  }

  it('asks one by one only for the accounts the batch lookup left out', async () => {
    kit = await startMastodonKit({ followers: 50 });
    const { fake } = kit;
    const ids = fake.state.followers.map((e) => e.accountId);
    fake.state.setAccountState(ids[0]!, 'deleted');
    await kit.provider.accountStatus(ids.map((id) => kit!.remoteId(id)));
    expect(fake.countOf('GET /api/v1/accounts')).toBe(2);
    expect(fake.countOf('GET /api/v1/accounts/:id')).toBe(1);
  });
});
