// An archive as Rapport reads it: a zip X sent, or the folder it was unzipped into. Either way the
// importer asks for a few data files by name and gets a byte stream of each, capped (archiveLimits)
// so no entry can make us inflate more than it declared or more than the limits allow.
import fs from 'node:fs';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { archiveError } from './archiveImportError';
import type { ArchiveLimits } from './archiveLimits';

export interface ArchiveSource {
  /** Whether the archive holds a file at this archive-relative path (`data/follower.js`). */
  has(name: string): boolean;
  /** The file's bytes as a stream that fails with a clear error past its declared size or the caps. */
  open(name: string): Promise<Readable>;
  close(): Promise<void>;
}

/** Bytes read so far across every file of one import, against maxTotalBytes. */
export interface ByteBudget {
  used: number;
}

/** Counts bytes as they pass and fails the stream once a file or the whole import exceeds its cap. */
export function byteCap(name: string, declaredBytes: number, limits: ArchiveLimits, budget: ByteBudget): Transform {
  let seen = 0;
  const cap = Math.min(declaredBytes, limits.maxEntryBytes);
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      seen += chunk.length;
      budget.used += chunk.length;
      if (seen > cap) done(archiveError('tooLarge', `${name} is larger than it says`));
      else if (budget.used > limits.maxTotalBytes) done(archiveError('tooLarge', 'the data files together are too large'));
      else done(null, chunk);
    },
  });
}

/** Refuses an entry by its declared sizes before a single byte is inflated. */
export function checkDeclaredSize(name: string, uncompressed: number, compressed: number, limits: ArchiveLimits): void {
  if (uncompressed > limits.maxEntryBytes) throw archiveError('tooLarge', `${name} would inflate to ${uncompressed} bytes`);
  const ratio = compressed > 0 ? uncompressed / compressed : uncompressed > 0 ? Infinity : 1;
  if (uncompressed > limits.ratioFloorBytes && ratio > limits.maxRatio) {
    throw archiveError('tooLarge', `${name} would inflate ${Math.round(ratio)} times`);
  }
}

/** A zip starts with a local file header (or, when empty, the end record). */
export async function looksLikeZip(filePath: string): Promise<boolean> {
  const handle = await fs.promises.open(filePath, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6);
  } finally {
    await handle.close();
  }
}
