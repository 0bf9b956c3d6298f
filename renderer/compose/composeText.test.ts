import { describe, expect, it } from 'vitest';
import { fillTemplate, insertQuote, messageLength, snippetsOf } from './composeText';

describe('fillTemplate', () => {
  it('puts in the name and the handle everywhere they appear', () => {
    expect(fillTemplate('Hi {name} ({handle}), thanks {name}!', { displayName: 'Ada', handle: 'ada.bsky.social' })).toBe(
      'Hi Ada (@ada.bsky.social), thanks Ada!',
    );
  });

  it('falls back to the handle when there is no display name', () => {
    expect(fillTemplate('Hi {name}', { displayName: '', handle: 'ada.bsky.social' })).toBe('Hi ada.bsky.social');
  });
});

describe('snippetsOf', () => {
  it('offers phrases of the bio, then of their own posts, without links, repeats or reposts', () => {
    const snippets = snippetsOf({
      bio: 'I build tiny synthesizers. Also: https://example.com bread baking on weekends!',
      recentPosts: [
        { id: 1, remoteId: 'a', text: 'I build tiny synthesizers.', createdAt: '', isReply: false, isRepost: false },
        { id: 2, remoteId: 'b', text: 'Someone else wrote this and I reposted it', createdAt: '', isReply: false, isRepost: true },
        { id: 3, remoteId: 'c', text: 'Finished the modular case today', createdAt: '', isReply: false, isRepost: false },
      ],
    });
    expect(snippets).toEqual([
      { source: 'bio', text: 'I build tiny synthesizers.' },
      { source: 'bio', text: 'Also: bread baking on weekends!' },
      { source: 'post', text: 'Finished the modular case today' },
    ]);
  });
});

describe('insertQuote', () => {
  it('quotes the phrase at the cursor with spaces where needed', () => {
    expect(insertQuote('Loved', 5, 5, 'tiny synths')).toEqual({ text: 'Loved “tiny synths”', cursor: 19 });
    expect(insertQuote('Loved  too', 6, 6, 'x y z abc')).toEqual({ text: 'Loved “x y z abc” too', cursor: 17 });
  });
});

describe('messageLength', () => {
  it('counts what the contract counts: the trimmed text', () => {
    expect(messageLength('  hi  ')).toBe(2);
  });
});
