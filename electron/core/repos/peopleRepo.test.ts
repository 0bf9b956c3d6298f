import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notesRepo } from './notesRepo';
import { outboxRepo } from './outboxRepo';
import { peopleRepo } from './peopleRepo';
import { tagsRepo } from './tagsRepo';
import { addTestAccount, addTestFollowers, addTestPosts, createTestDatabase, FIXTURE_NOW, type FixturePerson, type TestDatabase } from './testFixtures';

let t: TestDatabase;
let accountId: number;
let people: FixturePerson[];

beforeEach(() => {
  t = createTestDatabase();
  accountId = addTestAccount(t.db);
  people = addTestFollowers(t.db, accountId, 3);
});
afterEach(() => t.cleanup());

describe('peopleRepo.profile', () => {
  it('returns the cached profile with its most recent posts first', () => {
    const person = people[1]!;
    addTestPosts(t.db, person.personId, 30);
    t.db.prepare("UPDATE people SET avatar_file = 'avatars/cd/cd34.svg' WHERE id = ?").run(person.personId);
    const profile = peopleRepo(t.db).profile(accountId, person.personId, 5)!;
    expect(profile).toMatchObject({
      personId: person.personId,
      handle: person.handle,
      displayName: person.displayName,
      bio: person.bio,
      network: 'sample',
      remoteId: 'p1',
      postsCount: 3,
      joinedAt: '2020-05-01T00:00:00.000Z',
      profileUrl: 'https://sample.invalid/@p1',
      avatarUrl: 'media/avatars/cd/cd34.svg',
      stage: 'new',
    });
    expect(profile.recentPosts).toHaveLength(5);
    const dates = profile.recentPosts.map((p) => p.createdAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(profile.recentPosts[0]!.createdAt).toBe('2026-02-28T10:00:00.000Z');
  });

  it('is null for a person who is not on this account', () => {
    const other = addTestAccount(t.db, 'other');
    expect(peopleRepo(t.db).profile(other, people[0]!.personId)).toBeNull();
    expect(peopleRepo(t.db).card(accountId, 99999)).toBeNull();
    expect(peopleRepo(t.db).card(accountId, people[0]!.personId)?.personId).toBe(people[0]!.personId);
  });
});

describe('peopleRepo.profile beyond the card', () => {
  it('carries my note and tags, the Mastodon extras, shared connections and my last message', () => {
    const person = people[0]!;
    const id = person.personId;
    notesRepo(t.db).set(accountId, id, 'Met at BeeConf', FIXTURE_NOW);
    tagsRepo(t.db).set(accountId, id, ['bees', 'Berlin'], FIXTURE_NOW);
    t.db.prepare('UPDATE people SET bio_html = ? WHERE id = ?').run('<p>Bees &amp; more</p>', id);
    t.db
      .prepare(
        `INSERT INTO person_extras (person_id, data, fetched_at)
         VALUES (?, json_object('banner', json_object('url', 'https://x.example/b.jpg', 'file', 'banners/ab/banner.jpg'),
                                'fields', json(?), 'emojis', json(?)), 'x')`,
      )
      .run(
        id,
        JSON.stringify([
          { name: 'Site', valueHtml: '<a href="https://bees.example">bees.example</a>', verifiedAt: '2026-01-01T00:00:00.000Z' },
          { name: 'broken' },
          { name: 'Pronouns', valueHtml: 'she/her', verifiedAt: null },
        ]),
        JSON.stringify([
          { shortcode: 'blobcat', url: 'https://x.example/blobcat.png', file: 'emoji/cd/blobcat.png' },
          { shortcode: 'later', url: 'https://x.example/later.png', file: null },
          { shortcode: 'sneaky', url: 'https://x.example/s.png', file: '../../etc/passwd' },
        ]),
      );
    t.db
      .prepare('UPDATE relationships SET shared_connections_json = ?, shared_connections_count = 12, follow_requested = 1 WHERE person_id = ?')
      .run(
        JSON.stringify([
          { handle: 'grace.sample', displayName: 'Grace', avatarUrl: null },
          { handle: 'alan.sample', displayName: '', avatarUrl: 'https://remote.example/a.png' },
        ]),
        id,
      );
    const action = outboxRepo(t.db).enqueue({ accountId, personId: id, kind: 'dm', text: 'hi', at: FIXTURE_NOW });
    t.db
      .prepare("INSERT INTO events (account_id, person_id, kind, at, data) VALUES (?, ?, 'dm_sent', '2026-02-10T09:00:00.000Z', json_object('actionId', ?))")
      .run(accountId, id, action.id);
    t.db.prepare("INSERT INTO posts (person_id, remote_id, text, html, created_at) VALUES (?, 'm1', 'Hello', '<p>Hello</p>', ?)").run(id, FIXTURE_NOW);

    const profile = peopleRepo(t.db).profile(accountId, id)!;
    expect(profile).toMatchObject({
      note: 'Met at BeeConf',
      tags: ['bees', 'Berlin'],
      bioHtml: '<p>Bees &amp; more</p>',
      bannerUrl: 'media/banners/ab/banner.jpg',
      fields: [
        { name: 'Site', valueHtml: '<a href="https://bees.example">bees.example</a>', verifiedAt: '2026-01-01T00:00:00.000Z' },
        { name: 'Pronouns', valueHtml: 'she/her', verifiedAt: null },
      ],
      emojis: [
        { shortcode: 'blobcat', url: 'media/emoji/cd/blobcat.png' },
        { shortcode: 'later', url: null },
        { shortcode: 'sneaky', url: null },
      ],
      sharedConnections: [
        { handle: 'grace.sample', displayName: 'Grace', avatarUrl: null },
        // a remote image URL never reaches the renderer
        { handle: 'alan.sample', displayName: 'alan.sample', avatarUrl: null },
      ],
      sharedConnectionsCount: 12,
      followRequested: true,
      lastMessageAt: '2026-02-10T09:00:00.000Z',
      snoozedUntil: null,
      snoozeEndedAt: null,
    });
    expect(profile.recentPosts[0]).toMatchObject({ remoteId: 'm1', text: 'Hello', html: '<p>Hello</p>' });
  });

  it('has empty extras for a person with none, and survives malformed JSON', () => {
    const id = people[1]!.personId;
    t.db
      .prepare(`INSERT INTO person_extras (person_id, data, fetched_at) VALUES (?, '{"fields": {"not": "a list"}, "emojis": [1, 2]}', 'x')`)
      .run(id);
    expect(peopleRepo(t.db).profile(accountId, id)).toMatchObject({
      note: '',
      tags: [],
      bioHtml: null,
      bannerUrl: null,
      fields: [],
      emojis: [],
      sharedConnections: [],
      sharedConnectionsCount: null,
      followRequested: false,
      lastMessageAt: null,
    });
  });

  it('opens the profile of someone I follow who never followed me', () => {
    const followee = Number(
      t.db
        .prepare("INSERT INTO people (network, remote_id, handle, display_name, fetched_at) VALUES ('sample', 'f1', 'f1.sample', 'Fay', ?)")
        .run(FIXTURE_NOW).lastInsertRowid,
    );
    t.db.prepare("INSERT INTO relationships (account_id, person_id, i_follow, i_followed_at) VALUES (?, ?, 1, '2026-02-01T00:00:00.000Z')").run(accountId, followee);
    expect(peopleRepo(t.db).profile(accountId, followee)).toMatchObject({
      personId: followee,
      displayName: 'Fay',
      stage: 'connected',
      iFollow: true,
      followsMe: false,
      stageChangedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(peopleRepo(t.db).card(accountId, followee)).toBeNull();
  });
});
