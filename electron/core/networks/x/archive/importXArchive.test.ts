// Importing X archives into a real SQLite database: exact counts over split files, names from
// tweets, message partners, the diff between two snapshots, idempotence, older snapshots, and the
// owner check.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeXArchiveFolder, writeXArchiveZip, xIds, type XArchiveSpec } from '../../../../../test/fakes/x/xArchiveBuilder';
import { ArchiveImportError } from './archiveImportError';
import { fingerprint, openTestDb, OWNER, tempTables, type ArchiveTestDb } from './archiveTestKit';
import { importXArchive } from './importXArchive';

let t: ArchiveTestDb;
beforeEach(() => {
  t = openTestDb();
});
afterEach(() => t.close());

const NOW = () => new Date('2026-12-03T10:00:00.000Z');

function spec(overrides: Partial<XArchiveSpec> = {}): XArchiveSpec {
  return { owner: OWNER, generatedAt: '2026-11-20T08:00:00.000Z', followers: ['101', '102', '103'], following: ['102', '201'], ...overrides };
}

async function importSpec(s: XArchiveSpec, name = 'archive.zip') {
  const file = path.join(t.dir, name);
  await writeXArchiveZip(file, s);
  return importXArchive(t.db, t.account, file, NOW);
}

const count = (sql: string, ...params: unknown[]): number => (t.db.prepare(sql).get(...params) as { n: number }).n;

function stageOf(remoteId: string): string | undefined {
  const row = t.db
    .prepare("SELECT t.stage FROM triage t JOIN people p ON p.id = t.person_id WHERE p.network = 'x' AND p.remote_id = ?")
    .get(remoteId) as { stage: string } | undefined;
  return row?.stage;
}

function eventsOf(kind: string): { remoteId: string; at: string; data: Record<string, unknown> | null }[] {
  return (
    t.db
      .prepare('SELECT p.remote_id AS remoteId, e.at, e.data FROM events e JOIN people p ON p.id = e.person_id WHERE e.kind = ? ORDER BY p.remote_id')
      .all(kind) as { remoteId: string; at: string; data: string | null }[]
  ).map((e) => ({ ...e, data: e.data === null ? null : (JSON.parse(e.data) as Record<string, unknown>) }));
}

