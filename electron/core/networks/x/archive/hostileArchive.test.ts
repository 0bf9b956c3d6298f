// Hostile or broken archives: each is refused with a clear sentence, and the database — already
// holding a first import — is exactly as before, table by table, with no staging left behind.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeXArchiveFolder, writeXArchiveZip, type XArchiveSpec } from '../../../../../test/fakes/x/xArchiveBuilder';
import { writeZip } from '../../../../../test/fakes/x/zipWriter';
import { ArchiveImportError, type ArchiveProblem } from './archiveImportError';
import { fingerprint, openTestDb, OWNER, tempTables, type ArchiveTestDb } from './archiveTestKit';
import { importXArchive } from './importXArchive';

let t: ArchiveTestDb;
let before: Record<string, string>;
const NOW = () => new Date('2026-12-03T10:00:00.000Z');

function spec(overrides: Partial<XArchiveSpec> = {}): XArchiveSpec {
  return { owner: OWNER, generatedAt: '2026-12-01T08:00:00.000Z', followers: ['101', '102', '104'], following: ['201'], ...overrides };
}

beforeEach(async () => {
  t = openTestDb();
  const first = path.join(t.dir, 'first.zip');
  await writeXArchiveZip(first, { ...spec(), generatedAt: '2026-11-01T08:00:00.000Z', followers: ['101', '103'] });
  await importXArchive(t.db, t.account, first, NOW);
  before = fingerprint(t.db);
});
afterEach(() => t.close());

async function refused(file: string, problem: ArchiveProblem, sentence: RegExp): Promise<void> {
  const error = await importXArchive(t.db, t.account, file, NOW).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ArchiveImportError);
  expect((error as ArchiveImportError).problem).toBe(problem);
  expect((error as Error).message).toMatch(sentence);
  expect(fingerprint(t.db)).toEqual(before);
  expect(tempTables(t.db)).toEqual([]);
}

async function zipOf(s: XArchiveSpec, name = 'hostile.zip'): Promise<string> {
  const file = path.join(t.dir, name);
  await writeXArchiveZip(file, s);
  return file;
}

describe('hostile or broken archives', () => {
  it('a file that is not a zip', async () => {
    const file = path.join(t.dir, 'notes.zip');
    fs.writeFileSync(file, 'just some text, not an archive');
    await refused(file, 'notAnArchive', /not an X archive/);
  });

  it('a zip cut short (an interrupted download)', async () => {
    const file = await zipOf(spec());
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await refused(file, 'truncated', /incomplete/);
  });

  it('an entry named ../../x', async () => {
    const file = await zipOf(spec({ extraEntries: [{ name: '../../x', chunks: ['owned'] }] }));
    await refused(file, 'unsafePath', /points outside the archive/);
  });

  it('a zip bomb: an entry that inflates a thousand times its size', async () => {
    const zeros = Buffer.alloc(1024 * 1024);
    const file = path.join(t.dir, 'bomb.zip');
    // The bomb is a data file the manifest lists, so the importer has to open it.
    const manifest = spec({
      extraEntries: [{ name: 'data/like.js', chunks: Array.from({ length: 20 }, () => zeros) }],
      editManifest: (m) => {
        m.dataTypes.tweets = { files: [{ fileName: 'data/like.js', globalName: 'YTD.tweets.part0', count: '0' }] };
      },
    });
    await writeXArchiveZip(file, manifest);
    await refused(file, 'tooLarge', /inflates far beyond its size/);
  });

  it('an entry that inflates beyond the size it declares', async () => {
    const big = `window.YTD.follower.part0 = [ ${Array.from({ length: 3 }, (_, i) => `{ "follower": { "accountId": "${500 + i}" } }`).join(', ')} ]`;
    const file = path.join(t.dir, 'liar.zip');
    const good = path.join(t.dir, 'good-folder');
    writeXArchiveFolder(good, spec());
    const entries = fs
      .readdirSync(path.join(good, 'data'))
      .filter((f) => f.endsWith('.js'))
      .map((f) =>
        f === 'follower.js'
          ? { name: `data/${f}`, chunks: [big], declare: { uncompressedSize: 40 } }
          : { name: `data/${f}`, chunks: [fs.readFileSync(path.join(good, 'data', f))] },
      );
    await writeZip(file, entries);
    await refused(file, 'tooLarge', /inflates far beyond its size/);
  });

  it('a manifest that lies about a count', async () => {
    const file = await zipOf(spec({ editManifest: (m) => void (m.dataTypes.follower!.files![0]!.count = '5') }));
    await refused(file, 'manifest', /table of contents .* does not match/);
  });

  it('a manifest that lists a file the archive does not have', async () => {
    const file = await zipOf(
      spec({
        editManifest: (m) => m.dataTypes.follower!.files!.push({ fileName: 'data/follower-part1.js', globalName: 'YTD.follower.part1', count: '10' }),
      }),
    );
    await refused(file, 'manifest', /does not match its files/);
  });

  it('a manifest that names a part another file holds', async () => {
    const file = await zipOf(spec({ editManifest: (m) => void (m.dataTypes.follower!.files![0]!.globalName = 'YTD.follower.part7') }));
    await refused(file, 'manifest', /does not match/);
  });

  it('a manifest that points outside the archive', async () => {
    const folder = path.join(t.dir, 'unzipped');
    writeXArchiveFolder(
      folder,
      spec({ editManifest: (m) => void (m.dataTypes.follower!.files![0]!.fileName = 'data/../../secrets.js') }),
    );
    await refused(folder, 'unsafePath', /points outside the archive/);
  });

  it('malformed JSON in a data file', async () => {
    const file = await zipOf(spec({ replaceFile: { 'data/follower.js': 'window.YTD.follower.part0 = [ { "follower": { "accountId": "101" } }, { oops' } }));
    await refused(file, 'malformed', /damaged/);
  });

  it('a data file without its assignment', async () => {
    const file = await zipOf(spec({ replaceFile: { 'data/following.js': '[ { "following": { "accountId": "201" } } ]' } }));
    await refused(file, 'malformed', /damaged/);
  });

  it('a follower whose id is not an X id', async () => {
    const file = await zipOf(
      spec({ replaceFile: { 'data/follower.js': 'window.YTD.follower.part0 = [ { "follower": { "accountId": "../../1" } }, {"follower": {"accountId": "2"}}, {"follower": {"accountId": "3"}} ]' } }),
    );
    await refused(file, 'malformed', /damaged/);
  });

  it('a manifest that is not JSON', async () => {
    const file = await zipOf(spec({ replaceFile: { 'data/manifest.js': 'window.__THAR_CONFIG = { "userInfo": ' } }));
    await refused(file, 'manifest', /does not match/);
  });
});
