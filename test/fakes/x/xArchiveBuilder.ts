// Builds X data archives for tests and benches, laid out the way X writes them: data/manifest.js
// (`window.__THAR_CONFIG`) listing every type's files and counts, data files as
// `window.YTD.<type>.partN = [ … ]`, large types split into parts (`follower.js`,
// `follower-part1.js`, …), account.js, tweets with mentions and replies, one-to-one DMs.
// Written as a zip (streamed: a million followers never sit in memory) or as an unzipped folder.
// Hooks let a test make it lie (manifest counts, names) or add hostile entries.
import fs from 'node:fs';
import path from 'node:path';
import { writeZip, type ZipEntryInput } from './zipWriter';

export interface ArchiveOwnerSpec {
  id: string;
  username: string;
  displayName: string;
}

/** A list of account ids, newest first: an array, or a generator for very large lists. */
export type IdList = readonly string[] | { count: number; id(index: number): string };

export interface TweetSpec {
  id: string;
  mentions?: { id: string; screenName: string; name: string }[];
  replyTo?: { id: string; screenName: string };
  /** Default 'hello'; a retweet's text starts "RT @author: ". */
  text?: string;
  /** X's own format, e.g. 'Wed Nov 02 10:00:00 +0000 2022' (the default). */
  createdAt?: string;
}

export interface ConversationSpec {
  partnerId: string;
  /** Messages in order; fromMe = sent by the owner. */
  messages: { fromMe: boolean; at: string; text?: string; id?: string }[];
}

export interface XArchiveSpec {
  owner: ArchiveOwnerSpec;
  generatedAt: string;
  followers: IdList;
  following: IdList;
  tweets?: TweetSpec[];
  conversations?: ConversationSpec[];
  /** Items per data file before a type is split into parts (X splits by size; tests by count). */
  partItems?: number;
  /** Changes the manifest object before it is written (lying manifests). */
  editManifest?(manifest: ManifestObject): void;
  /** Replaces a data file's text (malformed JSON and the like), by archive path. */
  replaceFile?: Record<string, string>;
  /** More zip entries after the real ones (names that climb out, bombs). */
  extraEntries?: ZipEntryInput[];
}

interface ManifestFileObject {
  fileName: string;
  globalName: string;
  count: string;
}
export interface ManifestObject {
  userInfo: { accountId: string; userName: string; displayName: string };
  archiveInfo: { sizeBytes: string; generationDate: string; isPartialArchive: boolean; maxPartSizeBytes: string };
  readmeInfo: { fileName: string; directory: string; name: string };
  dataTypes: Record<string, { files?: ManifestFileObject[]; mediaDirectory?: string }>;
}

interface DataFile {
  fileName: string;
  globalName: string;
  count: number;
  items: () => Iterable<string>;
}

const countOf = (list: IdList): number => ('count' in list && typeof list.count === 'number' ? list.count : (list as readonly string[]).length);
const idAt = (list: IdList, i: number): string => ('id' in list && typeof list.id === 'function' ? list.id(i) : (list as readonly string[])[i]!);

function indent(json: unknown): string {
  return JSON.stringify(json, null, 2).replace(/\n/g, '\n  ');
}

/** Splits `total` items into X's part files: `<base>.js`, `<base>-part1.js`, … */
function parts(base: string, global: string, total: number, partItems: number, item: (i: number) => string): DataFile[] {
  const files: DataFile[] = [];
  const partCount = Math.max(1, Math.ceil(total / partItems));
  for (let part = 0; part < partCount; part++) {
    const start = part * partItems;
    const end = Math.min(total, start + partItems);
    files.push({
      fileName: `data/${base}${part === 0 ? '' : `-part${part}`}.js`,
      globalName: `YTD.${global}.part${part}`,
      count: end - start,
      *items() {
        for (let i = start; i < end; i++) yield item(i);
      },
    });
  }
  return files;
}

function edgeItem(kind: 'follower' | 'following', id: string): string {
  return indent({ [kind]: { accountId: id, userLink: `https://twitter.com/intent/user?user_id=${id}` } });
}

function tweetItem(tweet: TweetSpec): string {
  return indent({
    tweet: {
      id_str: tweet.id,
      id: tweet.id,
      full_text: tweet.text ?? 'hello',
      created_at: tweet.createdAt ?? 'Wed Nov 02 10:00:00 +0000 2022',
      ...(tweet.replyTo ? { in_reply_to_user_id_str: tweet.replyTo.id, in_reply_to_screen_name: tweet.replyTo.screenName } : {}),
      entities: {
        user_mentions: (tweet.mentions ?? []).map((m) => ({ name: m.name, screen_name: m.screenName, indices: ['0', '5'], id_str: m.id, id: m.id })),
        hashtags: [],
        urls: [],
      },
    },
  });
}

