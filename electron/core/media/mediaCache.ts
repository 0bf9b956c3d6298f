// Local cache of remote images (avatars). Files live under <dataDir>/media and are named by the
// SHA-256 of their URL, so the same URL always maps to the same file and a re-sync downloads
// nothing it already has. The renderer sees them as `media/<relative path>`, served by main
// (app://) or the harness with a path-traversal guard; it never loads a remote image itself.
//
// Downloads share a few slots (DownloadSlots); one that fails is remembered (MediaFailureMemo)
// and skipped until its time is up, and the first download from a host goes alone, so a dead
// host costs one attempt however many avatars point at it. Raster images are refused when their
// header declares more pixels than MAX_IMAGE_PIXELS, before anything stores or decodes them.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FetchedMedia } from '../networks/provider';
import { DownloadSlots } from './downloadSlots';
import { oversizeReason, readImageDimensions } from './imageDimensions';
import { MediaFailureMemo } from './mediaFailureMemo';
import { failureRule } from './mediaFailureRule';

/** Content types we store, with the extension the file gets. Anything else is refused. */
const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/svg+xml': 'svg',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

/** Avatars are small; a bigger answer is a misbehaving server, not a picture worth keeping. */
export const MEDIA_MAX_BYTES = 5 * 1024 * 1024;

export interface MediaSource {
  fetchMedia(url: string, signal?: AbortSignal): Promise<FetchedMedia>;
}

export class MediaRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MediaRefusedError';
  }
}

/** Skipped without asking the network: it failed recently (the message says why and until when). */
export class MediaSkippedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MediaSkippedError';
  }
}

/** Parallel downloads across a whole core. */
export const MEDIA_CONCURRENCY = 4;

export interface MediaCacheOptions {
  /** Where failed media is remembered across restarts; absent: for this run only. */
  memoFile?: string;
  now?: () => number;
  concurrency?: number;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

export function extensionForContentType(contentType: string): string | null {
  const bare = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return EXTENSIONS[bare] ?? null;
}

export class MediaCache {
  readonly mediaDir: string;
  /** One download per URL at a time: concurrent callers share the promise. */
  private readonly inFlight = new Map<string, Promise<string>>();
  private readonly memo: MediaFailureMemo;
  private readonly slots: DownloadSlots;
  private readonly now: () => number;
  /** Hosts that have sent an image this run: their downloads no longer wait for a first one. */
  private readonly provenHosts = new Set<string>();
  /** The first download from a host not yet proven; others from that host wait for it. */
  private readonly firstContact = new Map<string, Promise<unknown>>();

  constructor(mediaDir: string, options: MediaCacheOptions = {}) {
    this.mediaDir = path.resolve(mediaDir);
    this.now = options.now ?? Date.now;
    this.memo = new MediaFailureMemo(options.memoFile ?? null, this.now);
    this.slots = new DownloadSlots(options.concurrency ?? MEDIA_CONCURRENCY);
  }

  /** Resolves when the failed-media index is saved (core closing, tests). */
  flush(): Promise<void> {
    return this.memo.flush();
  }

  /**
   * Returns the cached file's path relative to the media folder (e.g. `avatars/ab/ab12….svg`),
   * downloading it through `source` when it is not cached yet.
   */
  ensure(url: string, source: MediaSource, signal?: AbortSignal): Promise<string> {
    const pending = this.inFlight.get(url);
    if (pending) return pending;
    const work = this.download(url, source, signal).finally(() => this.inFlight.delete(url));
    this.inFlight.set(url, work);
    return work;
  }

  /** Deletes a cached file; a file that is already gone is not an error. */
  async remove(relativePath: string): Promise<void> {
    await fs.rm(this.resolve(relativePath), { force: true });
  }

  /** Absolute path of a cached file; refuses anything that would leave the media folder. */
  resolve(relativePath: string): string {
    const absolute = path.resolve(this.mediaDir, relativePath);
    if (path.isAbsolute(relativePath) || !absolute.startsWith(this.mediaDir + path.sep)) {
      throw new MediaRefusedError(`media path outside the cache: ${relativePath}`);
    }
    return absolute;
  }

