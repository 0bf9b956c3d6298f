// What core tells main about links (externalLinks.changed), through a real core and a Mastodon
// sign-in against the fake: hosts only of accounts that exist — at start, added, removed — and a
// waiting sign-in's authorize page as that one URL, gone when the sign-in ends.
import { afterEach, describe, expect, it } from 'vitest';
import type { ExternalLinks } from '../../shared/api/events';
import { createCore } from '../../electron/core/createCore';
import type { CoreHandle } from '../../electron/core/coreTypes';
import { FakeMastodon } from '../fakes/mastodon/fakeMastodon';
import { callOk, makeTempDir, removeDir } from './coreTestKit';
import { beginMastodonSignIn, mastodonCoreOptions, signInThroughCore } from './mastodonCoreKit';

let fake: FakeMastodon;
let core: CoreHandle;
let dataDir: string;
let told: ExternalLinks[];

/** Creates core and records what it tells main, as main does: subscribed as soon as core exists. */
async function openCore(): Promise<void> {
  core = await createCore(mastodonCoreOptions(dataDir));
  told = [];
  core.onEvent(({ event, payload }) => {
    if (event === 'externalLinks.changed') told.push(payload as ExternalLinks);
  });
}

const latest = (): ExternalLinks | undefined => told[told.length - 1];

afterEach(async () => {
  await core.close();
  await fake.stop();
  removeDir(dataDir);
});

describe('externalLinks.changed', () => {
  it('names hosts of existing accounts only, and a waiting sign-in’s page only while it waits', async () => {
    fake = new FakeMastodon({ username: 'me', domain: 'fake.mastodon.test' });
    fake.state.generate({ followers: 3, following: 1, seed: 4 });
    await fake.start();
    dataDir = makeTempDir('external-links');
    await openCore();
    const host = new URL(fake.url).hostname;

    // At start, with no account: nothing to allow.
    await expect.poll(() => told.length).toBe(1);
    expect(latest()).toEqual({ hosts: [], urls: [] });

    // Begun, then cancelled: the page was allowed exactly, the host never.
    const begun = await beginMastodonSignIn(core, fake.url);
    expect(latest()).toEqual({ hosts: [], urls: [begun.authorizeUrl] });
    await callOk(core, 'cancelSignIn', { signInId: begun.signInId });
    expect(latest()).toEqual({ hosts: [], urls: [] });

    // Finished: the account exists, so its instance is a host links may open.
    const account = await signInThroughCore(core, fake);
    expect(latest()).toEqual({ hosts: [host], urls: [] });

    // A restarted core (its first sync may still run) names the hosts of the accounts it has.
    await core.close();
    await openCore();
    await expect.poll(() => told.length).toBe(1);
    expect(latest()).toEqual({ hosts: [host], urls: [] });

    // Removed: the host goes.
    await callOk(core, 'removeAccount', { accountId: account.id });
    expect(latest()).toEqual({ hosts: [], urls: [] });
  });
});
