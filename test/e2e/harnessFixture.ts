// One spec (or benchmark run) = one temp data dir + one core + one harness, torn down together.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Account, SyncProgress } from '../../shared/domain';
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract';
import type { HttpClientOptions } from '../../electron/core/net/httpClientOptions';
import { startHarness } from '../harness/harnessServer';
import type { Harness, HarnessCoreOptions } from '../harness/harnessServer';

/** The harness build of the renderer; RAPPORT_HARNESS_RENDERER_DIR points at another build. */
export const HARNESS_RENDERER_DIR =
  process.env.RAPPORT_HARNESS_RENDERER_DIR ?? fileURLToPath(new URL('../../out/harness-renderer', import.meta.url));

/**
 * HTTP settings for specs against a fake network on loopback: the same retry count as the app
 * (five 500s in a row still end a sync), but backoffs and waits short enough for a spec.
 */
export const E2E_HTTP: HttpClientOptions = {
  timeoutMs: 10_000,
  backoff: { baseMs: 50, capMs: 400 },
  maxRateLimitWaitMs: 10_000,
};

export interface HarnessFixtureOptions {
  samplePageDelayMs?: number;
  /**
   * createCore options for this spec (a fake network's specs pass nothing or a clock; `http`
   * replaces E2E_HTTP). Core always gets a 0600 key file in the temp data dir, so Bluesky and
   * Mastodon accounts can be added.
   */
  coreOptions?: HarnessCoreOptions;
}

export interface HarnessFixture {
  harness: Harness;
  dataDir: string;
  /** core's database, for reading what was persisted (open it read-only). */
  dbPath: string;
  /** A contract call straight to core (not through the page); throws on an error envelope. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>>;
  /** Polls getSyncStatus until the account's sync is done; throws if it fails or times out. */
  waitForSyncDone(accountId: number, timeoutMs?: number): Promise<SyncProgress>;
  /** Polls getSyncStatus until the account's sync stops, whatever the outcome (done, failed, cancelled). */
  waitForSyncEnd(accountId: number, timeoutMs?: number): Promise<SyncProgress>;
  /** The first (in these specs, only) account, once one exists. */
  waitForAccount(timeoutMs?: number): Promise<Account>;
  stop(): Promise<void>;
}

export async function startHarnessFixture(options: HarnessFixtureOptions = {}): Promise<HarnessFixture> {
  if (!existsSync(join(HARNESS_RENDERER_DIR, 'index.html'))) {
    throw new Error('No harness renderer build. Run `npx vite build --config vite.harness.config.ts` (npm run test:e2e does).');
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'rapport-e2e-'));
  let harness: Harness;
  try {
    harness = await startHarness({
      dataDir,
      rendererDir: HARNESS_RENDERER_DIR,
      samplePageDelayMs: options.samplePageDelayMs ?? 0,
      coreOptions: { http: E2E_HTTP, ...options.coreOptions },
    });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }

  async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
    const envelope = await harness.core.call(method, input);
    if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code} ${envelope.error.message}`);
    return envelope.value as MethodResult<M>;
  }

  async function poll<T>(what: string, timeoutMs: number, probe: () => Promise<T | null>): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== null) return value;
      if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  return {
    harness,
    dataDir,
    dbPath: join(dataDir, 'rapport.db'),
    call,
    waitForSyncDone: (accountId, timeoutMs = 150_000) =>
      poll('the sync to finish', timeoutMs, async () => {
        const status = await call('getSyncStatus', { accountId });
        if (status?.state === 'failed' || status?.state === 'cancelled') {
          throw new Error(`sync ${status.state}: ${status.error?.code ?? ''} ${status.error?.message ?? ''}`);
        }
        return status?.state === 'done' ? status : null;
      }),
    waitForSyncEnd: (accountId, timeoutMs = 150_000) =>
      poll('the sync to stop', timeoutMs, async () => {
        const status = await call('getSyncStatus', { accountId });
        return status !== null && status.state !== 'running' ? status : null;
      }),
    waitForAccount: (timeoutMs = 30_000) =>
      poll('an account', timeoutMs, async () => (await call('listAccounts', {}))[0] ?? null),
    async stop() {
      await harness.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
