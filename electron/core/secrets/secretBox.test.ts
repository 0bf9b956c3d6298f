import { describe, expect, it } from 'vitest';
import { SecretBox, SecretUnreadable } from './secretBox';

const secret = JSON.stringify({ accessJwt: 'eyJ.access.token', refreshJwt: 'eyJ.refresh.token' });

describe('SecretBox', () => {
  it('round-trips a secret and never shows the plaintext in the envelope', () => {
    const box = new SecretBox(SecretBox.generateKey());
    const sealed = box.seal(secret, 'bluesky-session:1');
    expect(sealed).toMatch(/^rsb1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('access');
    expect(box.open(sealed, 'bluesky-session:1')).toBe(secret);
  });

  it('uses a fresh IV each time', () => {
    const box = new SecretBox(SecretBox.generateKey());
    expect(box.seal(secret, 'a')).not.toBe(box.seal(secret, 'a'));
  });

  it('detects a flipped bit anywhere in the ciphertext or tag', () => {
    const box = new SecretBox(SecretBox.generateKey());
    const sealed = box.seal(secret, 'a');
    const [version, iv, tag, body] = sealed.split('.') as [string, string, string, string];
    const flip = (text: string) => {
      const bytes = Buffer.from(text, 'base64url');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString('base64url');
    };
    for (const tampered of [
      [version, iv, tag, flip(body)].join('.'),
      [version, iv, flip(tag), body].join('.'),
      [version, flip(iv), tag, body].join('.'),
    ]) {
      expect(() => box.open(tampered, 'a')).toThrow(SecretUnreadable);
    }
  });

  it('refuses a blob sealed for another purpose or with another key', () => {
    const box = new SecretBox(SecretBox.generateKey());
    const sealed = box.seal(secret, 'bluesky-session:1');
    expect(() => box.open(sealed, 'bluesky-session:2')).toThrow(SecretUnreadable);
    expect(() => new SecretBox(SecretBox.generateKey()).open(sealed, 'bluesky-session:1')).toThrow(/Sign in again/);
  });

  it('refuses garbage and unknown versions, and keys of the wrong size', () => {
    const box = new SecretBox(SecretBox.generateKey());
    expect(() => box.open('plaintext-token', 'a')).toThrow(SecretUnreadable);
    expect(() => box.open(box.seal('x', 'a').replace(/^rsb1/, 'rsb9'), 'a')).toThrow(/unknown format/);
    expect(() => new SecretBox(new Uint8Array(16))).toThrow(/32 bytes/);
  });
});
