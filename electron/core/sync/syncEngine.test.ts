// The engine's account of a sync that failed half-way: what getSyncStatus answers must be what the
// window was last told, and the log must name the failure without the third-party error's insides.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventMap, EventName } from '../../../shared/api/events';
import type { Account, SyncProgress } from '../../../shared/domain';
import { openDatabase } from '../db/openDatabase';
import type { Provider } from '../networks/provider';
import { SampleProvider } from '../networks/sample/sampleProvider';
import { accountsRepo } from '../repos/accountsRepo';
import { ProviderRegistry } from './providerRegistry';
import { SyncEngine } from './syncEngine';

const ANCHOR = Date.UTC(2026, 3, 1);
const SECRET = 'Bearer s3cr3t-token-in-a-header';
const dirs: string[] = [];
const dbs: Database.Database[] = [];

afterEach(() => {
  vi.restoreAllMocks();
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** What an HTTP library throws: the request's headers and the response body ride along. */
class LibraryError extends Error {
  readonly headers = { authorization: SECRET };
  readonly body = `{"token":"${SECRET}"}`;
}

/** A sample network whose second follower page fails the way a real client library fails. */
class FailsOnSecondPage extends ProviderRegistry {
  constructor(private readonly inner: Provider) {
    super();
  }

  override forAccount(_account: Account): Promise<Provider> {
    let pages = 0;
    const inner = this.inner;
    const failing = Object.create(inner) as Provider;
    // Small pages, so the walk has a second page to fail on.
    Object.defineProperty(failing, 'capabilities', { value: { ...inner.capabilities, pageMax: 100 } });
    failing.listFollowers = async (cursor, limit, signal) => {
      if (++pages === 2) throw new LibraryError('socket hang up');
      return inner.listFollowers(cursor, limit, signal);
    };
    return Promise.resolve(failing);
  }
}

function setup(existingDir?: string) {
  const dir = existingDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-engine-'));
  if (!existingDir) dirs.push(dir);
  const db = openDatabase(path.join(dir, 'rapport.db'));
  dbs.push(db);
  const account = accountsRepo(db).upsert({ network: 'sample', remoteId: 'me', handle: 'me', displayName: 'Me' }, new Date(ANCHOR).toISOString());
  const progress: SyncProgress[] = [];
  const engine = new SyncEngine({
    db,
    mediaDir: path.join(dir, 'media'),
    now: () => ANCHOR,
    emit: <E extends EventName>(event: E, payload: EventMap[E]) => {
      if (event === 'sync.progress') progress.push(payload as SyncProgress);
    },
    providers: new FailsOnSecondPage(new SampleProvider({ seed: 3, followers: 250, following: 0, anchorMs: ANCHOR })),
  });
  return { engine, account: account as Account, progress, dir, db };
}

describe('SyncEngine after a failed sync', () => {
  it('getSyncStatus answers exactly what the last progress event said', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { engine, account, progress } = setup();
    engine.start(account.id, { full: true });
    await engine.whenIdle(account.id);

    const last = progress.at(-1)!;
    expect(last).toMatchObject({ state: 'failed', total: 250 });
    expect(engine.status(account.id)).toEqual(last);
    await engine.close();
  });

  it('answers the same after a restart, from what the run kept', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const first = setup();
    first.engine.start(first.account.id, { full: true });
    await first.engine.whenIdle(first.account.id);
    const last = first.progress.at(-1)!;
    await first.engine.close();
    first.db.close();

    // A new core on the same data folder knows nothing but the database.
    const again = setup(first.dir);
    expect(again.engine.status(again.account.id)).toEqual(last);
    expect(last).toMatchObject({ state: 'failed', total: 250, pages: 1 });
    await again.engine.close();
  });

  it('logs the failure with its message and stack, never the headers or body the error carries', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      // What a console would print: objects in full, as util.inspect shows them.
      lines.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 5 }))).join(' '));
    });
    const { engine, account } = setup();
    engine.start(account.id, { full: true });
    await engine.whenIdle(account.id);

    const log = lines.join('\n');
    expect(log).toContain('socket hang up');
    expect(log).toMatch(/\n\s+at /);
    expect(log).not.toContain('s3cr3t');
    await engine.close();
  });
});