describe('importing an X archive', () => {
  it('imports 120,000 followers split over several part files exactly, newest first, mutuals Connected', async () => {
    const followers = xIds(120_000);
    const summary = await importSpec(spec({ followers, following: [followers.id(0), followers.id(119_999), '777'], partItems: 50_000 }));

    expect(summary).toMatchObject({ followers: 120_000, following: 3, newFollowers: 120_000, firstImport: true });
    expect(count('SELECT count(*) AS n FROM relationships WHERE follows_me = 1')).toBe(120_000);
    expect(count("SELECT count(*) AS n FROM triage WHERE stage = 'new'")).toBe(119_998);
    expect(count("SELECT count(*) AS n FROM triage WHERE stage = 'connected'")).toBe(2);
    expect(count('SELECT count(*) AS n FROM relationships WHERE i_follow = 1')).toBe(3);
    // A first import says nothing about when each of them followed: no timeline flood.
    expect(count('SELECT count(*) AS n FROM events')).toBe(0);
    // The board's newest-first order is the archive's order, across part files.
    const order = t.db
      .prepare("SELECT p.remote_id FROM triage t JOIN people p ON p.id = t.person_id WHERE t.stage = 'new' ORDER BY t.sort_rank DESC LIMIT 2")
      .pluck()
      .all();
    expect(order).toEqual([followers.id(1), followers.id(2)]);
    expect(count("SELECT count(*) AS n FROM people_fts WHERE people_fts MATCH ?", followers.id(60_000))).toBe(1);
    expect(tempTables(t.db)).toEqual([]);
  });

  it('names people from mentions and replies; people never named keep their id and an "open on X" link', async () => {
    await importSpec(
      spec({
        followers: ['101', '102', '103'],
        tweets: [
          { id: '900', mentions: [{ id: '101', screenName: 'old_ada', name: 'Ada (old)' }] },
          { id: '950', mentions: [{ id: '101', screenName: 'ada', name: 'Ada Lovelace' }] },
          { id: '960', replyTo: { id: '102', screenName: 'grace' } },
          { id: '970', mentions: [{ id: '555', screenName: 'stranger', name: 'Not a follower' }] },
        ],
      }),
    );
    const person = (id: string) =>
      t.db.prepare("SELECT handle, display_name AS displayName, profile_url AS url FROM people WHERE network = 'x' AND remote_id = ?").get(id);
    expect(person('101')).toEqual({ handle: 'ada', displayName: 'Ada Lovelace', url: 'https://x.com/ada' });
    expect(person('102')).toEqual({ handle: 'grace', displayName: '', url: 'https://x.com/grace' });
    expect(person('103')).toEqual({ handle: '103', displayName: '', url: 'https://x.com/i/user/103' });
    // Mentioned strangers are not followers: no row for them.
    expect(person('555')).toBeUndefined();
  });

  it('flags the people I exchanged direct messages with, with a timeline entry at the last message', async () => {
    await importSpec(
      spec({
        conversations: [
          { partnerId: '101', messages: [{ fromMe: false, at: '2026-10-01T09:00:00.000Z' }, { fromMe: true, at: '2026-10-02T09:00:00.000Z' }] },
          { partnerId: '301', messages: [{ fromMe: true, at: '2026-09-01T09:00:00.000Z' }] },
        ],
      }),
    );
    expect(eventsOf('dm_sent')).toEqual([
      { remoteId: '101', at: '2026-10-02T09:00:00.000Z', data: { exchanged: 2, since: '2026-10-01T09:00:00.000Z' } },
      { remoteId: '301', at: '2026-09-01T09:00:00.000Z', data: { exchanged: 1, since: '2026-09-01T09:00:00.000Z' } },
    ]);
  });

  it('diffs a newer snapshot: exactly the new followers, unfollows and my own changes, dated between the two', async () => {
    await importSpec(spec(), 'first.zip');
    const summary = await importSpec(
      spec({ generatedAt: '2026-12-01T08:00:00.000Z', followers: ['104', '101', '103'], following: ['201', '103'] }),
      'second.zip',
    );
    expect(summary).toMatchObject({ appliedAsNewest: true, firstImport: false, newFollowers: 1, unfollowedMe: 1, iFollowed: 1, iUnfollowed: 1 });
    const window = { after: '2026-11-20T08:00:00.000Z', before: '2026-12-01T08:00:00.000Z' };
    const at = '2026-12-01T08:00:00.000Z';
    expect(eventsOf('followed_me')).toEqual([{ remoteId: '104', at, data: window }]);
    expect(eventsOf('unfollowed_me')).toEqual([{ remoteId: '102', at, data: window }]);
    expect(eventsOf('i_followed')).toEqual([{ remoteId: '103', at, data: window }]);
    expect(eventsOf('i_unfollowed')).toEqual([{ remoteId: '102', at, data: window }]);
    expect(stageOf('104')).toBe('new');
    expect(stageOf('103')).toBe('connected');
    // The new follower ranks above everyone already on the board.
    const top = t.db.prepare('SELECT p.remote_id FROM triage t JOIN people p ON p.id = t.person_id ORDER BY t.sort_rank DESC LIMIT 1').pluck().get();
    expect(top).toBe('104');
    expect(count('SELECT count(*) AS n FROM relationships WHERE follows_me = 1')).toBe(3);
  });

  it('changes nothing when the same archive is imported twice', async () => {
    const s = spec({
      tweets: [{ id: '950', mentions: [{ id: '101', screenName: 'ada', name: 'Ada' }] }],
      conversations: [{ partnerId: '101', messages: [{ fromMe: true, at: '2026-10-02T09:00:00.000Z' }] }],
    });
    await importSpec(s, 'a.zip');
    const before = fingerprint(t.db);
    const again = await importSpec(s, 'b.zip');
    expect(again).toMatchObject({ appliedAsNewest: false, newFollowers: 0, unfollowedMe: 0, named: 0, messagePartners: 0 });
    expect(fingerprint(t.db)).toEqual(before);
  });

  it('an older archive after a newer one only fills gaps: names and messages, never follows', async () => {
    await importSpec(spec({ generatedAt: '2026-12-01T08:00:00.000Z', followers: ['101'], following: [] }), 'new.zip');
    const summary = await importSpec(
      spec({
        generatedAt: '2026-11-01T08:00:00.000Z',
        followers: ['101', '102'],
        following: ['101'],
        tweets: [{ id: '950', mentions: [{ id: '101', screenName: 'ada', name: 'Ada' }] }],
        conversations: [{ partnerId: '101', messages: [{ fromMe: true, at: '2026-10-02T09:00:00.000Z' }] }],
      }),
      'old.zip',
    );
    expect(summary).toMatchObject({ appliedAsNewest: false, named: 1, messagePartners: 1 });
    expect(count('SELECT count(*) AS n FROM relationships WHERE follows_me = 1')).toBe(1);
    expect(count('SELECT count(*) AS n FROM relationships WHERE i_follow = 1')).toBe(0);
    expect(count("SELECT count(*) AS n FROM people WHERE remote_id = '102'")).toBe(0);
    expect(t.db.prepare("SELECT handle FROM people WHERE remote_id = '101'").pluck().get()).toBe('ada');
    expect(count("SELECT count(*) AS n FROM events WHERE kind <> 'dm_sent'")).toBe(0);
  });

  it('refuses the archive of another X account with a sentence saying so, and imports nothing', async () => {
    const before = fingerprint(t.db);
    const error = await importSpec(spec({ owner: { id: '999', username: 'someone_else', displayName: 'Else' } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveImportError);
    expect(error).toMatchObject({ code: 'CONFLICT', problem: 'wrongOwner' });
    expect((error as Error).message).toMatch(/belongs to another X account \(@someone_else, not @rapport_me\)/);
    expect(fingerprint(t.db)).toEqual(before);
  });

  it('imports the unzipped folder as well as the zip', async () => {
    const folder = path.join(t.dir, 'unzipped');
    writeXArchiveFolder(folder, spec({ followers: xIds(2_500), partItems: 1_000 }));
    const summary = await importXArchive(t.db, t.account, folder, NOW);
    expect(summary.followers).toBe(2_500);
    expect(count('SELECT count(*) AS n FROM triage')).toBe(2_500);
  });
});
