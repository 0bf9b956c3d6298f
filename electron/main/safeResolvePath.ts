// The path-traversal guard for everything served over app://. A URL path is untrusted input:
// it may carry `..`, encoded separators (%2f, %5c), NUL bytes or drive letters meant to climb
// out of the folder being served.
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Maps a still percent-encoded URL path (relative to `root`, leading slashes ignored) to an
 * absolute file path inside `root`, or null when the path is malformed or would leave `root`.
 * Each segment is decoded on its own, so an encoded separator can never create a new segment.
 */
export function resolveInsideRoot(root: string, encodedPath: string): string | null {
  const segments: string[] = [];
  for (const rawSegment of encodedPath.split('/')) {
    if (rawSegment === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return null;
    }
    if (!isSafeSegment(segment)) return null;
    segments.push(segment);
  }
  if (segments.length === 0) return null;

  const resolvedRoot = resolve(root);
  const candidate = resolve(resolvedRoot, ...segments);
  return isInside(resolvedRoot, candidate) ? candidate : null;
}

/** True when `candidate` is strictly below `root` (both absolute and normalised). */
export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !isAbsolute(rel) && !rel.split(sep).includes('..');
}

function isSafeSegment(segment: string): boolean {
  if (segment === '.' || segment === '..') return false;
  // Separators of any platform, NUL, and ':' (Windows drive letters and NTFS streams).
  return !/[/\\\0:]/.test(segment);
}
