import { describe, expect, it } from 'vitest';
import { BIO_SNIPPET_MAX, bioSnippet, mediaUrl, toPersonCard, type PersonCardRow } from './personCardRow';

describe('bioSnippet', () => {
  it('keeps a short bio on one line', () => {
    expect(bioSnippet('  Knits.\n\nCodes   Rust. ')).toBe('Knits. Codes Rust.');
  });
  it('cuts a long bio to the limit with an ellipsis, never inside an emoji', () => {
    const snippet = bioSnippet('🙂'.repeat(300));
    expect(Array.from(snippet)).toHaveLength(BIO_SNIPPET_MAX);
    expect(snippet.endsWith('🙂…')).toBe(true);
  });
});

describe('mediaUrl', () => {
  it('is a media/ relative URL when cached and null otherwise', () => {
    expect(mediaUrl('avatars/ab/ab12.svg')).toBe('media/avatars/ab/ab12.svg');
    expect(mediaUrl(null)).toBeNull();
  });
});

describe('toPersonCard', () => {
  const row: PersonCardRow = {
    person_id: 7, handle: 'ada.sample', display_name: '', avatar_file: null, followers_count: 3, following_count: 4,
    bio_head: 'Bees', stage: 'new', changed_at: '2026-03-01T00:00:00.000Z', follows_me: 1, i_follow: 0,
    followed_me_at: null, gone_at: null, gone_reason: null, moved_to: null, score: null, snoozed_until: null, snooze_ended_at: null, follow_requested: 0,
  };

  it('leaves optional fields out while they have no value', () => {
    const card = toPersonCard(row);
    for (const key of ['score', 'snoozedUntil', 'snoozeEndedAt', 'followRequested', 'goneAt'] as const) expect(card).not.toHaveProperty(key);
  });

  it('says why a person is gone, and where a moved account went', () => {
    const gone = { ...row, gone_at: '2026-03-01T00:00:00.000Z' };
    expect(toPersonCard({ ...gone, gone_reason: 'deactivated' })).toMatchObject({ goneAt: gone.gone_at, goneReason: 'deactivated' });
    expect(toPersonCard({ ...gone, gone_reason: 'moved', moved_to: 'ada@new.example' })).toMatchObject({ goneReason: 'moved', movedTo: 'ada@new.example' });
    expect(toPersonCard(gone)).not.toHaveProperty('goneReason');
    expect(toPersonCard({ ...row, gone_reason: 'deleted' })).not.toHaveProperty('goneReason');
  });

  it('carries score, snooze, request and a badge only while the card stays where the wake-up put it', () => {
    const woken = { ...row, score: 1.5, follow_requested: 1, snooze_ended_at: '2026-03-01T00:00:00.000Z' };
    expect(toPersonCard(woken)).toMatchObject({ score: 1.5, followRequested: true, snoozeEndedAt: '2026-03-01T00:00:00.000Z' });
    expect(toPersonCard({ ...woken, changed_at: '2026-03-02T00:00:00.000Z' })).not.toHaveProperty('snoozeEndedAt');
    expect(toPersonCard({ ...woken, stage: 'evaluated' })).not.toHaveProperty('snoozeEndedAt');
    expect(toPersonCard({ ...row, snoozed_until: 'nextPost' })).toMatchObject({ snoozedUntil: 'nextPost' });
  });
});
