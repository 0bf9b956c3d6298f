// On Mastodon, whose follower list carries no follow date, the follow notification dates the
// follow: a stranger who replied to me and then followed is marked as having spoken first, on
// the card and at the head of Review; a follower who replied only afterwards is not.
import { afterEach, describe, expect, it } from 'vitest';
import { callOk, syncEnd } from '../../../../test/core/coreTestKit';
import { startMastodonCore, type MastodonCoreKit } from '../../../../test/core/mastodonCoreKit';

let kit: MastodonCoreKit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString();

async function syncAgain(k: MastodonCoreKit): Promise<void> {
  const ended = syncEnd(k.core, k.account.id);
  for (;;) {
    if ((await k.core.call('startSync', { accountId: k.account.id, full: true })).ok) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect((await ended).state).toBe('done');
}

describe('Mastodon: replied before following', () => {
  it('is told from the follow notification, on the card and first in Review', async () => {
    kit = await startMastodonCore({ followers: 3, following: 1, label: 'masto-spoke-first' });
    const { fake } = kit;
    const stranger = fake.state.createAccount({ username: 'ada', displayName: 'Ada', domain: 'elsewhere.example' });
    fake.state.addNotification('mention', stranger.id, { text: 'Great thread!', repliesToMe: true, createdAt: daysAgo(5) });
    fake.state.addFollower(stranger.id);
    fake.state.addNotification('follow', stranger.id, { createdAt: daysAgo(4) });
    const late = fake.state.followers[0]!.accountId;
    fake.state.addNotification('follow', late, { createdAt: daysAgo(6) });
    fake.state.addNotification('mention', late, { text: 'Thanks for the follow back', repliesToMe: true, createdAt: daysAgo(3) });
    await syncAgain(kit);

    const accountId = kit.account.id;
    const column = await callOk(kit.core, 'getBoardPage', { accountId, stage: 'new', sort: 'engaged', limit: 10 });
    const card = (personId: number) => column.items.find((c) => c.personId === personId);
    expect(card(kit.personId(stranger.id))?.engagement).toMatchObject({ repliedBeforeFollowing: true });
    expect(card(kit.personId(late))?.engagement).toMatchObject({ repliedBeforeFollowing: false });
    expect((await callOk(kit.core, 'getReviewFirst', { accountId })).map((c) => c.personId)).toEqual([kit.personId(stranger.id)]);
  });
});
