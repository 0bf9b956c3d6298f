import { describe, expect, it } from 'vitest';
import { BIO_SNIPPET_MAX, bioSnippet, mediaUrl } from './personCardRow';

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
