// Review and the profile list a person's latest interactions (excerpt, https link) and their
// timeline groups them per kind and day ("Liked 5 of your posts"), never one line per like.
import { describe, expect, it } from 'vitest';
import type { InteractionDirection, InteractionItem, InteractionKind } from '../../../shared/interactions';
import { useHandlerTest, type HandlerTest } from '../repos/handlerTestKit';
import { interactionsRepo } from '../repos/interactionsRepo';
import { addTestAccount, addTestFollowers, errorCodeOf, runHandler } from '../repos/testFixtures';
import { interactionsHandlers } from './interactionsHandlers';
import { timelineHandlers } from './timelineHandlers';

let { t, ctx, accountId } = {} as HandlerTest;
let personId: number;
let remoteId: string;
useHandlerTest({ followers: 2 }, (h) => {
  ({ t, ctx, accountId } = h);
  personId = h.people[0]!.personId;
  remoteId = t.db.prepare('SELECT remote_id FROM people WHERE id = ?').pluck().get(personId) as string;
});

let keys = 0;
function interact(kind: InteractionKind, at: string, extra: { direction?: InteractionDirection; link?: string | null; excerpt?: string | null; who?: string } = {}): void {
  interactionsRepo(t.db).store(accountId, [
    {
      key: `item-${keys++}`,
      personRemoteId: extra.who ?? remoteId,
      kind,
      direction: extra.direction ?? 'theirs',
      at,
      link: extra.link ?? null,
      excerpt: extra.excerpt ?? null,
    },
  ]);
}
const list = (input: Record<string, unknown> = {}) => runHandler(interactionsHandlers, 'listInteractions', { accountId, personId, ...input }, ctx);

describe('listInteractions', () => {
  it('lists newest first with excerpts, and pages back without gaps or repeats', async () => {
    for (let i = 0; i < 7; i++) interact('like', `2026-02-10T10:0${i}:00.000Z`);
    // Two at the same instant: the page boundary must not drop or repeat either.
    interact('reply', '2026-02-11T09:00:00.000Z', { excerpt: 'Loved this', link: 'https://bsky.app/profile/x/post/1' });
    interact('mention', '2026-02-11T09:00:00.000Z', { excerpt: '@me have a look' });
    interact('reply', '2026-02-12T09:00:00.000Z', { direction: 'mine', excerpt: 'Thank you!' });
    interact('like', '2026-02-12T10:00:00.000Z', { who: 'someone-else' });

    const first = await list({ limit: 3 });
    expect(first.items.map((i) => [i.kind, i.direction, i.excerpt])).toEqual([
      ['reply', 'mine', 'Thank you!'],
      ['mention', 'theirs', '@me have a look'],
      ['reply', 'theirs', 'Loved this'],
    ]);
    expect(first.items[2]!.link).toBe('https://bsky.app/profile/x/post/1');
    const seen: InteractionItem[] = [...first.items];
    let next = first.next;
    while (next) {
      const page = await list({ limit: 3, before: next });
      seen.push(...page.items);
      next = page.next;
    }
    expect(seen).toHaveLength(10);
    expect(new Set(seen.map((i) => i.id)).size).toBe(10);
    expect(seen.map((i) => i.at)).toEqual([...seen.map((i) => i.at)].sort().reverse());
  });

  it('lets only plain https links out', async () => {
    const links = ['javascript:alert(1)', 'http://bsky.app/post', 'https://user:pw@bsky.app/post', 'data:text/html,hi', 'not a url', `https://a.example/${'x'.repeat(3000)}`];
    links.forEach((link, i) => interact('reply', `2026-02-0${i + 1}T10:00:00.000Z`, { link }));
    interact('reply', '2026-02-08T10:00:00.000Z', { link: 'https://mastodon.example/@ada/1' });
    const { items } = await list();
    expect(items.map((i) => i.link)).toEqual(['https://mastodon.example/@ada/1', null, null, null, null, null, null]);
  });

  it('refuses a person the account does not know', async () => {
    const other = addTestAccount(t.db, 'other');
    const [stranger] = addTestFollowers(t.db, other, 1, { prefix: 'o' });
    expect(await errorCodeOf(list({ personId: stranger!.personId }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(list({ accountId: other }))).toBe('NOT_FOUND');
  });
});

describe('interactions in the timeline', () => {
  it('are one entry per kind and day, among the events, newest first', async () => {
    t.db.prepare("INSERT INTO events (account_id, person_id, kind, at, data) VALUES (?, ?, 'followed_me', '2026-02-11T12:00:00.000Z', NULL)").run(accountId, personId);
    for (let i = 0; i < 5; i++) interact('like', `2026-02-10T1${i}:00:00.000Z`);
    interact('like', '2026-02-12T08:00:00.000Z');
    interact('reply', '2026-02-10T09:00:00.000Z', { excerpt: 'Nice' });
    interact('reply', '2026-02-10T20:00:00.000Z', { excerpt: 'Indeed' });
    interact('reply', '2026-02-12T09:00:00.000Z', { direction: 'mine' });
    interact('follow', '2026-02-11T12:00:00.000Z');

    const entries = await runHandler(timelineHandlers, 'getTimeline', { accountId, personId }, ctx);
    expect(entries.map((e) => [e.at, e.kind, e.summary])).toEqual([
      ['2026-02-12T09:00:00.000Z', 'interactions', 'You replied to them'],
      ['2026-02-12T08:00:00.000Z', 'interactions', 'Liked your post'],
      ['2026-02-11T12:00:00.000Z', 'followed_me', 'Followed you'],
      ['2026-02-10T20:00:00.000Z', 'interactions', 'Replied to you 2×'],
      ['2026-02-10T14:00:00.000Z', 'interactions', 'Liked 5 of your posts'],
    ]);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });
});
