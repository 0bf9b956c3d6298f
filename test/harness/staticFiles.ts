// Serves files from one folder without ever leaving it: the renderer build and the media cache
// both go through here. A request path is decoded once, resolved against the root, and refused
// unless the real path (symlinks followed) is still inside the real root.
import type { ServerResponse } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { contentTypeFor } from '../../electron/main/contentTypes';

// The same content types the app's app:// protocol uses, so the harness serves what the app serves.
export const contentTypeOf = contentTypeFor;

export type ResolvedFile = { ok: true; path: string; size: number } | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps a URL path (below the route prefix, still percent-encoded) to a file inside `root`.
 * 403 for anything that would escape the root, 404 for what does not exist.
 */
export async function resolveInside(root: string, encodedPath: string): Promise<ResolvedFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encodedPath);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 403 };
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..')) return { ok: false, status: 403 };
  const absoluteRoot = resolve(root);
  const candidate = resolve(absoluteRoot, '.' + '/' + segments.filter((s) => s !== '' && s !== '.').join('/'));
  if (candidate !== absoluteRoot && !candidate.startsWith(absoluteRoot + sep)) return { ok: false, status: 403 };
  try {
    const [realRoot, realFile] = await Promise.all([realpath(absoluteRoot), realpath(candidate)]);
    if (!realFile.startsWith(realRoot + sep)) return { ok: false, status: 403 };
    const info = await stat(realFile);
    if (!info.isFile()) return { ok: false, status: 404 };
    return { ok: true, path: realFile, size: info.size };
  } catch {
    return { ok: false, status: 404 };
  }
}

/**
 * Sends the file in one write. Core runs in this process and a contract call holds the event loop
 * for its whole SQLite read: a stream needing a turn per 64 KB chunk made the 520 KB bundle wait
 * behind the board's first reads (450 ms instead of 60 ms). In the app, files come from main's
 * protocol handler while core runs in its own process.
 */
export async function streamFile(
  res: ServerResponse,
  file: { path: string; size: number },
  headers: Record<string, string>,
): Promise<void> {
  let body: Buffer;
  try {
    body = await readFile(file.path);
  } catch {
    res.destroy();
    return;
  }
  res.writeHead(200, {
    ...headers,
    'content-type': contentTypeOf(file.path),
    'content-length': String(body.length),
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}
