import { describe, expect, it } from 'vitest';
import { unreadableSentence } from './syncSummary';

describe('unreadableSentence', () => {
  it('says how many profiles and posts could not be read, in words a person reads', () => {
    expect(unreadableSentence({ profiles: 2, posts: 0 })).toBe('2 profiles could not be read');
    expect(unreadableSentence({ profiles: 1, posts: 3 })).toBe('1 profile and 3 posts could not be read');
    expect(unreadableSentence({ profiles: 0, posts: 1 })).toBe('1 post could not be read');
  });

  it('says nothing when everything was read', () => {
    expect(unreadableSentence({ profiles: 0, posts: 0 })).toBeNull();
    expect(unreadableSentence(undefined)).toBeNull();
  });
});
