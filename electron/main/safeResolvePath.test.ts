import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInsideRoot } from './safeResolvePath';

const root = resolve('/srv/rapport/media');

describe('resolveInsideRoot', () => {
  it('maps ordinary paths inside the root, decoding each segment', () => {
    expect(resolveInsideRoot(root, 'avatars/ab/ab12.svg')).toBe(join(root, 'avatars', 'ab', 'ab12.svg'));
    expect(resolveInsideRoot(root, '/avatars//caf%C3%A9.png')).toBe(join(root, 'avatars', 'café.png'));
  });

  it.each([
    ['plain parent segments', '../secret.txt'],
    ['parent segments deeper in', 'avatars/../../secret.txt'],
    ['encoded dots', '%2e%2e/secret.txt'],
    ['mixed-case encoded dots', '%2E%2e/secret.txt'],
    ['an encoded slash hiding a parent segment', '..%2fsecret.txt'],
    ['an encoded backslash', '..%5csecret.txt'],
    ['a literal backslash', 'avatars\\..\\..\\secret.txt'],
    ['a NUL byte', 'avatars/a.svg%00.png'],
    ['an encoded absolute path', '%2fetc%2fpasswd'],
    ['a Windows drive', 'C:%5cWindows%5cwin.ini'],
    ['malformed percent-encoding', 'avatars/%E0%A4%A'],
    ['a single dot', './avatars/a.svg'],
    ['nothing at all', '/'],
  ])('refuses %s', (_label, path) => {
    expect(resolveInsideRoot(root, path)).toBeNull();
  });
});
