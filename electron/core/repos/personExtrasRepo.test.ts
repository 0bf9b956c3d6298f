import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RemoteProfileExtras } from '../networks/provider';
import { personExtrasRepo } from './personExtrasRepo';
import { addTestAccount, addTestFollowers, createTestDatabase, type TestDatabase } from './testFixtures';

let t: TestDatabase;
let personId: number;
beforeEach(() => {
  t = createTestDatabase();
  personId = addTestFollowers(t.db, addTestAccount(t.db), 1)[0]!.personId;
});
afterEach(() => t.cleanup());

const extras = (over: Partial<RemoteProfileExtras> = {}): RemoteProfileExtras => ({
  bannerUrl: 'https://m.example/banner.png',
  fields: [{ name: 'Site', valueHtml: 'ada.example', verifiedAt: null }],
  emojis: [{ shortcode: 'ok', url: 'https://m.example/ok.png' }],
  lastPostAt: null,
  ...over,
});

const stored = (): unknown => JSON.parse(t.db.prepare('SELECT data FROM person_extras WHERE person_id = ?').pluck().get(personId) as string);

/** Saves, then caches the banner and emoji the way the profile drawer's duty does. */
function saveAndCache(): void {
  const repo = personExtrasRepo(t.db);
  repo.save(personId, extras(), 'x');
  const media = repo.media(personId)!;
  expect(repo.setBannerFile(personId, media.bannerUrl!, 'banners/aa/banner.png')).toBe(true);
  expect(repo.replaceEmojis(personId, media.emojisJson!, [{ shortcode: 'ok', url: 'https://m.example/ok.png', file: 'emoji/bb/ok.png' }])).toBe(true);
}

describe('personExtrasRepo', () => {
  it('keeps cached banner and emoji files when a sync sees the same images', () => {
    saveAndCache();
    personExtrasRepo(t.db).save(personId, extras({ fields: [] }), 'y');
    expect(stored()).toEqual({
      banner: { url: 'https://m.example/banner.png', file: 'banners/aa/banner.png' },
      fields: [],
      emojis: [{ shortcode: 'ok', url: 'https://m.example/ok.png', file: 'emoji/bb/ok.png' }],
    });
  });

  it('drops a cached file whose image changed', () => {
    saveAndCache();
    personExtrasRepo(t.db).save(personId, extras({ bannerUrl: 'https://m.example/new.png', emojis: [{ shortcode: 'ok', url: 'https://m.example/ok2.png' }] }), 'y');
    expect(stored()).toMatchObject({
      banner: { url: 'https://m.example/new.png', file: null },
      emojis: [{ shortcode: 'ok', url: 'https://m.example/ok2.png', file: null }],
    });
  });

  it('does not overwrite images a sync replaced while they were being cached', () => {
    const repo = personExtrasRepo(t.db);
    repo.save(personId, extras(), 'x');
    const media = repo.media(personId)!;
    repo.save(personId, extras({ bannerUrl: 'https://m.example/new.png', emojis: [] }), 'y');
    expect(repo.setBannerFile(personId, media.bannerUrl!, 'banners/aa/old.png')).toBe(false);
    expect(repo.replaceEmojis(personId, media.emojisJson!, [{ shortcode: 'ok', url: 'https://m.example/ok.png', file: 'emoji/bb/ok.png' }])).toBe(false);
    expect(stored()).toMatchObject({ banner: { url: 'https://m.example/new.png', file: null }, emojis: [] });
  });
});
