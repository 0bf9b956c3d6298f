// Issue 5's sync acceptance items at core level: the real engine and Mastodon provider against
// the fake Mastodon on loopback, counted by the fake's own request log.
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncProgress } from '../../shared/domain';
import { RATE_LIMIT_MARGIN_MS } from '../../electron/core/net/httpClient';
import { TEST_HTTP } from './blueskyCoreKit';
import { callOk, syncEnd } from './coreTestKit';
import { startMastodonCore, type MastodonCoreKit } from './mastodonCoreKit';

let kit: MastodonCoreKit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

const FOLLOWERS_ROUTE = 'GET /api/v1/accounts/:id/followers';
// The Mastodon parts of a profile live in person_extras (migration 0007).
const CACHED_EXTRAS_SQL = `SELECT x.data ->> '$.banner.file' AS banner_file, x.data -> '$.emojis' AS emojis_json
  FROM person_extras x WHERE x.person_id = ?`;

async function sync(k: MastodonCoreKit, full = true): Promise<SyncProgress> {
  const ended = syncEnd(k.core, k.account.id);
  await callOk(k.core, 'startSync', { accountId: k.account.id, full });
  return ended;
}

const edgeCounts = (k: MastodonCoreKit) =>
  k.query<{ followers: number; following: number }>(
    'SELECT sum(follows_me) AS followers, sum(i_follow) AS following FROM relationships WHERE account_id = ?',
    k.account.id,
  )[0]!;

async function until<T>(read: () => T, done: (value: T) => boolean): Promise<T> {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
    const value = read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('timed out waiting for core');
}

