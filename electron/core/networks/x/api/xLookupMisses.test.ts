// People an archive knows only by id whom X answers as suspended or not found: shown gone with the
// reason, and not asked again at every sync (each /2/users request counts against a rate-limited
// window) until 30 days have passed or a newer archive lists them again; the read estimate agrees.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Account } from '../../../../../shared/domain';
import { DATABASE_FILE } from '../../../createCore';
import { callOk, signInAtOnce, syncEnd } from '../../../../../test/core/coreTestKit';
import { VirtualClock } from '../../../../../test/core/virtualClock';
import { writeXArchiveZip, type ConversationSpec, type XArchiveSpec } from '../../../../../test/fakes/x/xArchiveBuilder';
import { startXApiCore, X_OWNER, xFollowerIds, type XApiKit } from '../../../../../test/fakes/x/xApiTestKit';

const DAY = 24 * 60 * 60_000;
const FOLLOWERS = 5;
const apiFollowers = xFollowerIds(FOLLOWERS);

let kit: XApiKit | null = null;
let db: Database.Database | null = null;
afterEach(async () => {
  db?.close();
  db = null;
  await kit?.close();
  kit = null;
});

function wroteWith(...partners: string[]): ConversationSpec[] {
  return partners.map((partnerId) => ({ partnerId, messages: [{ fromMe: true, at: '2026-10-01T09:00:00.000Z' }] }));
}

async function importArchive(k: XApiKit, account: Account, name: string, spec: Partial<XArchiveSpec>): Promise<void> {
  const archivePath = path.join(k.dataDir, name);
  const followers = Array.from({ length: apiFollowers.count }, (_, i) => apiFollowers.id(i));
  await writeXArchiveZip(archivePath, { owner: { id: X_OWNER.id, username: X_OWNER.username, displayName: X_OWNER.name }, generatedAt: '2026-12-01T08:00:00.000Z', followers, following: [], ...spec });
  await signInAtOnce(k.core, { network: 'x', accountId: account.id, archivePath });
}

async function sync(k: XApiKit, account: Account): Promise<void> {
  const end = syncEnd(k.core, account.id);
  await callOk(k.core, 'startSync', { accountId: account.id });
  expect((await end).state).toBe('done');
}

/** The ids each /2/users request asked for, from the `from`th request on, each sorted. */
function lookups(k: XApiKit, from = 0): string[][] {
  return k.fake.requests
    .filter((r) => r.route === 'GET /2/users')
    .slice(from)
    .map((r) => [...(r.ids ?? [])].sort());
}

interface PersonRow {
  handle: string;
  gone_at: string | null;
  gone_reason: string | null;
}

function person(remoteId: string): PersonRow | undefined {
  return db?.prepare("SELECT handle, gone_at, gone_reason FROM people WHERE network = 'x' AND remote_id = ?").get(remoteId) as PersonRow | undefined;
}

function timeline(accountId: number, remoteId: string): { kind: string; data: string | null }[] {
  return db
    ?.prepare("SELECT e.kind, e.data FROM events e JOIN people p ON p.id = e.person_id WHERE e.account_id = ? AND p.remote_id = ? AND e.kind IN ('gone', 'came_back') ORDER BY e.id")
    .all(accountId, remoteId) as { kind: string; data: string | null }[];
}

