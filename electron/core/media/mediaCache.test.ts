import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FetchedMedia } from '../networks/provider';
import { jpegHeader, pngHeader } from '../../../test/fakes/imageBytes';
import { MediaCache, MediaRefusedError, type MediaSource } from './mediaCache';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function cache(): MediaCache {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-media-'));
  dirs.push(dir);
  return new MediaCache(path.join(dir, 'media'));
}

/** A media source that counts downloads and can be held until released. */
class CountingSource implements MediaSource {
  calls = 0;
  private release: (() => void) | null = null;
  private gate: Promise<void> | null = null;
  constructor(private readonly media: FetchedMedia) {}
  hold(): void {
    this.gate = new Promise((resolve) => (this.release = resolve));
  }
  open(): void {
    this.release?.();
  }
  async fetchMedia(): Promise<FetchedMedia> {
    this.calls++;
    if (this.gate) await this.gate;
    return this.media;
  }
}

const svg = (text: string): FetchedMedia => ({ bytes: new TextEncoder().encode(`<svg>${text}</svg>`), contentType: 'image/svg+xml' });

describe('MediaCache', () => {
  it('stores under avatars/<2 hex>/<sha256(url)>.<ext> and reuses the file next time', async () => {
    const media = cache();
    const source = new CountingSource(svg('A'));
    const relative = await media.ensure('sample://avatar/1', source);
    expect(relative).toMatch(/^avatars\/[0-9a-f]{2}\/[0-9a-f]{64}\.svg$/);
    expect(relative.slice(8, 10)).toBe(relative.slice(11, 13));
    expect(fs.readFileSync(media.resolve(relative), 'utf8')).toBe('<svg>A</svg>');
    expect(await media.ensure('sample://avatar/1', source)).toBe(relative);
    expect(source.calls).toBe(1);
    // Nothing half-written is left behind.
    expect(fs.readdirSync(path.dirname(media.resolve(relative))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('shares one download between concurrent requests for the same URL', async () => {
    const media = cache();
    const source = new CountingSource(svg('B'));
    source.hold();
    const all = Promise.all([1, 2, 3, 4].map(() => media.ensure('https://cdn.example/b.png', source)));
    source.open();
    const paths = await all;
    expect(new Set(paths).size).toBe(1);
    expect(source.calls).toBe(1);
  });

  it('names the file by content type and refuses types outside the allow-list', async () => {
    const media = cache();
    const png: FetchedMedia = { bytes: pngHeader(4, 4), contentType: 'image/png; charset=binary' };
    expect(await media.ensure('u1', new CountingSource(png))).toMatch(/\.png$/);
    expect(await media.ensure('u2', new CountingSource({ bytes: jpegHeader(4, 4), contentType: 'image/jpeg' }))).toMatch(/\.jpg$/);
    for (const contentType of ['text/html', 'application/javascript', 'image/svg', '']) {
      await expect(media.ensure(`bad-${contentType}`, new CountingSource({ ...png, contentType }))).rejects.toBeInstanceOf(
        MediaRefusedError,
      );
    }
    expect(fs.readdirSync(path.join(media.mediaDir, 'avatars')).length).toBe(2);
  });

  it('removes files and never reaches outside the media folder', async () => {
    const media = cache();
    const relative = await media.ensure('x', new CountingSource(svg('C')));
    await media.remove(relative);
    expect(fs.existsSync(media.resolve(relative))).toBe(false);
    await media.remove(relative); // already gone: fine
    for (const evil of ['../rapport.db', '/etc/passwd', 'avatars/../../x', '..']) {
      await expect(media.remove(evil)).rejects.toBeInstanceOf(MediaRefusedError);
    }
  });
});
