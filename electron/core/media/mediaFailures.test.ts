// A media host that is gone costs one attempt, then is skipped until its time is up, across
// restarts; an image whose header declares a pixel bomb is never stored.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pngHeader } from '../../../test/fakes/imageBytes';
import { MediaAnswerError } from '../net/imageDownload';
import { NetworkFailure } from '../net/networkFailure';
import type { FetchedMedia } from '../networks/provider';
import { MediaCache, MediaRefusedError, MediaSkippedError, type MediaSource } from './mediaCache';
import { HOST_FAILURE_TTL_MS, URL_FAILURE_TTL_MS } from './mediaFailureMemo';

const dirs: string[] = [];
const caches: MediaCache[] = [];
afterEach(async () => {
  // A failure remembered in a test's last step is saved in the background (failed-media.json,
  // written to a temp file and renamed): wait for every cache's index to be on disk before the
  // folder goes, or its removal meets a file being created (ENOTEMPTY).
  await Promise.all(caches.splice(0).map((cache) => cache.flush()));
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A cache whose background writes afterEach waits for. */
function cacheIn(dir: string, options?: ConstructorParameters<typeof MediaCache>[1]): MediaCache {
  const cache = new MediaCache(dir, options);
  caches.push(cache);
  return cache;
}

function mediaDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-media-failures-'));
  dirs.push(dir);
  return path.join(dir, 'media');
}

const avatar: FetchedMedia = { bytes: pngHeader(400, 400), contentType: 'image/png' };

const unreachable = (host: string) =>
  new NetworkFailure('OFFLINE', `${host} is not reachable (ENOTFOUND).`, { ambiguous: false, status: null, retryAt: null, endpoint: host, attempts: 1, reason: 'ENOTFOUND' });

/** Answers each URL by `answer`, counting calls and the most downloads in flight at once. */
class ScriptedSource implements MediaSource {
  calls: string[] = [];
  private inFlight = 0;
  maxInFlight = 0;
  constructor(private readonly answer: (url: string) => FetchedMedia | Error) {}
  async fetchMedia(url: string): Promise<FetchedMedia> {
    this.calls.push(url);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.inFlight--;
    const result = this.answer(url);
    if (result instanceof Error) throw result;
    return result;
  }
}

async function outcome(promise: Promise<string>): Promise<string | Error> {
  return promise.catch((error: unknown) => error as Error);
}

describe('MediaCache failures', () => {
  it('tries 250 avatars on a host that does not resolve once, and skips them all', async () => {
    const source = new ScriptedSource((url) => (url.includes('dead.invalid') ? unreachable('dead.invalid') : avatar));
    const media = cacheIn(mediaDir());
    const results = await Promise.all(Array.from({ length: 250 }, (_, i) => outcome(media.ensure(`https://dead.invalid/a/${i}.png`, source))));
    expect(source.calls).toHaveLength(1);
    expect(results.filter((r) => r instanceof MediaSkippedError)).toHaveLength(249);
    // Which of the 250 goes first depends on the order their cache lookups finish; any other is skipped.
    expect(String(results.find((r) => r instanceof MediaSkippedError))).toMatch(/images from dead\.invalid skipped until .*dead\.invalid is not reachable \(ENOTFOUND\)/);
    // Another host is not held back by the dead one.
    expect(await media.ensure('https://cdn.example/ok.png', source)).toMatch(/\.png$/);
  });

  it('remembers a dead host across restarts until its time is up (injected clock)', async () => {
    const dir = mediaDir();
    const memoFile = path.join(dir, 'failed-media.json');
    let clock = Date.UTC(2026, 0, 1);
    const now = () => clock;
    const source = new ScriptedSource(() => unreachable('dead.invalid'));
    const first = cacheIn(dir, { memoFile, now });
    await outcome(first.ensure('https://dead.invalid/1.png', source));
    await first.flush();

    const next = cacheIn(dir, { memoFile, now }); // the next run of core
    expect(await outcome(next.ensure('https://dead.invalid/2.png', source))).toBeInstanceOf(MediaSkippedError);
    expect(source.calls).toHaveLength(1);

    clock += HOST_FAILURE_TTL_MS + 1;
    expect(await outcome(next.ensure('https://dead.invalid/2.png', source))).toBeInstanceOf(NetworkFailure);
    expect(source.calls).toHaveLength(2);
  });

  it('starts afresh from a damaged index instead of failing', async () => {
    const dir = mediaDir();
    const memoFile = path.join(dir, 'failed-media.json');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(memoFile, '{"version":1,"hosts":{"cdn.example":{"until":"soon"}},');
    const media = cacheIn(dir, { memoFile });
    expect(await media.ensure('https://cdn.example/a.png', new ScriptedSource(() => avatar))).toMatch(/\.png$/);
  });

  it('skips one URL that answered 404 for a day, not its host', async () => {
    let clock = Date.UTC(2026, 0, 1);
    const source = new ScriptedSource((url) => (url.endsWith('gone.png') ? new MediaAnswerError('cdn.example', 404, 'cdn.example did not send the image (HTTP 404).') : avatar));
    const media = cacheIn(mediaDir(), { now: () => clock });
    expect(await outcome(media.ensure('https://cdn.example/gone.png', source))).toBeInstanceOf(MediaAnswerError);
    expect(await outcome(media.ensure('https://cdn.example/gone.png', source))).toBeInstanceOf(MediaSkippedError);
    expect(await media.ensure('https://cdn.example/fine.png', source)).toMatch(/\.png$/);
    clock += URL_FAILURE_TTL_MS - 1;
    expect(await outcome(media.ensure('https://cdn.example/gone.png', source))).toBeInstanceOf(MediaSkippedError);
    clock += 2;
    await outcome(media.ensure('https://cdn.example/gone.png', source));
    expect(source.calls.filter((u) => u.endsWith('gone.png'))).toHaveLength(2);
  });

  it('refuses an image whose header declares 60,000 × 60,000 pixels, storing nothing', async () => {
    const dir = mediaDir();
    const media = cacheIn(dir);
    const bomb = new ScriptedSource(() => ({ bytes: pngHeader(60_000, 60_000), contentType: 'image/png' }));
    const error = await outcome(media.ensure('https://cdn.example/bomb.png', bomb));
    expect(error).toBeInstanceOf(MediaRefusedError);
    expect(String(error)).toMatch(/cdn\.example: 60000×60000 pixels is over the limit/);
    expect(fs.existsSync(path.join(dir, 'avatars'))).toBe(false);
    expect(await outcome(media.ensure('https://cdn.example/bomb.png', bomb))).toBeInstanceOf(MediaSkippedError);
    expect(bomb.calls).toHaveLength(1);
  });

  it('downloads at most four images at once, whoever asks', async () => {
    const source = new ScriptedSource(() => avatar);
    const media = cacheIn(mediaDir());
    await Promise.all(Array.from({ length: 40 }, (_, i) => media.ensure(`https://cdn${i % 5}.example/${i}.png`, source)));
    expect(source.calls).toHaveLength(40);
    expect(source.maxInFlight).toBeLessThanOrEqual(4);
  });
});
