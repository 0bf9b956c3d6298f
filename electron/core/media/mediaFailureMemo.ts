// Remembers media that could not be fetched, so later syncs skip it instead of paying for it
// again: an avatar URL that answered 404 or was refused (24 h), and an image host that did not
// resolve or refused connections (1 h, shorter because a laptop that was offline makes every host
// look dead). Kept as a small JSON index inside the media folder, next to the files it is about:
// it is a cache too, and losing it costs one more attempt, nothing else.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const URL_FAILURE_TTL_MS = 24 * 60 * 60_000;
export const HOST_FAILURE_TTL_MS = 60 * 60_000;
/** Old entries go first beyond this; a page of strangers' avatars stays far below it. */
const MAX_ENTRIES = 20_000;

export interface RememberedFailure {
  /** Epoch ms after which the media is tried again. */
  until: number;
  reason: string;
}

interface MemoFile {
  version: 1;
  urls: Record<string, RememberedFailure>;
  hosts: Record<string, RememberedFailure>;
}

function urlKey(url: string): string {
  return createHash('sha256').update(url).digest('hex');
}

function isFailure(value: unknown): value is RememberedFailure {
  return typeof value === 'object' && value !== null && typeof (value as RememberedFailure).until === 'number' && typeof (value as RememberedFailure).reason === 'string';
}

function validEntries(value: unknown): Map<string, RememberedFailure> {
  const out = new Map<string, RememberedFailure>();
  if (typeof value !== 'object' || value === null) return out;
  for (const [key, entry] of Object.entries(value)) if (isFailure(entry)) out.set(key, { until: entry.until, reason: entry.reason.slice(0, 300) });
  return out;
}

export class MediaFailureMemo {
  private readonly urls: Map<string, RememberedFailure>;
  private readonly hosts: Map<string, RememberedFailure>;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  /** `file` null: remember for this run of core only. */
  constructor(
    private readonly file: string | null,
    private readonly now: () => number = Date.now,
  ) {
    let parsed: unknown = null;
    try {
      if (file) parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      // Missing or damaged: start empty; the worst case is one more attempt per image.
    }
    const memo = (parsed ?? {}) as Partial<MemoFile>;
    this.urls = validEntries(memo.urls);
    this.hosts = validEntries(memo.hosts);
  }

  /** Why this URL (or its host) is skipped right now, or null to go ahead. */
  skipped(url: string, host: string): (RememberedFailure & { scope: 'url' | 'host' }) | null {
    const now = this.now();
    const byHost = this.hosts.get(host);
    if (byHost && byHost.until > now) return { ...byHost, scope: 'host' };
    const byUrl = this.urls.get(urlKey(url));
    if (byUrl && byUrl.until > now) return { ...byUrl, scope: 'url' };
    return null;
  }

  rememberUrl(url: string, ttlMs: number, reason: string): RememberedFailure {
    const entry = { until: this.now() + ttlMs, reason };
    this.urls.set(urlKey(url), entry);
    this.save();
    return entry;
  }

  rememberHost(host: string, ttlMs: number, reason: string): RememberedFailure {
    const entry = { until: this.now() + ttlMs, reason };
    this.hosts.set(host, entry);
    this.save();
    return entry;
  }

  /** A host that answered is not dead, whatever an older failure said. */
  forgetHost(host: string): void {
    if (this.hosts.delete(host)) this.save();
  }

  /** Resolves when what is remembered so far is on disk. */
  async flush(): Promise<void> {
    while (this.dirty) await this.writing;
    await this.writing;
  }

  private save(): void {
    if (!this.file || this.dirty) return;
    this.dirty = true;
    // Coalesced: one write carries every change made before it starts.
    this.writing = this.writing.then(async () => {
      this.dirty = false;
      await this.write().catch((error: unknown) => {
        console.error(`[rapport media] could not save the failed-media index: ${(error as Error).message}`);
      });
    });
  }

  private async write(): Promise<void> {
    const file = this.file as string;
    const now = this.now();
    const live = (entries: Map<string, RememberedFailure>) => {
      for (const [key, entry] of entries) if (entry.until <= now) entries.delete(key);
      const excess = entries.size - MAX_ENTRIES;
      if (excess > 0) [...entries.entries()].sort((a, b) => a[1].until - b[1].until).slice(0, excess).forEach(([key]) => entries.delete(key));
      return Object.fromEntries(entries);
    };
    const body: MemoFile = { version: 1, urls: live(this.urls), hosts: live(this.hosts) };
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await fs.promises.writeFile(temp, JSON.stringify(body));
      await fs.promises.rename(temp, file);
    } catch (error) {
      await fs.promises.rm(temp, { force: true });
      throw error;
    }
  }
}
