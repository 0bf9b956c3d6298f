// The JSON a profile is built from (written by the providers' ingest): profile fields and custom
// emoji in person_extras, shared connections on relationships. They came from a remote
// server, so each entry is checked against its shape; a malformed entry is left out rather than
// failing the whole profile. Image URLs never reach the renderer: only cached files do.
import { z } from 'zod';
import type { CustomEmoji, ProfileField, SharedConnection } from '../../../shared/domain';
import { mediaUrl } from './personCardRow';

const fieldShape = z.object({ name: z.string(), valueHtml: z.string(), verifiedAt: z.string().nullable() });
const emojiShape = z.object({ shortcode: z.string().min(1), file: z.string().nullable().optional() });
const connectionShape = z.object({ handle: z.string(), displayName: z.string(), avatarUrl: z.string().nullable().optional() });

/** A media-relative path we wrote ourselves: no scheme, no way out of the media folder. */
const CACHED_FILE = /^(?!.*\.\.)[\w-]+(?:\/[\w.-]+)+$/;

function entries<T>(json: string | null, shape: z.ZodType<T>): T[] {
  if (!json) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((entry: unknown) => {
    const result = shape.safeParse(entry);
    return result.success ? [result.data] : [];
  });
}

export function cachedMediaUrl(file: string | null | undefined): string | null {
  return file && CACHED_FILE.test(file) ? mediaUrl(file) : null;
}

export function profileFields(json: string | null): ProfileField[] {
  return entries(json, fieldShape).map((f) => ({ name: f.name, valueHtml: f.valueHtml, verifiedAt: f.verifiedAt }));
}

/** `[{shortcode, url, file}]` → emoji served from the cache (url null until the file is cached). */
export function customEmojis(json: string | null): CustomEmoji[] {
  return entries(json, emojiShape).map((e) => ({ shortcode: e.shortcode, url: cachedMediaUrl(e.file) }));
}

/**
 * Shared connections as stored; an avatar is kept only when it is a cached file (`media/…`),
 * never a remote URL the renderer would have to load.
 */
export function sharedConnections(json: string | null): SharedConnection[] {
  return entries(json, connectionShape).map((c) => {
    const avatar = c.avatarUrl?.startsWith('media/') ? cachedMediaUrl(c.avatarUrl.slice('media/'.length)) : null;
    return { handle: c.handle, displayName: c.displayName || c.handle, avatarUrl: avatar };
  });
}
