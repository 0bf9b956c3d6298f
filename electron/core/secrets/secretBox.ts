// Encrypts secrets (session blobs with access and refresh tokens) before they touch SQLite, so the
// database file never holds a token in the clear. AES-256-GCM: random 96-bit IV per message, a
// 128-bit auth tag, and associated data that binds a blob to its purpose (a session sealed for one
// account cannot be swapped in for another).
//
// Envelope (a string, safe in a TEXT column): `rsb1.<iv>.<tag>.<ciphertext>`, base64url parts.
// The version prefix lets a later key rotation or algorithm change read old rows.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { RapportError } from '../../../shared/api/errors';

export const DATA_KEY_BYTES = 32;
const VERSION = 'rsb1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed secret that cannot be opened: wrong key, tampered or truncated. */
export class SecretUnreadable extends RapportError {
  constructor(reason: string) {
    super('AUTH_EXPIRED', `A stored sign-in could not be read (${reason}). Sign in again.`);
    this.name = 'SecretUnreadable';
  }
}

export class SecretBox {
  private readonly key: Buffer;

  constructor(dataKey: Uint8Array) {
    if (dataKey.byteLength !== DATA_KEY_BYTES) throw new RapportError('INTERNAL', `The data key must be ${DATA_KEY_BYTES} bytes.`);
    this.key = Buffer.from(dataKey);
  }

  static generateKey(): Uint8Array {
    return new Uint8Array(randomBytes(DATA_KEY_BYTES));
  }

  seal(plaintext: string, associatedData: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
  }

  open(envelope: string, associatedData: string): string {
    const parts = envelope.split('.');
    if (parts.length !== 4) throw new SecretUnreadable('not a sealed secret');
    const [version, ivText, tagText, bodyText] = parts as [string, string, string, string];
    if (version !== VERSION) throw new SecretUnreadable(`unknown format ${version.slice(0, 8)}`);
    const iv = Buffer.from(ivText, 'base64url');
    const tag = Buffer.from(tagText, 'base64url');
    if (iv.byteLength !== IV_BYTES || tag.byteLength !== TAG_BYTES) throw new SecretUnreadable('damaged header');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(associatedData, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(bodyText, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretUnreadable('it was altered or sealed with another key');
    }
  }
}
