// Serves app://rapport/… : the renderer build, and the media cache under app://rapport/media/….
// Electron-free (it takes and returns fetch Request/Response), so it is tested against a real
// folder without a browser. appProtocol.ts plugs it into protocol.handle.
import { realpath, readFile, stat } from 'node:fs/promises';
import { APP_HOST, APP_SCHEME } from './appOrigin';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';
import { contentTypeFor, isHtmlContentType } from './contentTypes';
import type { MainLog } from './mainLog';
import { isInside, resolveInsideRoot } from './safeResolvePath';

export interface AppProtocolRoots {
  /** electron-vite's renderer output (out/renderer). */
  rendererDir: string;
  /** core's media cache (<dataDir>/media). */
  mediaDir: string;
}

const MEDIA_PREFIX = '/media/';
const ENTRY_FILE = 'index.html';

export type AppProtocolHandler = (request: Request) => Promise<Response>;

export function createAppProtocolHandler(roots: AppProtocolRoots, log?: MainLog): AppProtocolHandler {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return plain(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');

    const { root, path } = route(roots, url.pathname);
    const filePath = resolveInsideRoot(root, path);
    if (filePath === null) {
      log?.warn('app:// refused a path outside its root', url.pathname);
      return plain(403, 'Forbidden');
    }

    const served = await readServedFile(root, filePath);
    if (served === 'missing') return plain(404, 'Not found');
    if (served === 'escaped') {
      log?.warn('app:// refused a link that leads outside its root', url.pathname);
      return plain(403, 'Forbidden');
    }

    const contentType = contentTypeFor(filePath);
    const headers = securityHeaders(contentType);
    // HTML is the app shell and must pick up a new build; hashed assets and media can be cached.
    headers.set('Cache-Control', isHtmlContentType(contentType) ? 'no-cache' : 'max-age=3600');
    headers.set('Content-Length', String(served.byteLength));
    return new Response(request.method === 'HEAD' ? null : served, { status: 200, headers });
  };
}

function route(roots: AppProtocolRoots, pathname: string): { root: string; path: string } {
  if (pathname.startsWith(MEDIA_PREFIX)) return { root: roots.mediaDir, path: pathname.slice(MEDIA_PREFIX.length) };
  if (pathname === '/' || pathname === '') return { root: roots.rendererDir, path: ENTRY_FILE };
  return { root: roots.rendererDir, path: pathname };
}

/**
 * Reads a regular file, re-checking the guard on the real path: a symlink inside the root must
 * not become a way out of it.
 */
async function readServedFile(
  root: string,
  filePath: string,
): Promise<Uint8Array<ArrayBuffer> | 'missing' | 'escaped'> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(filePath)]);
    if (!isInside(realRoot, realFile)) return 'escaped';
    if (!(await stat(realFile)).isFile()) return 'missing';
    return new Uint8Array(await readFile(realFile));
  } catch {
    return 'missing';
  }
}

function securityHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    // On every response, not only HTML: an SVG or JSON opened as a document gets the same rules.
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  });
}

function plain(status: number, text: string): Response {
  const headers = securityHeaders('text/plain; charset=utf-8');
  return new Response(text, { status, headers });
}
