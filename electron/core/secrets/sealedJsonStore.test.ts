import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase } from '../db/openDatabase';
import { SealedJsonStore } from './sealedJsonStore';
import { SecretBox } from './secretBox';
import { MemorySecretStorage, SettingsSecretStorage } from './secretStorage';

const schema = z.object({ accessJwt: z.string(), refreshJwt: z.string() });
const value = { accessJwt: 'access-TOKEN-plain-111', refreshJwt: 'refresh-TOKEN-plain-222' };

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rapport-sealed-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('SealedJsonStore', () => {
  it('keeps tokens out of the SQLite file and reads them back', async () => {
    const file = join(dir, 'rapport.db');
    const db = openDatabase(file);
    const box = new SecretBox(SecretBox.generateKey());
    const store = new SealedJsonStore(new SettingsSecretStorage(db), box, 'bluesky-session:1', schema);
    await store.save(value);
    expect(await store.load()).toEqual(value);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();

    const bytes = readFileSync(file).toString('latin1');
    expect(bytes).toContain('secret:bluesky-session:1');
    expect(bytes).not.toContain('TOKEN-plain');

    const reopened = openDatabase(file);
    expect(await new SealedJsonStore(new SettingsSecretStorage(reopened), box, 'bluesky-session:1', schema).load()).toEqual(value);
    await new SealedJsonStore(new SettingsSecretStorage(reopened), box, 'bluesky-session:1', schema).clear();
    expect(await new SealedJsonStore(new SettingsSecretStorage(reopened), box, 'bluesky-session:1', schema).load()).toBeNull();
    reopened.close();
  });

  it('will not open a blob copied under another name', async () => {
    const storage = new MemorySecretStorage();
    const box = new SecretBox(SecretBox.generateKey());
    await new SealedJsonStore(storage, box, 'bluesky-session:1', schema).save(value);
    storage.values.set('bluesky-session:2', storage.values.get('bluesky-session:1')!);
    await expect(new SealedJsonStore(storage, box, 'bluesky-session:2', schema).load()).rejects.toThrow(/Sign in again/);
  });
});
