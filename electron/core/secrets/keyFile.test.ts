import { chmodSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyFileDataKeySource } from './keyFile';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rapport-keyfile-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(process.platform !== 'win32')('KeyFileDataKeySource', () => {
  it('creates a 32-byte key with mode 0600 and returns the same key afterwards', async () => {
    const path = join(dir, 'nested', 'data.key');
    const key = await new KeyFileDataKeySource(path).getDataKey();
    expect(key.byteLength).toBe(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await new KeyFileDataKeySource(path).getDataKey()).toEqual(key);
  });

  it('refuses a key file that group or others can read', async () => {
    const path = join(dir, 'data.key');
    await new KeyFileDataKeySource(path).getDataKey();
    chmodSync(path, 0o644);
    await expect(new KeyFileDataKeySource(path).getDataKey()).rejects.toThrow(/readable by other users \(mode 644\).*chmod 600/);
    chmodSync(path, 0o640);
    await expect(new KeyFileDataKeySource(path).getDataKey()).rejects.toThrow(/mode 640/);
    chmodSync(path, 0o600);
    expect((await new KeyFileDataKeySource(path).getDataKey()).byteLength).toBe(32);
  });

  it('refuses a damaged key file and a symbolic link', async () => {
    const path = join(dir, 'data.key');
    writeFileSync(path, 'short', { mode: 0o600 });
    await expect(new KeyFileDataKeySource(path).getDataKey()).rejects.toThrow(/damaged/);
    const link = join(dir, 'link.key');
    symlinkSync(path, link);
    await expect(new KeyFileDataKeySource(link).getDataKey()).rejects.toThrow(/symbolic link/);
  });
});
