// Avatars come from hosts strangers' profiles name. A host that is gone (refused, or a name that
// does not resolve) must cost one attempt, be remembered across syncs and restarts until its time
// is up, never hold up the sync, and be named in the log instead of the network. On-demand loading
// of many avatars must not pile abort listeners onto one signal.
import { createServer, type Server } from 'node:http';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { pngHeader } from '../../../test/fakes/imageBytes';
import type { Account } from '../../../shared/domain';
import { openDatabase } from '../db/openDatabase';
import type { ResolveAll } from '../net/guardedTransport';
import type { HttpClient } from '../net/httpClient';
import { downloadImage } from '../net/imageDownload';
import { RequestCounter } from '../net/requestCounter';
import { HOST_FAILURE_TTL_MS } from '../media/mediaFailureMemo';
import type { FetchedMedia, RemoteEdge, RemotePage, RemoteProfile } from '../networks/provider';
import { SampleProvider } from '../networks/sample/sampleProvider';
import { accountsRepo } from '../repos/accountsRepo';
import { ProviderRegistry } from './providerRegistry';
import { FAILED_MEDIA_INDEX, SyncEngine } from './syncEngine';

const ANCHOR = Date.UTC(2026, 3, 1);
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The sample network, with avatars on a real HTTP host downloaded through core's media client. */
class RemoteAvatars extends SampleProvider {
  constructor(
    private readonly avatarOrigin: string,
    private readonly media: HttpClient,
  ) {
    super({ seed: 5, followers: 120, following: 0, anchorMs: ANCHOR });
  }
  private moved(profile: RemoteProfile): RemoteProfile {
    return { ...profile, avatarUrl: `${this.avatarOrigin}/avatar/${profile.remoteId}.png` };
  }
  private movedPage(page: RemotePage<RemoteEdge>): RemotePage<RemoteEdge> {
    return { ...page, items: page.items.map((edge) => ({ ...edge, profile: this.moved(edge.profile) })) };
  }
  override async listFollowers(cursor: string | null, limit: number, signal?: AbortSignal) {
    return this.movedPage(await super.listFollowers(cursor, limit, signal));
  }
  override async listFollowing(cursor: string | null, limit: number, signal?: AbortSignal) {
    return this.movedPage(await super.listFollowing(cursor, limit, signal));
  }
  override async getProfiles(remoteIds: string[]) {
    return (await super.getProfiles(remoteIds)).map((p) => this.moved(p));
  }
  override fetchMedia(url: string, signal?: AbortSignal): Promise<FetchedMedia> {
    return downloadImage(this.media, url, { maxBytes: 5 * 1024 * 1024, signal });
  }
}

/** Every account gets the RemoteAvatars provider; media goes through the registry's real client. */
class AvatarHostRegistry extends ProviderRegistry {
  avatarOrigin = '';
  override forAccount(): Promise<SampleProvider> {
    return Promise.resolve(new RemoteAvatars(this.avatarOrigin, this.mediaHttp()));
  }
}

interface Harness {
  db: Database.Database;
  mediaDir: string;
  account: Account;
  counter: RequestCounter;
  warnings: string[];
  clock: { now: number };
  engine(): SyncEngine;
  /** Closes the engine and opens another on the same folder: a restart of core. */
  restart(): Promise<SyncEngine>;
  sync(): Promise<void>;
  attemptsAt(host: string): number;
}

