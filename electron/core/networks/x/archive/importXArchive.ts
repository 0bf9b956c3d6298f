// Importing an X archive into an account: open (zip or folder), check the owner, stream the files
// into staging, then apply everything in one transaction. Any failure before the merge leaves
// the database exactly as it was (staging lives in temp tables, dropped on the way out); a failure
// inside the merge rolls its transaction back.
import type Database from 'better-sqlite3';
import { RapportError } from '../../../../../shared/api/errors';
import { interactionCutoff } from '../../../repos/interactionRetention';
import { archiveError, ArchiveImportError } from './archiveImportError';
import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './archiveLimits';
import { readImportState } from './archiveImportState';
import { mergeArchive, type ArchiveMergeResult } from './archiveMerge';
import type { ArchiveOwner } from './archiveRecords';
import type { ArchiveSource, ByteBudget } from './archiveSource';
import { createStaging } from './archiveStaging';
import { isFolder, openFolderArchive } from './folderArchiveSource';
import { readArchiveBody, readArchiveHead, type ArchiveHead } from './readArchive';
import { openZipArchive } from './zipArchiveSource';

export interface XArchiveAccount {
  id: number;
  /** The connected X account's numeric id. */
  remoteId: string;
  handle: string;
  /** When an API read last refreshed the account (its facts are that recent), if ever. */
  lastSyncedAt: string | null;
}

export interface XArchiveImportSummary extends ArchiveMergeResult {
  generatedAt: string;
  followers: number;
  following: number;
}

/** Imports on one connection share its temp staging tables, so they take turns (refused, not queued). */
const importing = new WeakSet<Database.Database>();

export async function openArchive(archivePath: string, limits: ArchiveLimits, budget: ByteBudget): Promise<ArchiveSource> {
  return (await isFolder(archivePath)) ? openFolderArchive(archivePath, limits, budget) : openZipArchive(archivePath, limits, budget);
}

/** The archive's owner, read from its manifest and account.js only (a quick look, e.g. at sign-in). */
export async function readArchiveOwner(archivePath: string, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): Promise<ArchiveOwner & { generatedAt: string }> {
  const source = await openArchive(archivePath, limits, { used: 0 });
  try {
    const head = await readArchiveHead(source, limits);
    return { ...head.owner, generatedAt: head.manifest.generatedAt };
  } finally {
    await source.close();
  }
}

function checkOwner(head: ArchiveHead, account: XArchiveAccount): void {
  if (head.owner.id !== account.remoteId) throw archiveError('wrongOwner', `@${head.owner.username}, not @${account.handle}`);
}

function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

export async function importXArchive(
  db: Database.Database,
  account: XArchiveAccount,
  archivePath: string,
  now: () => Date,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
): Promise<XArchiveImportSummary> {
  if (importing.has(db)) throw new RapportError('CONFLICT', 'An archive import is already running; wait for it to finish.');
  importing.add(db);
  const source = await openArchive(archivePath, limits, { used: 0 }).catch((error: unknown) => {
    importing.delete(db);
    throw error;
  });
  const staging = createStaging(db);
  try {
    const head = await readArchiveHead(source, limits);
    checkOwner(head, account);
    await readArchiveBody(source, head, staging);
    const counts = staging.counts();
    const previous = readImportState(db, account.id);
    const merged = mergeArchive(db, {
      accountId: account.id,
      generatedAt: head.manifest.generatedAt,
      knownUpTo: latest(previous?.generatedAt ?? null, account.lastSyncedAt),
      previousImportAt: previous?.generatedAt ?? null,
      now: now().toISOString(),
      counts,
      interactionsCutoff: interactionCutoff(db, now().getTime()),
    });
    return { ...merged, generatedAt: head.manifest.generatedAt, ...counts };
  } catch (error) {
    if (error instanceof RapportError) throw error;
    throw new ArchiveImportError('malformed', `The archive could not be read: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    staging.drop();
    await source.close();
    importing.delete(db);
  }
}
