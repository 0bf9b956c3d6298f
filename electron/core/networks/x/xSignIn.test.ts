// Signing in to X through core's contract: beginSignIn({ network: 'x', archivePath }) makes the
// archive's owner an account and fills its board; importing again with accountId diffs; another
// account's archive is refused and a refused first import leaves no account behind.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../../shared/api/errors';
import { createCore } from '../../createCore';
import type { CoreHandle } from '../../coreTypes';
import { callOk, makeTempDir, removeDir, signInAtOnce } from '../../../../test/core/coreTestKit';
import { writeXArchiveZip, type XArchiveSpec } from '../../../../test/fakes/x/xArchiveBuilder';

const OWNER = { id: '4242', username: 'rapport_me', displayName: 'Me Myself' };
let dir: string;
let core: CoreHandle;

beforeEach(async () => {
  dir = makeTempDir('x-signin');
  core = await createCore({ dataDir: dir });
});
afterEach(async () => {
  await core.close();
  removeDir(dir);
});

async function archive(name: string, overrides: Partial<XArchiveSpec> = {}): Promise<string> {
  const file = path.join(dir, name);
  await writeXArchiveZip(file, { owner: OWNER, generatedAt: '2026-11-20T08:00:00.000Z', followers: ['101', '102', '103'], following: ['102'], ...overrides });
  return file;
}

describe('signing in to X with an archive', () => {
  it('makes the archive owner an account whose board counts equal the archive', async () => {
    const account = await signInAtOnce(core, { network: 'x', archivePath: await archive('a.zip') });
    expect(account).toMatchObject({ network: 'x', remoteId: '4242', handle: 'rapport_me', displayName: 'Me Myself' });
    expect(await callOk(core, 'getBoardCounts', { accountId: account.id })).toMatchObject({ new: 2, connected: 1, evaluated: 0, declined: 0 });
  });

  it('imports a newer archive into the connected account: the new follower arrives New', async () => {
    const account = await signInAtOnce(core, { network: 'x', archivePath: await archive('a.zip') });
    const again = await signInAtOnce(core, {
      network: 'x',
      accountId: account.id,
      archivePath: await archive('b.zip', { generatedAt: '2026-12-01T08:00:00.000Z', followers: ['104', '101', '102', '103'] }),
    });
    expect(again.id).toBe(account.id);
    expect(await callOk(core, 'getBoardCounts', { accountId: account.id })).toMatchObject({ new: 3, connected: 1 });
    expect((await callOk(core, 'listAccounts', {})).length).toBe(1);
  });

  it('refuses another account’s archive for the connected account, with a sentence', async () => {
    const account = await signInAtOnce(core, { network: 'x', archivePath: await archive('a.zip') });
    const other = await archive('other.zip', { owner: { id: '999', username: 'someone_else', displayName: 'Else' } });
    const result = (await core.call('beginSignIn', { network: 'x', accountId: account.id, archivePath: other })) as Envelope<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!result.ok && result.error.message).toMatch(/belongs to another X account/);
  });

  it('is left alone by the background sync, which has nothing to read for it', async () => {
    const account = await signInAtOnce(core, { network: 'x', archivePath: await archive('a.zip') });
    await core.close();
    core = await createCore({ dataDir: dir, syncOnStart: true, backgroundSyncMinutes: 60 });
    expect(await callOk(core, 'getSyncStatus', { accountId: account.id })).toBeNull();
    expect(await callOk(core, 'getBoardCounts', { accountId: account.id })).toMatchObject({ new: 2, connected: 1 });
  });

  it('a removed account’s snapshot date is forgotten: the same archive added again fills the board again', async () => {
    const file = await archive('a.zip');
    const first = await signInAtOnce(core, { network: 'x', archivePath: file });
    await callOk(core, 'removeAccount', { accountId: first.id });
    const again = await signInAtOnce(core, { network: 'x', archivePath: file });
    expect(await callOk(core, 'getBoardCounts', { accountId: again.id })).toMatchObject({ new: 2, connected: 1 });
  });

  it('a refused first import leaves no account behind', async () => {
    const broken = await archive('broken.zip', { replaceFile: { 'data/follower.js': 'window.YTD.follower.part0 = [ {' } });
    const result = (await core.call('beginSignIn', { network: 'x', archivePath: broken })) as Envelope<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await callOk(core, 'listAccounts', {})).toEqual([]);
  });
});
