// Reads the files of an archive the import needs, in manifest order, into staging: the owner
// (account.js), followers and following (the substance), then names from tweets and message
// partners from direct messages (enrichment), with my replies, mentions and our messages as
// interactions. Each file must hold exactly the part and the number of items the manifest
// promises; anything else is a lying manifest and fails the whole import.
import { archiveError } from './archiveImportError';
import { messageInteractions, tweetInteractions } from './archiveInteractions';
import type { ArchiveLimits } from './archiveLimits';
import { readManifest, type ArchiveManifest, type ManifestFile } from './archiveManifest';
import { accountOwner, conversationMessages, edgeAccountId, tweetNameSightings, type ArchiveOwner } from './archiveRecords';
import type { ArchiveSource } from './archiveSource';
import type { ArchiveStaging } from './archiveStaging';
import { ytdItems } from './ytdArrayStream';

/** Reads one data file's items, checking the manifest's promise about it. */
async function eachItem(source: ArchiveSource, file: ManifestFile, onItem: (item: unknown, index: number) => void): Promise<void> {
  if (!source.has(file.fileName)) throw archiveError('manifest', `${file.fileName} is listed but missing`);
  let index = 0;
  for await (const item of ytdItems(await source.open(file.fileName), file.fileName, file.globalName)) {
    onItem(item, index);
    index++;
    if (index > file.count) throw archiveError('manifest', `${file.fileName} holds more items than the ${file.count} listed`);
  }
  if (index !== file.count) throw archiveError('manifest', `${file.fileName} holds ${index} items, not the ${file.count} listed`);
}

export interface ArchiveHead {
  manifest: ArchiveManifest;
  owner: ArchiveOwner;
}

/** The manifest and the owner: enough to refuse another account's archive before reading more. */
export async function readArchiveHead(source: ArchiveSource, limits: ArchiveLimits): Promise<ArchiveHead> {
  const manifest = await readManifest(source, limits);
  const accountFiles = manifest.filesOf('account');
  if (accountFiles.length === 0) throw archiveError('manifest', 'it lists no account file');
  let owner: ArchiveOwner | null = null;
  for (const file of accountFiles) {
    await eachItem(source, file, (item) => {
      owner ??= accountOwner(item);
    });
  }
  const found = owner as ArchiveOwner | null;
  if (found === null) throw archiveError('malformed', 'account.js names no account');
  if (found.id !== manifest.ownerId) throw archiveError('manifest', 'its owner differs from account.js');
  return { manifest, owner: found };
}

/** Streams followers, following, names and messages into staging. */
export async function readArchiveBody(source: ArchiveSource, head: ArchiveHead, staging: ArchiveStaging): Promise<void> {
  const { manifest, owner } = head;
  for (const kind of ['follower', 'following'] as const) {
    const files = manifest.filesOf(kind);
    if (files.length === 0) throw archiveError('manifest', `it lists no ${kind} file`);
    for (const file of files) {
      await eachItem(source, file, (item, index) => staging.addEdge(kind, edgeAccountId(item, kind, file.fileName, index)));
    }
  }
  for (const file of manifest.filesOf('tweets', 'tweet')) {
    await eachItem(source, file, (item) => {
      for (const sighting of tweetNameSightings(item)) if (sighting.id !== owner.id) staging.addName(sighting);
      for (const interaction of tweetInteractions(item, owner)) staging.addInteraction(interaction);
    });
  }
  for (const file of manifest.filesOf('directMessages', 'directMessage')) {
    await eachItem(source, file, (item) => {
      for (const message of conversationMessages(item, owner.id)) staging.addMessage(message);
      for (const interaction of messageInteractions(item, owner.id)) staging.addInteraction(interaction);
    });
  }
  staging.flush();
}
