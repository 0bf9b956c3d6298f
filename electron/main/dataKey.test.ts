import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// safeStorage stands in for the OS keychain: a reversible transform we can switch off.
const electron = vi.hoisted(() => ({
  available: true,
  safeStorage: {
    isEncryptionAvailable: () => electron.available,
    encryptString: (text: string) => Buffer.from(`enc:${Buffer.from(text).toString('hex')}`),
    decryptString: (data: Buffer) => {
      const text = data.toString();
      if (!text.startsWith('enc:')) throw new Error('cannot decrypt');
      return Buffer.from(text.slice(4), 'hex').toString();
    },
  },
}));
vi.mock('electron', () => ({ safeStorage: electron.safeStorage }));

const { DATA_KEY_FILE, loadOrCreateDataKey } = await import('./dataKey');

let dir: string;
const log = { warn: vi.fn() };
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-datakey-'));
  electron.available = true;
  log.warn.mockClear();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('loadOrCreateDataKey', () => {
  it('creates a 32-byte key once, stores it only encrypted, and returns the same key later', () => {
    const key = loadOrCreateDataKey(dir, log);
    expect(key).not.toBeNull();
    expect(Buffer.from(key!, 'base64').byteLength).toBe(32);
    const stored = fs.readFileSync(path.join(dir, DATA_KEY_FILE));
    expect(stored.toString()).toMatch(/^enc:/);
    expect(stored.toString()).not.toContain(key!);
    expect(loadOrCreateDataKey(dir, log)).toBe(key);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, DATA_KEY_FILE)).mode & 0o077).toBe(0);
  });

  it('refuses to make a key when the OS offers no encryption', () => {
    electron.available = false;
    expect(loadOrCreateDataKey(dir, log)).toBeNull();
    expect(fs.existsSync(path.join(dir, DATA_KEY_FILE))).toBe(false);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('no secret storage'));
  });

  it('starts over with a new key when the stored one cannot be decrypted', () => {
    fs.writeFileSync(path.join(dir, DATA_KEY_FILE), 'garbage');
    const key = loadOrCreateDataKey(dir, log);
    expect(key).not.toBeNull();
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('could not be decrypted'));
    expect(loadOrCreateDataKey(dir, log)).toBe(key);
  });
});
