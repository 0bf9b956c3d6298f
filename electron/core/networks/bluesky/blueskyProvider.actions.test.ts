// The provider's write side against the fake: follow (with a lost answer), unfollow, DMs through
// the chat proxy with refusals as sentences, and media downloads.
import { afterEach, describe, expect, it } from 'vitest';
import { NetworkFailure } from '../../net/networkFailure';
import { startBlueskyKit, type BlueskyKit } from '../../../../test/fakes/bluesky/blueskyTestKit';
import { rapportError } from '../../../../test/rapportErrorOf';

let kit: BlueskyKit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

describe('BlueskyProvider actions', () => {
  it('follows back with one createRecord and unfollows by the stored record key', async () => {
    kit = await startBlueskyKit({ followers: 3 });
    const { fake, provider } = kit;
    const target = fake.state.followers[0]!.did;

    const { followRef, pending } = await provider.follow(target, 'key-1');
    expect(pending).toBe(false);
    const records = fake.state.followRecordsOf(target);
    expect(records).toHaveLength(1);
    expect(followRef).toBe(fake.state.followUri(records[0]!));
    expect((await provider.getRelationships([target]))[0]).toMatchObject({ iFollow: true, followsMe: true, followRef });

    await provider.unfollow(target, followRef);
    expect(fake.state.followRecordsOf(target)).toHaveLength(0);
    expect(fake.countOf('com.atproto.repo.deleteRecord')).toBe(1);
    expect((await provider.getRelationships([target]))[0]).toMatchObject({ iFollow: false, followRef: null });
  });

  it('surfaces a follow whose answer was lost, and getRelationships then shows it exists', async () => {
    kit = await startBlueskyKit({ followers: 2 });
    const { fake, provider } = kit;
    const target = fake.state.followers[1]!.did;
    fake.knobs.dropAfterCommit = { count: 1, methods: ['com.atproto.repo.createRecord'] };

    const error = await rapportError(provider.follow(target, 'key-2'));
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error).toBeInstanceOf(NetworkFailure);
    expect((error as NetworkFailure).details.ambiguous).toBe(true);
    // Sent exactly once: a blind retry would have made a second follow record.
    expect(fake.countOf('com.atproto.repo.createRecord')).toBe(1);
    expect(fake.state.followRecordsOf(target)).toHaveLength(1);

    const [relationship] = await provider.getRelationships([target]);
    expect(relationship).toMatchObject({ iFollow: true, gone: false });
    expect(relationship?.followRef).toBe(fake.state.followUri(fake.state.followRecordsOf(target)[0]!));
  });

  it('unfollows without a stored reference by looking the record up first', async () => {
    kit = await startBlueskyKit({ followers: 0, follows: 2 });
    const { fake, provider } = kit;
    const target = fake.state.follows[0]!.did;
    await provider.unfollow(target, null);
    expect(fake.state.followRecordsOf(target)).toHaveLength(0);
    await provider.unfollow(target, null); // already gone: nothing to do, no error
    expect(fake.countOf('com.atproto.repo.deleteRecord')).toBe(1);
  });

  it('refuses a follow reference that is not our follow record', async () => {
    kit = await startBlueskyKit({ followers: 1 });
    const { fake, provider } = kit;
    const edge = fake.state.followers[0]!;
    const error = await rapportError(provider.unfollow(edge.did, fake.state.followerUri(edge)));
    expect(error.code).toBe('INVALID_INPUT');
    expect(fake.countOf('com.atproto.repo.deleteRecord')).toBe(0);
  });

  it('sends a DM through the chat proxy and reuses the conversation', async () => {
    kit = await startBlueskyKit({ followers: 2 });
    const { fake, provider } = kit;
    const target = fake.state.followers[0]!.did;
    const first = await provider.sendDm(target, 'Thanks for the follow! Loved your post on maples.', 'dm-1');
    const second = await provider.sendDm(target, 'And one more thing.', 'dm-2');
    expect(fake.state.messages.map((m) => [m.id, m.text])).toEqual([
      [first.messageId, 'Thanks for the follow! Loved your post on maples.'],
      [second.messageId, 'And one more thing.'],
    ]);
    expect(fake.countOf('chat.bsky.convo.getConvoForMembers')).toBe(1);
    expect(fake.countOf('chat.bsky.convo.getConvoAvailability')).toBe(2);
  });

  it('explains in a plain sentence when the recipient has turned messages off', async () => {
    kit = await startBlueskyKit({ followers: 2 });
    const { fake, provider } = kit;
    const target = fake.state.followers[0]!.did;
    fake.state.actors.get(target)!.allowIncoming = 'none';
    const error = await rapportError(provider.sendDm(target, 'hello', 'dm-3'));
    expect(error.message).toBe('This person has turned off direct messages.');
    expect(fake.state.messages).toHaveLength(0);
    expect(fake.countOf('chat.bsky.convo.sendMessage')).toBe(0);
  });

  it('explains NotFollowedBySender and a recipient that no longer exists', async () => {
    kit = await startBlueskyKit({ followers: 0, follows: 2 });
    const { fake, provider } = kit;
    const [picky, gone] = fake.state.follows.map((e) => e.did);
    fake.state.actors.get(picky!)!.allowIncoming = 'following';
    fake.state.setStatus(gone!, 'deactivated');
    expect((await rapportError(provider.sendDm(picky!, 'hi', 'dm-4'))).message).toBe(
      'This person only accepts messages from people they follow, and they do not follow you.',
    );
    const missing = await rapportError(provider.sendDm(gone!, 'hi', 'dm-5'));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toBe('This account no longer exists or cannot receive messages.');
  });

  it('downloads avatars and refuses non-images and oversized bodies', async () => {
    kit = await startBlueskyKit({ followers: 1 });
    const { fake, provider } = kit;
    const [edge] = (await provider.listFollowers(null, 100)).items;
    const media = await provider.fetchMedia(edge!.profile.avatarUrl!);
    expect(media.contentType).toBe('image/jpeg');
    expect(media.bytes.byteLength).toBeGreaterThan(0);

    expect((await rapportError(provider.fetchMedia(`${fake.url}/page.html`))).message).toMatch(/only images/);
    expect((await rapportError(provider.fetchMedia(`${fake.url}/img/huge.jpg`))).message).toMatch(/larger than/);
    expect((await rapportError(provider.fetchMedia('http://example.com/a.jpg'))).code).toBe('INVALID_INPUT');
  });
});