function conversationItem(owner: string, conversation: ConversationSpec, index: number): string {
  return indent({
    dmConversation: {
      conversationId: `${owner}-${conversation.partnerId}`,
      messages: conversation.messages.map((m, i) => ({
        messageCreate: {
          recipientId: m.fromMe ? conversation.partnerId : owner,
          reactions: [],
          urls: [],
          text: m.text ?? 'hi',
          mediaUrls: [],
          senderId: m.fromMe ? owner : conversation.partnerId,
          // Unique across the archive, as X's message ids are.
          id: m.id ?? String(1_000_000_000 + index * 10_000 + i),
          createdAt: m.at,
        },
      })),
    },
  });
}

function dataFiles(spec: XArchiveSpec): Record<string, DataFile[]> {
  const partItems = spec.partItems ?? 1_000_000;
  const tweets = spec.tweets ?? [];
  const conversations = spec.conversations ?? [];
  const account = {
    account: { email: 'me@example.invalid', createdVia: 'web', username: spec.owner.username, accountId: spec.owner.id, createdAt: '2010-01-01T00:00:00.000Z', accountDisplayName: spec.owner.displayName },
  };
  return {
    account: [{ fileName: 'data/account.js', globalName: 'YTD.account.part0', count: 1, items: () => [indent(account)] }],
    follower: parts('follower', 'follower', countOf(spec.followers), partItems, (i) => edgeItem('follower', idAt(spec.followers, i))),
    following: parts('following', 'following', countOf(spec.following), partItems, (i) => edgeItem('following', idAt(spec.following, i))),
    tweets: parts('tweets', 'tweets', tweets.length, partItems, (i) => tweetItem(tweets[i]!)),
    directMessages: parts('direct-messages', 'direct_messages', conversations.length, partItems, (i) => conversationItem(spec.owner.id, conversations[i]!, i)),
  };
}

function manifestOf(spec: XArchiveSpec, files: Record<string, DataFile[]>): ManifestObject {
  const manifest: ManifestObject = {
    userInfo: { accountId: spec.owner.id, userName: spec.owner.username, displayName: spec.owner.displayName },
    archiveInfo: { sizeBytes: '1000', generationDate: spec.generatedAt, isPartialArchive: false, maxPartSizeBytes: '53687091200' },
    readmeInfo: { fileName: 'data/README.txt', directory: 'data/', name: 'README.txt' },
    dataTypes: { tweetsMedia: { mediaDirectory: 'data/tweets_media' } },
  };
  for (const [type, list] of Object.entries(files)) {
    manifest.dataTypes[type] = { files: list.map((f) => ({ fileName: f.fileName, globalName: f.globalName, count: String(f.count) })) };
  }
  spec.editManifest?.(manifest);
  return manifest;
}

/** The text of one data file, in pieces of about 64 KB. */
function* fileText(file: DataFile): Generator<string> {
  let buffer = `window.${file.globalName} = [ `;
  let first = true;
  for (const item of file.items()) {
    buffer += `${first ? '' : ', '}${item}`;
    first = false;
    if (buffer.length > 65_536) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer} ]`;
}

function* archiveEntries(spec: XArchiveSpec): Generator<{ name: string; chunks: Iterable<string> }> {
  const files = dataFiles(spec);
  const manifest = `window.__THAR_CONFIG = ${JSON.stringify(manifestOf(spec, files), null, 2)}`;
  yield { name: 'data/manifest.js', chunks: [spec.replaceFile?.['data/manifest.js'] ?? manifest] };
  yield { name: 'Your archive.html', chunks: ['<html>archive</html>'] };
  for (const list of Object.values(files)) {
    for (const file of list) {
      const replaced = spec.replaceFile?.[file.fileName];
      yield { name: file.fileName, chunks: replaced !== undefined ? [replaced] : fileText(file) };
    }
  }
  yield { name: 'data/tweets_media/1-photo.jpg', chunks: [Buffer.alloc(2048, 7).toString('latin1')] };
}

/** Writes the archive as a zip, as X delivers it. */
export async function writeXArchiveZip(filePath: string, spec: XArchiveSpec): Promise<void> {
  await writeZip(filePath, [...archiveEntries(spec), ...(spec.extraEntries ?? [])]);
}

/** Writes the archive as the folder a user gets by unzipping it. */
export function writeXArchiveFolder(folder: string, spec: XArchiveSpec): void {
  for (const entry of archiveEntries(spec)) {
    const target = path.join(folder, entry.name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const out = fs.openSync(target, 'w');
    try {
      for (const chunk of entry.chunks) fs.writeSync(out, chunk);
    } finally {
      fs.closeSync(out);
    }
  }
}

/** Numeric ids the way X has them: long digit strings, distinct per index and seed. */
export function xIds(count: number, seed = 1): { count: number; id(index: number): string } {
  return { count, id: (index) => String(1_000_000_000_000 * seed + index) };
}
