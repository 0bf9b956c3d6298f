// Issue 10, item 1: one follower a server sent outside the network's rules never fails the page.
// The real engine and providers sync against the fakes on loopback; the rule breakers are stored
// (with the offending field cut) and the run's outcome says how many could not be read.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncProgress } from '../../shared/domain';
import { unreadableSentence } from '../../shared/api/syncSummary';
import { DATABASE_FILE } from '../../electron/core/createCore';
import type { CoreHandle } from '../../electron/core/coreTypes';
import { addFollowerWithBrokenPost, addFollowerWithOverlongName } from '../fakes/bluesky/fakeBlueskyRuleBreakers';
import { addFollowerWithBrokenStatus, addFollowerWithFramesetBio, addFollowerWithTextCount } from '../fakes/mastodon/fakeMastodonRuleBreakers';
import { startBlueskyCore, type BlueskyCoreKit } from './blueskyCoreKit';
import { callOk, syncEnd } from './coreTestKit';
import { startMastodonCore, type MastodonCoreKit } from './mastodonCoreKit';

let kits: (BlueskyCoreKit | MastodonCoreKit)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const kit of kits) await kit.close();
  kits = [];
});

async function fullSync(core: CoreHandle, accountId: number): Promise<SyncProgress> {
  const ended = syncEnd(core, accountId);
  await callOk(core, 'startSync', { accountId, full: true });
  return ended;
}

function person(dataDir: string, remoteId: string) {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db
      .prepare('SELECT display_name AS displayName, bio, bio_html AS bioHtml, followers_count AS followersCount FROM people WHERE remote_id = ?')
      .get(remoteId) as { displayName: string; bio: string; bioHtml: string | null; followersCount: number } | undefined;
  } finally {
    db.close();
  }
}

function postTexts(dataDir: string, remoteId: string): string[] {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db
      .prepare('SELECT text FROM posts WHERE person_id = (SELECT id FROM people WHERE remote_id = ?) ORDER BY created_at DESC')
      .pluck()
      .all(remoteId) as string[];
  } finally {
    db.close();
  }
}

function followerCount(dataDir: string, accountId: number): number {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM relationships WHERE account_id = ? AND follows_me = 1').pluck().get(accountId) as number;
  } finally {
    db.close();
  }
}

describe('a follower outside the network rules', () => {
  it('Bluesky: a 300-character display name is stored cut to the lexicon limit and the sync says so', async () => {
    const kit = await startBlueskyCore({ followers: 12, follows: 3, label: 'bsky-unreadable' });
    kits.push(kit);
    const longName = addFollowerWithOverlongName(kit.fake.state);

    const end = await fullSync(kit.core, kit.account.id);

    expect(end.state).toBe('done');
    expect(end.unreadable).toEqual({ profiles: 1, posts: 0 });
    expect(unreadableSentence(end.unreadable)).toBe('1 profile could not be read');
    expect(await callOk(kit.core, 'getSyncStatus', { accountId: kit.account.id })).toEqual(end);
    expect(followerCount(kit.dataDir, kit.account.id)).toBe(13);
    const stored = person(kit.dataDir, longName.did);
    expect(stored?.displayName).toBe(longName.displayName.slice(0, 64));
    // Logged by remote id, never by content.
    const lines = kit.logs.filter((line) => line.includes(longName.did));
    expect(lines.length).toBeGreaterThan(0);
    expect(kit.logs.join('\n')).not.toContain('x'.repeat(100));
  });

  it('Mastodon: a <frameset> bio is stored sanitized, a text count is stored as unknown, and the sync says so', async () => {
    const warnings: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(' ')));
    const kit = await startMastodonCore({ followers: 12, following: 3, label: 'masto-unreadable' });
    kits.push(kit);
    const frameset = addFollowerWithFramesetBio(kit.fake.state);
    const textCount = addFollowerWithTextCount(kit.fake.state);

    const end = await fullSync(kit.core, kit.account.id);

    expect(end.state).toBe('done');
    expect(end.unreadable).toEqual({ profiles: 1, posts: 0 });
    expect(await callOk(kit.core, 'getSyncStatus', { accountId: kit.account.id })).toEqual(end);
    expect(followerCount(kit.dataDir, kit.account.id)).toBe(14);
    const framed = person(kit.dataDir, kit.remoteId(frameset.id));
    expect(framed?.bio).toBe('Hello from frames');
    expect(framed?.bioHtml).toBe('<p>Hello from frames</p>');
    const counted = person(kit.dataDir, kit.remoteId(textCount.id));
    expect(counted?.displayName).toBe('Text Count');
    expect(warnings.some((line) => line.includes(kit.remoteId(textCount.id)) && line.includes('followersCount'))).toBe(true);
    expect(warnings.join('\n')).not.toContain('many');
  });

  it('Bluesky: a post sent without uri or date is left out, the others stored, and the sync counts it', async () => {
    const kit = await startBlueskyCore({ followers: 12, follows: 3, label: 'bsky-broken-post' });
    kits.push(kit);
    const broken = addFollowerWithBrokenPost(kit.fake.state);

    const end = await fullSync(kit.core, kit.account.id);

    expect(end.state).toBe('done');
    expect(end.unreadable).toEqual({ profiles: 0, posts: 1 });
    expect(unreadableSentence(end.unreadable)).toMatch(/^1 post could not be read$/);
    const texts = postTexts(kit.dataDir, broken.did);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts).not.toContain('A post without uri, cid or date');
  });

  it('Mastodon: a status sent without date or account is left out, the others stored, and the sync counts it', async () => {
    const kit = await startMastodonCore({ followers: 12, following: 3, label: 'masto-broken-post' });
    kits.push(kit);
    const broken = addFollowerWithBrokenStatus(kit.fake.state);

    const end = await fullSync(kit.core, kit.account.id);

    expect(end.state).toBe('done');
    expect(end.unreadable).toEqual({ profiles: 0, posts: 1 });
    expect(await callOk(kit.core, 'getSyncStatus', { accountId: kit.account.id })).toEqual(end);
    const texts = postTexts(kit.dataDir, kit.remoteId(broken.id));
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.join('\n')).not.toContain('without date or account');
  });
});
