// The data key that seals network sign-ins inside core (SecretBox). It is random, 32 bytes, and
// lives on disk only encrypted by the OS keychain through safeStorage, in <userData>/data-key.bin.
// Main decrypts it at start and hands it to core in the init message. Without OS encryption
// (safeStorage unavailable, e.g. Linux with no keyring) there is no key: core then refuses to
// store network secrets rather than fall back to a key kept in the clear.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import type { MainLog } from './mainLog';

export const DATA_KEY_FILE = 'data-key.bin';
const DATA_KEY_BYTES = 32;

/** The key as base64 for the init message, or null when the OS cannot protect it. */
export function loadOrCreateDataKey(userDataDir: string, log: Pick<MainLog, 'warn'>): string | null {
  if (!safeStorage.isEncryptionAvailable()) {
    log.warn('[data key] the OS offers no secret storage; network accounts are disabled');
    return null;
  }
  const file = path.join(userDataDir, DATA_KEY_FILE);
  if (fs.existsSync(file)) {
    try {
      const key = Buffer.from(safeStorage.decryptString(fs.readFileSync(file)), 'base64');
      if (key.byteLength === DATA_KEY_BYTES) return key.toString('base64');
      log.warn('[data key] the stored key has the wrong length; network sign-ins must be renewed');
    } catch {
      // Another OS user or a reset keychain: the old sign-ins cannot be opened; start over.
      log.warn('[data key] the stored key could not be decrypted; network sign-ins must be renewed');
    }
  }
  const key = randomBytes(DATA_KEY_BYTES).toString('base64');
  fs.mkdirSync(userDataDir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, safeStorage.encryptString(key), { mode: 0o600 });
  fs.renameSync(temporary, file);
  return key;
}
