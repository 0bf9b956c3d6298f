// Local cache of remote images (avatars). Files live under <dataDir>/media and are named by the
// SHA-256 of their URL, so the same URL always maps to the same file and a re-sync downloads
// nothing it already has. The renderer sees them as `media/<relative path>`, served by main
// (app://) or the harness with a path-traversal guard; it never loads a remote image itself.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FetchedMedia } from '../providers/provider';

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

export function extensionForContentType(contentType: string): string | null {
  const bare = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return EXTENSIONS[bare] ?? null;
}

export class MediaCache {
  readonly mediaDir: string;
  /** One download per URL at a time: concurrent callers share the promise. */
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(mediaDir: string) {
    this.mediaDir = path.resolve(mediaDir);
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

    const media = await source.fetchMedia(url, signal);
    const ext = extensionForContentType(media.contentType);
    if (!ext) throw new MediaRefusedError(`refused media type ${JSON.stringify(media.contentType)} for ${url}`);
    if (media.bytes.byteLength > MEDIA_MAX_BYTES) throw new MediaRefusedError(`media too large: ${url}`);

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