/** Naming runs after the sync (a reaction): waits on what it writes, never on time. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

describe('ids X could not return', () => {
  it('are marked gone with the reason, left out of the next syncs and of the read estimate, and asked again after 30 days', async () => {
    const clock = new VirtualClock(Date.parse('2026-12-03T10:00:00.000Z'));
    kit = await startXApiCore({ followers: FOLLOWERS, clock });
    kit.fake.state.addUser('555');
    kit.fake.state.suspended.add('555');
    kit.fake.state.addUser('557', { username: 'still_here' });
    kit.fake.state.addUser('558', { username: 'new_partner' });
    // 556 never existed on X (deleted): /2/users answers it "Not Found Error".
    const account = await kit.signIn();
    await importArchive(kit, account, 'a.zip', { conversations: wroteWith('555', '556', '557') });
    db = new Database(path.join(kit.dataDir, DATABASE_FILE), { readonly: true });
    // Before the first sync the archive's followers are unnamed too: they count beside the three.
    expect(await callOk(kit.core, 'getSyncReadEstimate', { accountId: account.id })).toMatchObject({ users: FOLLOWERS + 1 + FOLLOWERS + 3 });

    await sync(kit, account);
    await until(() => person('557')?.handle === 'still_here' && person('555')?.gone_at != null && person('556')?.gone_at != null);
    expect(lookups(kit)).toEqual([['555', '556', '557']]);
    expect(person('555')).toMatchObject({ handle: '555', gone_reason: 'suspended' });
    expect(person('556')).toMatchObject({ handle: '556', gone_reason: 'deleted' });
    expect(timeline(account.id, '555')).toEqual([{ kind: 'gone', data: JSON.stringify({ reason: 'suspended' }) }]);
    // The estimate no longer counts them: only followers, following and the account itself.
    const estimate = await callOk(kit.core, 'getSyncReadEstimate', { accountId: account.id });
    expect(estimate).toMatchObject({ users: FOLLOWERS + 1 });
    expect(estimate?.sentence).not.toContain('knows only by id');

    // An older archive brings one more person to name; its message history with 555 and 556 is no
    // sign they are back. The next sync asks X about the new one only.
    await importArchive(kit, account, 'older.zip', { generatedAt: '2026-11-25T08:00:00.000Z', conversations: wroteWith('555', '556', '557', '558') });
    expect(await callOk(kit.core, 'getSyncReadEstimate', { accountId: account.id })).toMatchObject({ users: FOLLOWERS + 1 + 1 });
    const before = lookups(kit).length;
    await sync(kit, account);
    await until(() => person('558')?.handle === 'new_partner');
    expect(lookups(kit, before)).toEqual([['558']]);

    // 31 days on, X is asked again; it has lifted 555's suspension, so 555 comes back named.
    clock.advance(31 * DAY);
    kit.fake.state.suspended.delete('555');
    kit.fake.state.addUser('555', { username: 'reinstated' });
    expect(await callOk(kit.core, 'getSyncReadEstimate', { accountId: account.id })).toMatchObject({ users: FOLLOWERS + 1 + 2 });
    const later = lookups(kit).length;
    await sync(kit, account);
    await until(() => person('555')?.handle === 'reinstated');
    expect(lookups(kit, later)).toEqual([['555', '556']]);
    expect(person('555')).toMatchObject({ gone_at: null, gone_reason: null });
    expect(timeline(account.id, '555').map((e) => e.kind)).toEqual(['gone', 'came_back']);
    expect(person('556')).toMatchObject({ handle: '556', gone_reason: 'deleted' });
  });

  it('are asked again at the next sync when a newer archive lists them among my followers', async () => {
    kit = await startXApiCore({ followers: FOLLOWERS });
    kit.fake.state.addUser('555');
    kit.fake.state.suspended.add('555');
    const account = await kit.signIn();
    await importArchive(kit, account, 'a.zip', { conversations: wroteWith('555') });
    db = new Database(path.join(kit.dataDir, DATABASE_FILE), { readonly: true });
    await sync(kit, account);
    await until(() => person('555')?.gone_at != null);
    expect(await callOk(kit.core, 'getSyncReadEstimate', { accountId: account.id })).toMatchObject({ users: FOLLOWERS + 1 });

    kit.fake.state.suspended.delete('555');
    kit.fake.state.addUser('555', { username: 'back_again' });
    const followers = ['555', ...Array.from({ length: apiFollowers.count }, (_, i) => apiFollowers.id(i))];
    await importArchive(kit, account, 'newer.zip', { generatedAt: '2026-12-02T08:00:00.000Z', followers, conversations: wroteWith('555') });
    expect(await callOk(kit.core, 'getSyncReadEstimate', { accountId: account.id })).toMatchObject({ users: FOLLOWERS + 1 + 1 });
    await sync(kit, account);
    await until(() => person('555')?.handle === 'back_again');
    expect(person('555')).toMatchObject({ gone_at: null });
  });
});