  private async download(url: string, source: MediaSource, signal?: AbortSignal): Promise<string> {
    const hash = createHash('sha256').update(url).digest('hex');
    const folder = path.join('avatars', hash.slice(0, 2));
    // A file already cached under any allowed extension is reused without asking the network.
    const existing = await this.findCached(folder, hash);
    if (existing) return existing;

    const host = hostOf(url);
    const first = this.firstContact.get(host);
    if (first && !this.provenHosts.has(host)) await first.catch(() => {});
    this.throwIfSkipped(url, host);
    const fetched = this.slots.run(async () => {
      // Checked again: the host may have failed while this one waited for its slot.
      this.throwIfSkipped(url, host);
      signal?.throwIfAborted();
      return this.checked(url, host, await source.fetchMedia(url, signal));
    });
    if (!this.provenHosts.has(host) && !this.firstContact.has(host)) {
      this.firstContact.set(host, fetched);
      void fetched.then(
        () => this.provenHosts.add(host),
        () => {},
      ).finally(() => this.firstContact.delete(host));
    }
    let media: FetchedMedia;
    let ext: string;
    try {
      ({ media, ext } = await fetched);
    } catch (error) {
      if (!(error instanceof MediaSkippedError) && !signal?.aborted) this.remember(url, host, error);
      throw error;
    }

    const relativePath = `${folder}/${hash}.${ext}`;
    const target = this.resolve(relativePath);
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Write then rename: a reader (or a crash) never sees half a file under the final name.
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await fs.writeFile(temp, media.bytes);
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    return relativePath;
  }

  /** The media as fetched, or a MediaRefusedError saying why it is not kept. */
  private checked(url: string, host: string, media: FetchedMedia): { media: FetchedMedia; ext: string } {
    const ext = extensionForContentType(media.contentType);
    if (!ext) throw new MediaRefusedError(`refused media type ${JSON.stringify(media.contentType)} from ${host}`);
    if (media.bytes.byteLength > MEDIA_MAX_BYTES) throw new MediaRefusedError(`media too large from ${host}`);
    // SVG is only ever generated locally (the sample network); remote downloads refuse it.
    if (ext !== 'svg') {
      const size = readImageDimensions(media.bytes, media.contentType);
      if (!size) throw new MediaRefusedError(`refused an image from ${host} whose header cannot be read`);
      const oversize = oversizeReason(size);
      if (oversize) throw new MediaRefusedError(`refused an image from ${host}: ${oversize}`);
    }
    return { media, ext };
  }

  private throwIfSkipped(url: string, host: string): void {
    const skipped = this.memo.skipped(url, host);
    if (!skipped) return;
    const what = skipped.scope === 'host' ? `images from ${host}` : `this image from ${host}`;
    throw new MediaSkippedError(`${what} skipped until ${new Date(skipped.until).toISOString()}: ${skipped.reason}`);
  }

  private remember(url: string, host: string, error: unknown): void {
    const rule = failureRule(error, host, this.now(), (e) => e instanceof MediaRefusedError);
    if (!rule) return;
    const entry = rule.scope === 'host' ? this.memo.rememberHost(host, rule.ttlMs, rule.reason) : this.memo.rememberUrl(url, rule.ttlMs, rule.reason);
    const what = rule.scope === 'host' ? `images from ${host}` : `an image from ${host}`;
    console.warn(`[rapport media] ${what} will be skipped until ${new Date(entry.until).toISOString()}: ${rule.reason}`);
  }

  private async findCached(folder: string, hash: string): Promise<string | null> {
    for (const ext of new Set(Object.values(EXTENSIONS))) {
      const relativePath = `${folder}/${hash}.${ext}`;
      try {
        await fs.access(this.resolve(relativePath));
        return relativePath;
      } catch {
        // not cached with this extension
      }
    }
    return null;
  }
}
