// person_extras (0007): the parts of a profile only some networks have, one JSON object per
// person. Today that is RemoteProfileExtras (a banner, profile fields and custom emoji);
// the shape is the network's business, with one rule every shape keeps: a string under a key
// named "file" is a cached media file, which is how account removal and "forget" find the files a
// person shows (EXTRAS_FILES_SQL) without knowing any network.
import type Database from 'better-sqlite3';
import type { RemoteProfileExtras } from '../networks/provider';
import { perDatabase } from './perDatabase';

export interface StoredEmoji {
  shortcode: string;
  url: string;
  file: string | null;
}

/** person_extras.data as ingest writes it. Rows written by older code may hold other values. */
export interface StoredProfileExtras {
  banner: { url: string | null; file: string | null } | null;
  fields: { name: string; valueHtml: string; verifiedAt: string | null }[] | null;
  emojis: StoredEmoji[] | null;
}

/**
 * Every cached file named in the extras of the people matched by `where` (over `x`, the
 * person_extras row), as column `file`.
 */
export const extrasFilesSql = (where: string): string =>
  `SELECT f.value AS file FROM person_extras x, json_tree(x.data) f
   WHERE (${where}) AND f.key = 'file' AND f.type = 'text'`;

function parseStored(json: string | undefined): Partial<Record<keyof StoredProfileExtras, unknown>> | null {
  if (json === undefined) return null;
  const value: unknown = JSON.parse(json);
  return typeof value === 'object' && value !== null ? (value as Partial<Record<keyof StoredProfileExtras, unknown>>) : null;
}

const emojiKey = (list: unknown): string | null =>
  Array.isArray(list)
    ? JSON.stringify(
        list.map((e: unknown) => {
          const entry = (typeof e === 'object' && e !== null ? e : {}) as Partial<StoredEmoji>;
          return [entry.shortcode ?? null, entry.url ?? null];
        }),
      )
    : null;

/**
 * What to store for freshly fetched extras, given what is stored: a cached banner or emoji file
 * stays while the network still names the same image (same banner URL; the same emoji list, in
 * order), so a re-sync does not throw away the cache.
 */
export function mergeExtras(stored: string | undefined, incoming: RemoteProfileExtras): StoredProfileExtras {
  const old = parseStored(stored);
  const oldBanner = (old?.banner ?? null) as { url?: unknown; file?: unknown } | null;
  const sameBanner = old !== null && (oldBanner?.url ?? null) === incoming.bannerUrl;
  const bannerFile = sameBanner && typeof oldBanner?.file === 'string' ? oldBanner.file : null;
  const emojis: StoredEmoji[] = incoming.emojis.map((e) => ({ shortcode: e.shortcode, url: e.url, file: null }));
  const keepEmojis = old !== null && emojiKey(old.emojis) === emojiKey(emojis);
  return {
    banner: incoming.bannerUrl === null && bannerFile === null ? null : { url: incoming.bannerUrl, file: bannerFile },
    fields: incoming.fields.map((f) => ({ name: f.name, valueHtml: f.valueHtml, verifiedAt: f.verifiedAt })),
    emojis: keepEmojis ? (old.emojis as StoredEmoji[]) : emojis,
  };
}

export const personExtrasRepo = perDatabase((db: Database.Database) => {
  const s = {
    get: db.prepare('SELECT data FROM person_extras WHERE person_id = ?').pluck(),
    upsert: db.prepare(
      `INSERT INTO person_extras (person_id, data, fetched_at) VALUES (@personId, @data, @at)
       ON CONFLICT (person_id) DO UPDATE SET data = excluded.data, fetched_at = excluded.fetched_at`,
    ),
    media: db.prepare(
      `SELECT data ->> '$.banner.url' AS bannerUrl, data ->> '$.banner.file' AS bannerFile, data -> '$.emojis' AS emojisJson
       FROM person_extras WHERE person_id = ?`,
    ),
    // Compare-and-set: a sync that replaced the banner or emoji list meanwhile wins.
    setBannerFile: db.prepare(
      `UPDATE person_extras SET data = json_set(data, '$.banner.file', @file)
       WHERE person_id = @personId AND data ->> '$.banner.url' = @url`,
    ),
    setEmojis: db.prepare(
      `UPDATE person_extras SET data = json_set(data, '$.emojis', json(@emojis))
       WHERE person_id = @personId AND data -> '$.emojis' = @expected`,
    ),
  };

  return {
    /** Stores fetched extras (inside the caller's transaction), keeping cached files that still apply. */
    save(personId: number, extras: RemoteProfileExtras, at: string): void {
      const data = mergeExtras(s.get.get(personId) as string | undefined, extras);
      s.upsert.run({ personId, data: JSON.stringify(data), at });
    },

    /** The images of a person's extras still to cache; emojisJson is the token for replaceEmojis. */
    media(personId: number): { bannerUrl: string | null; bannerFile: string | null; emojisJson: string | null } | null {
      return (s.media.get(personId) as { bannerUrl: string | null; bannerFile: string | null; emojisJson: string | null } | undefined) ?? null;
    },

    /** False when the banner changed since it was read. */
    setBannerFile(personId: number, url: string, file: string): boolean {
      return s.setBannerFile.run({ personId, url, file }).changes > 0;
    },

    /** Replaces the emoji list if it is still `expected` (as media() returned it). */
    replaceEmojis(personId: number, expected: string, emojis: StoredEmoji[]): boolean {
      return s.setEmojis.run({ personId, expected, emojis: JSON.stringify(emojis) }).changes > 0;
    },
  };
});
