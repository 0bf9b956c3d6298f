// Review shows first the new followers who spoke to me (reply, mention, quote) before they
// followed — not likes, not my own replies, not after the follow, not people out of New.
import { describe, expect, it } from 'vitest';
import type { InteractionDirection, InteractionKind } from '../../../shared/interactions';
import { useHandlerTest, type HandlerTest } from '../repos/handlerTestKit';
import { interactionsRepo } from '../repos/interactionsRepo';
import { snoozeRepo } from '../repos/snoozeRepo';
import { runHandler } from '../repos/testFixtures';
import { triageRepo } from '../repos/triageRepo';
import { interactionsHandlers } from './interactionsHandlers';

let { t, ctx, accountId, people } = {} as HandlerTest;
useHandlerTest({ followers: 8 }, (h) => {
  ({ t, ctx, accountId, people } = h);
});

let keys = 0;
function interact(who: number, kind: InteractionKind, at: string, direction: InteractionDirection = 'theirs'): void {
  const remoteId = t.db.prepare('SELECT remote_id FROM people WHERE id = ?').pluck().get(people[who]!.personId) as string;
  interactionsRepo(t.db).store(accountId, [{ key: `k${keys++}`, personRemoteId: remoteId, kind, direction, at, link: null, excerpt: null }]);
  // As the interactions walk does at its end.
  interactionsRepo(t.db).settleQueuedInteractions(accountId, 'sample');
}
function followedAt(who: number, at: string): void {
  t.db.prepare('UPDATE relationships SET followed_me_at = ? WHERE account_id = ? AND person_id = ?').run(at, accountId, people[who]!.personId);
}

describe('getReviewFirst', () => {
  it('lists new followers who spoke to me before following, latest follow first', async () => {
    for (let who = 0; who < 8; who++) followedAt(who, '2026-03-01T12:00:00.000Z');
    const before = '2026-02-20T10:00:00.000Z';
    interact(0, 'reply', before);
    interact(1, 'like', before);
    interact(1, 'repost', before);
    interact(2, 'reply', '2026-03-02T10:00:00.000Z');
    interact(3, 'mention', before);
    triageRepo(t.db).move(accountId, people[3]!.personId, 'evaluated', '2026-03-05T00:00:00.000Z');
    interact(4, 'reply', before);
    snoozeRepo(t.db).set(accountId, people[4]!.personId, { days: 30 }, ctx.now());
    interact(5, 'quote', before);
    // Followed last: the newest in New (the board's follow order).
    followedAt(5, '2026-03-03T12:00:00.000Z');
    t.db.prepare('UPDATE triage SET sort_rank = 100 WHERE account_id = ? AND person_id = ?').run(accountId, people[5]!.personId);
    interact(6, 'reply', before, 'mine');
    interact(6, 'like', before);

    const first = await runHandler(interactionsHandlers, 'getReviewFirst', { accountId }, ctx);
    expect(first.map((card) => card.personId)).toEqual([people[5]!.personId, people[0]!.personId]);
    expect(first.every((card) => card.stage === 'new' && card.engagement?.repliedBeforeFollowing)).toBe(true);
    expect(await runHandler(interactionsHandlers, 'getReviewFirst', { accountId, limit: 1 }, ctx)).toHaveLength(1);
  });
});
