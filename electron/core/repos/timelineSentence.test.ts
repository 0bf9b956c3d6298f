import { describe, expect, it } from 'vitest';
import { timelineSentence } from './timelineSentence';

describe('timelineSentence for accounts that went away', () => {
  it('names the reason the network gave, and where a moved account went', () => {
    expect(timelineSentence('gone', { reason: 'deactivated' }, null)).toBe('Deactivated their account');
    expect(timelineSentence('gone', { reason: 'deleted' }, null)).toBe('Deleted their account');
    expect(timelineSentence('gone', { reason: 'suspended' }, null)).toBe('Account suspended');
    expect(timelineSentence('gone', { reason: 'takendown' }, null)).toBe('Account taken down by the network');
    expect(timelineSentence('gone', { reason: 'moved', movedTo: 'ada@new.example' }, null)).toBe('Moved to @ada@new.example');
    expect(timelineSentence('gone', { reason: 'moved' }, null)).toBe('Moved to another account');
  });

  it('still says something for rows written before reasons were kept', () => {
    expect(timelineSentence('gone', {}, null)).toBe('Account gone');
    expect(timelineSentence('came_back', {}, null)).toBe('Came back: their account is active again');
  });
});

describe('timelineSentence for changes found between two archive snapshots', () => {
  it('says the window the change happened in', () => {
    const window = { after: '2026-11-20T08:00:00.000Z', before: '2026-12-01T08:00:00.000Z' };
    expect(timelineSentence('followed_me', window, null)).toBe('Followed you between Nov 20 and Dec 1');
    expect(timelineSentence('unfollowed_me', window, null)).toBe('Unfollowed you between Nov 20 and Dec 1');
    expect(timelineSentence('i_followed', { after: '2025-12-20T00:00:00.000Z', before: '2026-01-05T00:00:00.000Z' }, null)).toBe(
      'You followed them between Dec 20, 2025 and Jan 5, 2026',
    );
    expect(timelineSentence('i_unfollowed', { after: null, before: '2026-12-01T08:00:00.000Z' }, null)).toBe('You unfollowed them before Dec 1, 2026');
    expect(timelineSentence('followed_me', { followedAt: null }, null)).toBe('Followed you');
  });

  it('counts the messages exchanged, from an export', () => {
    expect(timelineSentence('dm_sent', { exchanged: 12, since: '2026-01-01T00:00:00.000Z' }, null)).toBe('You exchanged 12 direct messages');
    expect(timelineSentence('dm_sent', { exchanged: 1 }, null)).toBe('You exchanged 1 direct message');
    expect(timelineSentence('dm_sent', { actionId: 3 }, 'Hi there')).toBe('You wrote: Hi there');
  });
});