describe('Mastodon sync through core', () => {
  it('syncs 5,000 followers with ceil(5000/80) follower-list requests and a constant', { timeout: 120_000 }, async () => {
    kit = await startMastodonCore({ followers: 5_000, following: 800, mutualShare: 0.5, label: 'masto-5k' });
    expect(await callOk(kit.core, 'getSyncStatus', { accountId: kit.account.id })).toMatchObject({ state: 'done' });
    expect(edgeCounts(kit)).toEqual({ followers: 5_000, following: 800 });
    const counts = await callOk(kit.core, 'getBoardCounts', { accountId: kit.account.id });
    expect(counts.new + counts.evaluated + counts.connected + counts.declined).toBe(5_000);
    // Mutuals start in Connected (400 of the 800 followed follow back).
    expect(counts.connected).toBe(400);
    const small = 2;
    expect(kit.fake.countOf(FOLLOWERS_ROUTE)).toBeLessThanOrEqual(Math.ceil(5_000 / 80) + small);
    expect(kit.fake.countOf('GET /api/v1/accounts/:id/following')).toBeLessThanOrEqual(Math.ceil(800 / 80) + small);
    // Follower pages carry full accounts: no hydration requests.
    expect(kit.fake.countOf('GET /api/v1/accounts')).toBe(0);
  });

  it('stores bios as text and sanitized HTML, fields, emoji, banner, last post and posts without replies or boosts', async () => {
    kit = await startMastodonCore({ followers: 12, following: 3, label: 'masto-profile', hostile: true });
    const { fake } = kit;
    const target = fake.state.accounts.get(fake.state.followers[fake.state.followers.length - 1]!.accountId)!;
    target.note = '<p>Hi <a href="https://x.example/@a" class="u-url mention">@a</a><script>__xss()</script> <img src=x onerror=__xss()></p>';
    target.displayName = 'Ada :verified: :evil:';
    target.emojis = [
      { shortcode: 'verified', url: `${fake.url}/emoji/verified.png`, static_url: `${fake.url}/emoji/verified.png`, visible_in_picker: true },
      { shortcode: 'evil', url: 'javascript:__xss("emoji")', static_url: 'javascript:__xss("emoji")', visible_in_picker: true },
    ];
    target.fields = [{ name: 'Site <b>x</b>', value: '<a href="javascript:alert(1)">me</a> <a href="https://ada.example">ada.example</a>', verified_at: '2025-01-01T00:00:00.000Z' }];
    target.header = '/avatars/banner.png';
    target.statusesCount = 4;
    expect((await sync(kit)).state).toBe('done');

    const personId = kit.personId(target.id);
    const row = kit.query<Record<string, string | null>>(
      `SELECT bio, bio_html, display_name, x.data -> '$.fields' AS fields_json, x.data -> '$.emojis' AS emojis_json,
         x.data ->> '$.banner.url' AS banner_url, x.data ->> '$.banner.file' AS banner_file, last_post_at FROM people p LEFT JOIN person_extras x ON x.person_id = p.id WHERE p.id = ?`,
      personId,
    )[0]!;
    expect(row.bio).toContain('Hi @a');
    expect(row.bio).not.toContain('<');
    expect(row.bio_html).toContain('rel="noopener noreferrer"');
    expect(row.bio_html).not.toMatch(/script|onerror|<img/i);
    expect(row.display_name).toBe('Ada :verified: :evil:');
    const fields = JSON.parse(row.fields_json!) as { name: string; valueHtml: string; verifiedAt: string | null }[];
    expect(fields).toHaveLength(1);
    expect(Object.keys(fields[0]!).sort()).toEqual(['name', 'valueHtml', 'verifiedAt']);
    expect(fields[0]!.verifiedAt).toBe('2025-01-01T00:00:00.000Z');
    expect(fields[0]!.valueHtml).not.toContain('javascript:');
    expect(fields[0]!.valueHtml).toContain('https://ada.example');
    // Only the emoji with an http(s) image is kept; `file` is filled when the drawer opens.
    expect(JSON.parse(row.emojis_json!)).toEqual([{ shortcode: 'verified', url: `${fake.url}/emoji/verified.png`, file: null }]);
    expect(row.banner_url).toBe(`${fake.url}/avatars/banner.png`);
    expect(row.last_post_at).toBe('2026-01-02T00:00:00.000Z');

    // No field of any hostile account carries a script or a javascript: link into the database.
    const everything = kit.query<{ bio_html: string | null; fields_json: string | null; emojis_json: string | null }>(
      `SELECT bio_html, x.data -> '$.fields' AS fields_json, x.data -> '$.emojis' AS emojis_json FROM people p LEFT JOIN person_extras x ON x.person_id = p.id WHERE network = 'mastodon'`,
    );
    for (const r of everything) expect(`${r.bio_html} ${r.fields_json} ${r.emojis_json}`).not.toMatch(/javascript:|<script|onerror=/i);

    // Opening the drawer: recent posts without replies or boosts, cached banner and emoji, shared connections.
    const friend = fake.state.accounts.get(fake.state.following[0]!.accountId)!;
    target.followedBy.add(friend.id);
    await callOk(kit.core, 'getProfile', { accountId: kit.account.id, personId });
    const cached = await until(
      () => kit!.query<{ banner_file: string | null; emojis_json: string }>(CACHED_EXTRAS_SQL, personId)[0]!,
      (r) => r.banner_file !== null && !r.emojis_json.includes('"file":null'),
    );
    expect(cached.banner_file).toMatch(/\.png$/);
    expect(JSON.parse(cached.emojis_json)[0].file).toMatch(/^avatars\/.+\.png$/);
    const shared = await until(
      () => kit!.query<{ json: string | null; n: number | null }>(
        'SELECT shared_connections_json AS json, shared_connections_count AS n FROM relationships WHERE account_id = ? AND person_id = ?',
        kit!.account.id,
        personId,
      )[0]!,
      (r) => r.json !== null,
    );
    expect(shared.n).toBe(1);
    expect(JSON.parse(shared.json!)).toEqual([{ handle: friend.acct.includes('@') ? friend.acct : `${friend.acct}@127.0.0.1`, displayName: friend.displayName, avatarUrl: null }]);
    const posts = await until(
      () => kit!.query<{ is_reply: number; is_repost: number; html: string | null }>('SELECT is_reply, is_repost, html FROM posts WHERE person_id = ?', personId),
      (r) => r.length > 0,
    );
    expect(posts.every((p) => p.is_reply === 0 && p.is_repost === 0)).toBe(true);
    expect(kit.fake.requests.some((r) => r.route === 'GET /api/v1/accounts/:id/statuses')).toBe(true);
    const profile = await callOk(kit.core, 'getProfile', { accountId: kit.account.id, personId });
    expect(profile.emojis).toEqual([{ shortcode: 'verified', url: expect.stringMatching(/^media\/avatars\/.+\.png$/) }]);

    // A re-sync that sees the same banner and emoji keeps the cached files.
    expect((await sync(kit)).state).toBe('done');
    expect(kit.query(CACHED_EXTRAS_SQL, personId)).toEqual([cached]);
  });

  it('waits out a 429 with Retry-After and completes', async () => {
    // The HTTP layer's waits are recorded, not slept: the test asserts the wait it asked for.
    const waits: number[] = [];
    const sleep = (ms: number): Promise<void> => {
      waits.push(ms);
      return Promise.resolve();
    };
    kit = await startMastodonCore({ followers: 300, following: 10, label: 'masto-429', core: { http: { ...TEST_HTTP, sleep } } });
    waits.length = 0;
    const added = [0, 1, 2].map((i) => kit!.fake.state.createAccount({ username: `late_${i}` }).id);
    for (const id of added) kit.fake.state.addFollower(id);
    kit.fake.knobs.tooManyRequests = { count: 1, retryAfterSeconds: 1, routes: [FOLLOWERS_ROUTE] };
    const end = await sync(kit);
    expect(end.state).toBe('done');
    expect(kit.fake.requests.filter((r) => r.route === FOLLOWERS_ROUTE && r.status === 429)).toHaveLength(1);
    expect(waits).toEqual([1000 + RATE_LIMIT_MARGIN_MS]);
    expect(edgeCounts(kit).followers).toBe(303);
  });

  it('stops a 5xx burst with a clear error and writes nothing from that page', async () => {
    kit = await startMastodonCore({ followers: 100, following: 10, label: 'masto-5xx' });
    const added = [0, 1, 2, 3, 4].map((i) => kit!.fake.state.createAccount({ username: `new_${i}` }).id);
    for (const id of added) kit.fake.state.addFollower(id);
    kit.fake.knobs.serverErrors = { count: 50, status: 503, routes: [FOLLOWERS_ROUTE] };
    const end = await sync(kit);
    expect(end.state).toBe('failed');
    expect(end.error?.message).toMatch(/Mastodon/);
    expect(end.error?.message).toMatch(/server error|503/i);
    expect(edgeCounts(kit).followers).toBe(100);
    for (const id of added) {
      expect(kit.query("SELECT 1 FROM people WHERE remote_id = ?", kit.remoteId(id))).toEqual([]);
    }
    // The server recovers: the next sync brings them in.
    kit.fake.knobs.serverErrors = { count: 0, status: 500 };
    expect((await sync(kit)).state).toBe('done');
    expect(edgeCounts(kit).followers).toBe(105);
  });
});
