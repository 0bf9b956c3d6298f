// The provider's write side against the fake: follow (locked accounts stay pending until they
// approve), unfollow, direct messages with an Idempotency-Key surviving a lost answer, private
// notes, familiar followers and media downloads.
import { afterEach, describe, expect, it } from 'vitest';
import { NetworkFailure } from '../../net/networkFailure';
import { startMastodonKit, type MastodonKit } from '../../../../test/fakes/mastodon/mastodonTestKit';
import { rapportError } from '../../../../test/rapportErrorOf';

let kit: MastodonKit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

describe('MastodonProvider actions', () => {
  it('follows back an open account at once and unfollows by account id', async () => {
    kit = await startMastodonKit({ followers: 3, lockedShare: 0 });
    const { fake, provider } = kit;
    const target = fake.state.followers[0]!.accountId;
    expect(await provider.follow(kit.remoteId(target), 'k1')).toEqual({ followRef: null, pending: false });
    expect(fake.state.isFollowing(target)).toBe(true);
    expect((await provider.getRelationships([kit.remoteId(target)]))[0]).toMatchObject({ followsMe: true, iFollow: true, requested: false });
    await provider.unfollow(kit.remoteId(target), null);
    expect(fake.state.isFollowing(target)).toBe(false);
  });

  it('asks to follow a locked account: pending until it accepts, then following', async () => {
    kit = await startMastodonKit({ followers: 2 });
    const { fake, provider } = kit;
    const target = fake.state.followers[0]!.accountId;
    fake.state.accounts.get(target)!.locked = true;
    const id = kit.remoteId(target);
    expect(await provider.follow(id, 'k2')).toEqual({ followRef: null, pending: true });
    expect((await provider.getRelationships([id]))[0]).toMatchObject({ iFollow: false, requested: true });
    expect(fake.state.isFollowing(target)).toBe(false);
    fake.state.acceptFollowRequest(target);
    expect((await provider.getRelationships([id]))[0]).toMatchObject({ iFollow: true, requested: false });
    // A locked account's profile says so, for the card's "Requested" state.
    const [profile] = await provider.getProfiles([id]);
    expect(profile?.mastodon.locked).toBe(true);
  });

  it('a follow whose answer was lost surfaces as ambiguous; the relationship then shows it applied', async () => {
    kit = await startMastodonKit({ followers: 2, lockedShare: 0 });
    const { fake, provider } = kit;
    const target = fake.state.followers[1]!.accountId;
    fake.knobs.dropAfterCommit = { count: 1, routes: ['POST /api/v1/accounts/:id/follow'] };
    const error = await rapportError(provider.follow(kit.remoteId(target), 'k3'));
    expect(error).toBeInstanceOf(NetworkFailure);
    expect((error as NetworkFailure).details.ambiguous).toBe(true);
    expect(fake.countOf('POST /api/v1/accounts/:id/follow')).toBe(1);
    expect((await provider.getRelationships([kit.remoteId(target)]))[0]?.iFollow).toBe(true);
  });

  it('sends a direct message that mentions the person, and a re-send after a lost answer posts it once', async () => {
    kit = await startMastodonKit({ followers: 2 });
    const { fake, provider } = kit;
    const target = fake.state.followers[0]!.accountId;
    const acct = fake.state.accounts.get(target)!.acct;
    fake.knobs.dropAfterCommit = { count: 1, routes: ['POST /api/v1/statuses'] };
    const lost = await rapportError(provider.sendDm(kit.remoteId(target), 'Thanks for the follow!', 'dm-key-1'));
    expect((lost as NetworkFailure).details.ambiguous).toBe(true);
    // The outbox retries with the same key: the server answers with the status it already has.
    const retried = await provider.sendDm(kit.remoteId(target), 'Thanks for the follow!', 'dm-key-1');
    const dms = fake.state.directMessagesTo(target);
    expect(dms).toHaveLength(1);
    expect(retried.messageId).toBe(kit.remoteId(dms[0]!.id));
    expect(dms[0]!.visibility).toBe('direct');
    expect(dms[0]!.content).toBe(`<p>@${acct} Thanks for the follow!</p>`);
    expect(fake.countOf('POST /api/v1/statuses')).toBe(2);
    // A different key is a different message.
    await provider.sendDm(kit.remoteId(target), `@${acct} and one more`, 'dm-key-2');
    expect(fake.state.directMessagesTo(target).map((s) => s.content)).toEqual([`<p>@${acct} Thanks for the follow!</p>`, `<p>@${acct} and one more</p>`]);
  });

  it('refuses an empty message, and reports the server refusing one', async () => {
    kit = await startMastodonKit({ followers: 1 });
    const id = kit.remoteId(kit.fake.state.followers[0]!.accountId);
    expect((await rapportError(kit.provider.sendDm(id, '   ', 'k'))).code).toBe('INVALID_INPUT');
    const tooLong = await rapportError(kit.provider.sendDm(id, 'x'.repeat(600), 'k-long'));
    expect(tooLong.code).toBe('INVALID_INPUT');
    expect(tooLong.message).toBe('Your Mastodon server refused the request (Validation failed: Text character limit of 500 exceeded).');
  });

  it('mirrors a note to the private account note, and needs write:accounts for it', async () => {
    kit = await startMastodonKit({ followers: 1 });
    const target = kit.fake.state.followers[0]!.accountId;
    await kit.provider.setNote(kit.remoteId(target), 'Met at FOSDEM');
    expect(kit.fake.state.notes.get(target)).toBe('Met at FOSDEM');
    expect((await kit.provider.getRelationships([kit.remoteId(target)]))[0]?.note).toBe('Met at FOSDEM');
    await kit.close();

    kit = await startMastodonKit({ followers: 1, scopes: 'read:accounts read:follows write:follows read:statuses write:statuses' });
    const other = kit.fake.state.followers[0]!.accountId;
    const refused = await rapportError(kit.provider.setNote(kit.remoteId(other), 'x'));
    expect(refused.code).toBe('CONFLICT');
    expect(kit.fake.state.notes.size).toBe(0);
  });

  it('lists familiar followers: people you follow who follow them too', async () => {
    kit = await startMastodonKit({ followers: 5, following: 5 });
    const { fake, provider } = kit;
    const target = fake.state.followers[fake.state.followers.length - 1]!.accountId;
    const [friend, stranger] = fake.state.following.map((e) => e.accountId);
    fake.state.accounts.get(target)!.followedBy.add(friend!).add(stranger!);
    fake.state.unfollow(stranger!);
    const [entry] = await provider.familiarFollowers([kit.remoteId(target)]);
    expect(entry?.remoteId).toBe(kit.remoteId(target));
    expect(entry?.accounts.map((a) => a.remoteId)).toEqual([kit.remoteId(friend!)]);
  });

  it('downloads avatars as images only', async () => {
    kit = await startMastodonKit({ followers: 1 });
    const [edge] = (await kit.provider.listFollowers(null, 80)).items;
    const media = await kit.provider.fetchMedia(edge!.profile.avatarUrl!);
    expect(media.contentType).toBe('image/png');
    expect(media.bytes.byteLength).toBeGreaterThan(0);
    expect((await rapportError(kit.provider.fetchMedia('http://example.com/a.png'))).code).toBe('INVALID_INPUT');
  });
});