function harness(avatarOrigin: string, resolveAll?: ResolveAll): Harness {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-avatars-'));
  const db = openDatabase(path.join(dir, 'rapport.db'));
  const mediaDir = path.join(dir, 'media');
  const counter = new RequestCounter();
  const clock = { now: ANCHOR };
  const warnings: string[] = [];
  const originalWarn = console.warn;
  const originalError = console.error;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  console.error = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  const account = accountsRepo(db).upsert({ network: 'sample', remoteId: 'me', handle: 'me', displayName: 'Me' }, new Date(ANCHOR).toISOString()) as Account;
  const open = () => {
    const providers = new AvatarHostRegistry({ http: { counter, resolveAll, timeoutMs: 5_000 } });
    providers.avatarOrigin = avatarOrigin;
    return new SyncEngine({ db, mediaDir, emit: () => {}, now: () => clock.now, providers });
  };
  let engine = open();
  cleanups.push(async () => {
    await engine.close();
    db.close();
    console.warn = originalWarn;
    console.error = originalError;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    db,
    mediaDir,
    account,
    counter,
    warnings,
    clock,
    engine: () => engine,
    async restart() {
      await engine.close();
      engine = open();
      return engine;
    },
    async sync() {
      clock.now += 60_000;
      engine.start(account.id, { full: true });
      await engine.whenIdle(account.id);
      expect(engine.status(account.id)).toMatchObject({ state: 'done' });
      await engine.whenMediaIdle();
    },
    attemptsAt(host: string) {
      return Object.entries(counter.snapshot())
        .filter(([endpoint]) => endpoint.startsWith(`${host}/`))
        .reduce((sum, [, n]) => sum + n, 0);
    },
  };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function avatarServer(options: { answerAfterMs?: number; never?: boolean } = {}): Promise<{ origin: string; served: () => number; open: () => number }> {
  let served = 0;
  let open = 0;
  const server: Server = createServer((_req, res) => {
    open++;
    if (options.never) return;
    setTimeout(() => {
      served++;
      open--;
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(pngHeader(64, 64));
    }, options.answerAfterMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, served: () => served, open: () => open };
}

describe('avatars from a host that is gone', () => {
  it('a refused host costs one attempt, is skipped by the next syncs and after a restart, and is tried again once its hour is up', async () => {
    const port = await closedPort();
    const host = `127.0.0.1:${port}`;
    const t = harness(`http://${host}`);
    await t.sync();
    const avatars = t.db.prepare('SELECT count(*) FROM people WHERE avatar_url IS NOT NULL').pluck().get() as number;
    expect(avatars).toBeGreaterThan(100);
    expect(t.attemptsAt(host)).toBe(1);
    expect(JSON.parse(fs.readFileSync(path.join(t.mediaDir, FAILED_MEDIA_INDEX), 'utf8')).hosts[host]).toBeDefined();
    // The log names the image host, and no line blames a network.
    expect(t.warnings.some((line) => line.includes(`images from ${host} will be skipped`) && line.includes('ECONNREFUSED'))).toBe(true);
    expect(t.warnings.filter((line) => /Bluesky|Mastodon|sample/i.test(line))).toEqual([]);

    await t.sync();
    await t.restart();
    await t.sync();
    expect(t.attemptsAt(host)).toBe(1);

    t.clock.now += HOST_FAILURE_TTL_MS;
    await t.sync();
    expect(t.attemptsAt(host)).toBe(2);
  });

  it('a name that does not resolve costs one DNS lookup for every avatar on it', async () => {
    let lookups = 0;
    const resolveAll: ResolveAll = async (hostname) => {
      lookups++;
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    };
    const t = harness('https://avatars.invalid', resolveAll);
    await t.sync();
    expect(lookups).toBe(1);
    expect(t.warnings.some((line) => line.includes('images from avatars.invalid will be skipped') && line.includes('ENOTFOUND'))).toBe(true);
    await t.sync();
    expect(lookups).toBe(1);
    t.clock.now += HOST_FAILURE_TTL_MS + 1;
    await t.sync();
    expect(lookups).toBe(2);
  });

  it('does not hold the sync up: it is done while avatar requests are still waiting for an answer', async () => {
    const silent = await avatarServer({ never: true });
    const t = harness(silent.origin);
    const engine = t.engine();
    engine.start(t.account.id, { full: true });
    await engine.whenIdle(t.account.id);
    expect(engine.status(t.account.id)).toMatchObject({ state: 'done', phase: 'done' });
    // The downloads go on after the sync: the host has a request it never answered.
    while (silent.open() === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(silent.served()).toBe(0);
  });
});

describe('avatars loaded on demand', () => {
  it('loads 50 avatars asked for one by one without a MaxListenersExceededWarning', async () => {
    // Node warns once per signal, so listen from the start: the sync's own avatars count too.
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    cleanups.push(() => void process.off('warning', onWarning));
    const slow = await avatarServer({ answerAfterMs: 20 });
    const t = harness(slow.origin);
    await t.sync();
    // Forget what the sync cached, so every card asks on its own, as the drawer and board do.
    t.db.prepare('UPDATE people SET avatar_file = NULL').run();
    fs.rmSync(path.join(t.mediaDir, 'avatars'), { recursive: true, force: true });
    const ids = t.db.prepare('SELECT id FROM people WHERE avatar_url IS NOT NULL ORDER BY id LIMIT 50').pluck().all() as number[];
    expect(ids).toHaveLength(50);

    const cached = await Promise.all(ids.map((id) => t.engine().ensureAvatars(t.account.id, [id])));
    await t.engine().whenMediaIdle();
    await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    expect(cached.flat().sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning').map((w) => w.message)).toEqual([]);
  });
});
