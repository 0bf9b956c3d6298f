// A zip archive read with yauzl: the central directory is walked once (names and sizes only, no
// data), then only the requested entries are inflated, each through a byte cap. yauzl itself
// refuses entry names that climb out of the archive (`../x`, absolute paths) and checks that an
// entry inflates to exactly the size it declares.
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { archiveError, ArchiveImportError } from './archiveImportError';
import type { ArchiveLimits } from './archiveLimits';
import { byteCap, checkDeclaredSize, looksLikeZip, type ArchiveSource, type ByteBudget } from './archiveSource';

/** Only data files are ever read; media entries (most of an archive's size) are not even kept. */
const DATA_FILE = /^data\/[^/]+\.js$/;

function zipProblem(error: unknown): ArchiveImportError {
  if (error instanceof ArchiveImportError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/invalid relative path|absolute path|invalid characters in fileName/i.test(message)) return archiveError('unsafePath', message);
  if (/too many bytes|size mismatch/i.test(message)) return archiveError('tooLarge', message);
  if (/overflows file bounds|unexpected EOF|truncated|not enough bytes|end of central directory|invalid .* signature|invalid comment length/i.test(message)) {
    return archiveError('truncated', message);
  }
  return archiveError('malformed', message);
}

export async function openZipArchive(filePath: string, limits: ArchiveLimits, budget: ByteBudget): Promise<ArchiveSource> {
  if (!(await looksLikeZip(filePath))) throw archiveError('notAnArchive');
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(filePath, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch (error) {
    // It starts like a zip but its directory is missing: the end of the file was cut off.
    throw archiveError('truncated', error instanceof Error ? error.message : undefined);
  }
  const entries = new Map<string, Entry>();
  try {
    for await (const entry of zip.eachEntry()) {
      if (DATA_FILE.test(entry.fileName)) entries.set(entry.fileName, entry);
    }
  } catch (error) {
    zip.close();
    throw zipProblem(error);
  }
  return {
    has: (name) => entries.has(name),
    async open(name: string): Promise<Readable> {
      const entry = entries.get(name);
      if (!entry) throw archiveError('manifest', `${name} is missing`);
      checkDeclaredSize(name, entry.uncompressedSize, entry.compressedSize, limits);
      let raw: Readable;
      try {
        raw = await zip.openReadStreamPromise(entry);
      } catch (error) {
        throw zipProblem(error);
      }
      const capped = byteCap(name, entry.uncompressedSize, limits, budget);
      raw.on('error', (error) => capped.destroy(zipProblem(error)));
      // A reader that stops early (an error further down) must not leave the inflater running.
      capped.on('close', () => raw.destroy());
      return raw.pipe(capped);
    },
    async close(): Promise<void> {
      zip.close();
    },
  };
}
