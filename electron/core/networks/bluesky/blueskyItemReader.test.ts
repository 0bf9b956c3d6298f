// One profile outside the lexicon costs that profile's offending field, or that profile, never the page.
import { describe, expect, it } from 'vitest';
import { readItems, refusedAnswerBody } from './blueskyItemReader';
import { profileViewDetailedSchema, profileViewSchema } from './blueskySchemas';

const view = (n: number, extra: Record<string, unknown> = {}) => ({ did: `did:plc:person${n}`, handle: `p${n}.bsky.social`, displayName: `Person ${n}`, ...extra });

describe('readItems', () => {
  it("cuts a display name to the lexicon's limits (64 graphemes, 640 UTF-8 bytes), never splitting a grapheme", () => {
    const family = '👨‍👩‍👧‍👦'; // one grapheme of 25 UTF-8 bytes
    const out = readItems(
      [view(1), view(2, { displayName: 'x'.repeat(300) }), view(3, { displayName: family.repeat(300) })],
      'app.bsky.actor.defs#profileView',
      profileViewSchema,
      true,
    );
    expect(out.items.map((i) => i.displayName)).toEqual(['Person 1', 'x'.repeat(64), family.repeat(25)]);
    expect(out.unreadable).toEqual([
      { kind: 'profile', remoteId: 'did:plc:person2', outcome: 'cut', fields: ['displayName'] },
      { kind: 'profile', remoteId: 'did:plc:person3', outcome: 'cut', fields: ['displayName'] },
    ]);
  });

  it('drops an optional field of the wrong type and keeps the profile', () => {
    const out = readItems([view(1, { followersCount: 'many' })], 'app.bsky.actor.defs#profileViewDetailed', profileViewDetailedSchema, true);
    expect(out.items[0]).not.toHaveProperty('followersCount');
    expect(out.unreadable).toMatchObject([{ outcome: 'cut', fields: ['followersCount'] }]);
  });

  it('leaves out a profile without a did or handle, keeping the rest', () => {
    const out = readItems([{ handle: 'x.bsky.social' }, view(2, { handle: '' }), view(3)], 'app.bsky.actor.defs#profileView', profileViewSchema, true);
    expect(out.items.map((i) => i.did)).toEqual(['did:plc:person3']);
    expect(out.unreadable).toEqual([
      { kind: 'profile', remoteId: null, outcome: 'skipped', fields: [] },
      { kind: 'profile', remoteId: 'did:plc:person2', outcome: 'skipped', fields: [] },
    ]);
  });

  it('never puts a malformed did into the report (it is written to the log)', () => {
    const out = readItems([{ did: 'did:plc:x\nFAKE LOG LINE', handle: '' }], 'app.bsky.actor.defs#profileView', profileViewSchema, true);
    expect(out.unreadable[0]?.remoteId).toBeNull();
  });
});

describe('refusedAnswerBody', () => {
  it('returns the body of a lexicon refusal only', () => {
    expect(refusedAnswerBody({ validationError: new Error('x'), responseBody: { profiles: [] } })).toEqual({ profiles: [] });
    expect(refusedAnswerBody(new Error('socket hang up'))).toBeUndefined();
  });
});
