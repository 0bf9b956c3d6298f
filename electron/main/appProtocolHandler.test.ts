import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, type AppProtocolHandler } from './appProtocolHandler';

// A real folder tree: the renderer build and the media cache side by side, and a secret file
// beside them that no app:// URL may ever reach.
let base: string;
let handle: AppProtocolHandler;
const SECRET = 'rapport-secret-token';

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'rapport-protocol-'));
  const rendererDir = join(base, 'out', 'renderer');
  const mediaDir = join(base, 'data', 'media');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  mkdirSync(join(mediaDir, 'avatars', 'ab'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Rapport</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc123.js'), 'console.log("board")');
  writeFileSync(join(rendererDir, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(join(mediaDir, 'avatars', 'ab', 'ab12.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(base, 'data', 'secret.txt'), SECRET);
  writeFileSync(join(base, 'secret.txt'), SECRET);
  symlinkSync(join(base, 'secret.txt'), join(mediaDir, 'avatars', 'link.svg'));
  handle = createAppProtocolHandler({ rendererDir, mediaDir });
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

async function get(url: string, method = 'GET'): Promise<{ status: number; headers: Headers; body: string }> {
  const response = await handle(new Request(url, { method }));
  return { status: response.status, headers: response.headers, body: await response.text() };
}

describe('app:// protocol handler', () => {
  it('serves the app shell with a strict Content-Security-Policy', async () => {
    for (const url of ['app://rapport/', 'app://rapport/index.html']) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.body).toContain('<title>Rapport</title>');
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('serves renderer assets and cached media with their content types', async () => {
    const js = await get('app://rapport/assets/index-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const css = await get('app://rapport/assets/index-abc123.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const avatar = await get('app://rapport/media/avatars/ab/ab12.svg');
    expect(avatar.status).toBe(200);
    expect(avatar.headers.get('content-type')).toBe('image/svg+xml');
    expect(avatar.body).toContain('<svg');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://rapport/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await get('app://rapport/index.html', 'POST')).status).toBe(405);
  });

  it('answers 404 for missing files, folders and other hosts', async () => {
    expect((await get('app://rapport/nope.js')).status).toBe(404);
    expect((await get('app://rapport/assets')).status).toBe(404);
    expect((await get('app://rapport/media/avatars')).status).toBe(404);
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
  });

  it.each([
    'app://rapport/media/..%2fsecret.txt',
    'app://rapport/media/..%2f..%2fsecret.txt',
    'app://rapport/media/%2e%2e%2fsecret.txt',
    'app://rapport/media/..%5c..%5csecret.txt',
    'app://rapport/..%2f..%2fsecret.txt',
    'app://rapport/media/avatars/ab/ab12.svg%00.png',
    `app://rapport/media/${encodeURIComponent(join('/', 'etc', 'passwd'))}`,
    'app://rapport/media/../../secret.txt',
    'app://rapport/media/%2e%2e/%2e%2e/secret.txt',
    'app://rapport/media/avatars/link.svg',
  ])('never serves anything outside its roots: %s', async (url) => {
    const res = await get(url);
    expect([403, 404]).toContain(res.status);
    expect(res.body).not.toContain(SECRET);
  });
});
