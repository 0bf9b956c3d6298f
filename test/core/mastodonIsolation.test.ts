// One Bluesky and one Mastodon account in one database: every per-account query answers with that
// account's people, stages and actions only, and removing one leaves the other whole.
import { afterEach, describe, expect, it } from 'vitest';
import type { Account, PersonCard, Stage } from '../../shared/domain';
import { FakeBluesky } from '../fakes/bluesky/fakeBluesky';
import { FAKE_APP_PASSWORD, FAKE_HANDLE, settled, waitForAction } from './blueskyCoreKit';
import { callOk, signInAtOnce, syncEnd } from './coreTestKit';
import { startMastodonCore, type MastodonCoreKit } from './mastodonCoreKit';

let kit: MastodonCoreKit | null = null;
let bluesky: FakeBluesky | null = null;
afterEach(async () => {
  await kit?.close();
  await bluesky?.stop();
  kit = null;
  bluesky = null;
});

const STAGES: Stage[] = ['new', 'evaluated', 'connected', 'declined'];

async function everyCard(k: MastodonCoreKit, accountId: number): Promise<PersonCard[]> {
  const cards: PersonCard[] = [];
  for (const stage of STAGES) {
    const page = await callOk(k.core, 'getBoardPage', { accountId, stage, sort: 'newest', limit: 200 });
    cards.push(...page.items);
  }
  return cards;
}

function networksOf(k: MastodonCoreKit, cards: PersonCard[]): string[] {
  const ids = cards.map((c) => c.personId).join(',');
  return k.query<{ network: string }>(`SELECT DISTINCT network FROM people WHERE id IN (${ids})`).map((r) => r.network);
}

describe('a Bluesky and a Mastodon account side by side', () => {
  it('never returns one account’s people, stages or actions for the other', async () => {
    kit = await startMastodonCore({ followers: 30, following: 6, label: 'masto-isolation' });
    const { core } = kit;
    const mastodon = kit.account;
    bluesky = new FakeBluesky({ handle: FAKE_HANDLE, password: FAKE_APP_PASSWORD });
    bluesky.state.generate({ followers: 25, follows: 5, seed: 4 });
    await bluesky.start();
    const blueskySynced = new Promise<void>((resolve) =>
      core.onEvent(({ event, payload }) => {
        const p = payload as { accountId?: number; state?: string };
        if (event === 'sync.progress' && p.state !== 'running' && p.accountId !== mastodon.id) resolve();
      }),
    );
    const blue: Account = await signInAtOnce(core, { network: 'bluesky', identifier: FAKE_HANDLE, appPassword: FAKE_APP_PASSWORD, serviceUrl: bluesky.url });
    await blueskySynced;
    expect((await callOk(core, 'listAccounts', {})).map((a) => a.network).sort()).toEqual(['bluesky', 'mastodon']);

    const mastodonCards = await everyCard(kit, mastodon.id);
    const blueskyCards = await everyCard(kit, blue.id);
    expect(mastodonCards).toHaveLength(30);
    expect(blueskyCards).toHaveLength(25);
    expect(networksOf(kit, mastodonCards)).toEqual(['mastodon']);
    expect(networksOf(kit, blueskyCards)).toEqual(['bluesky']);
    const mastodonCounts = await callOk(core, 'getBoardCounts', { accountId: mastodon.id });
    expect(Object.values(mastodonCounts).reduce((a, b) => a + b, 0)).toBe(30);

    // A person of one account is not found through the other.
    const someone = mastodonCards[0]!;
    expect(await core.call('getProfile', { accountId: blue.id, personId: someone.personId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.call('moveCard', { accountId: blue.id, personId: someone.personId, stage: 'declined' })).toMatchObject({ ok: false });
    const search = await callOk(core, 'searchPeople', { accountId: blue.id, query: someone.handle.split('@')[0]! });
    expect(search.filter((c) => c.personId === someone.personId)).toEqual([]);

    // Stages and actions stay with their account.
    const target = mastodonCards.find((c) => c.stage === 'new' && !c.iFollow)!;
    const moved = await callOk(core, 'moveCard', { accountId: mastodon.id, personId: target.personId, stage: 'connected' });
    expect((await waitForAction(core, mastodon.id, moved.action!.id, settled)).status).toBe('done');
    expect(await callOk(core, 'listActions', { accountId: blue.id })).toEqual([]);
    expect(await callOk(core, 'getBoardCounts', { accountId: blue.id })).toEqual(
      Object.fromEntries(STAGES.map((s) => [s, blueskyCards.filter((c) => c.stage === s).length])),
    );

    // Removing the Mastodon account leaves the Bluesky board whole.
    await callOk(core, 'removeAccount', { accountId: mastodon.id });
    expect((await everyCard(kit, blue.id)).map((c) => c.personId).sort()).toEqual(blueskyCards.map((c) => c.personId).sort());
    expect(kit.query("SELECT count(*) AS n FROM people WHERE network = 'mastodon'")).toEqual([{ n: 0 }]);
    expect(kit.query('SELECT count(*) AS n FROM credentials')).toEqual([{ n: 1 }]);
    const ended = syncEnd(core, blue.id);
    await callOk(core, 'startSync', { accountId: blue.id });
    expect((await ended).state).toBe('done');
  });
});
