// Serves files from one folder without ever leaving it: the renderer build and the media cache
// both go through here. A request path is decoded once, resolved against the root, and refused
// unless the real path (symlinks followed) is still inside the real root.
import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { realpath, stat } from 'node:fs/promises';
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

export function streamFile(
  res: ServerResponse,
  file: { path: string; size: number },
  headers: Record<string, string>,
): void {
  res.writeHead(200, {
    ...headers,
    'content-type': contentTypeOf(file.path),
    'content-length': String(file.size),
    'x-content-type-options': 'nosniff',
  });
  createReadStream(file.path)
    .on('error', () => res.destroy())
    .pipe(res);
}
