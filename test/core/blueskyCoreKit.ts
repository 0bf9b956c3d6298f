// A real core (in-process) against the fake Bluesky on loopback, with a real data key, real SQLite
// and captured console output, for the issue-3 acceptance tests that need no renderer.
import fs from 'node:fs';
import path from 'node:path';
import type { Account, OutboxAction } from '../../shared/domain';
import { createCore, DATABASE_FILE } from '../../electron/core/createCore';
import type { CoreHandle, CreateCoreOptions } from '../../electron/core/coreTypes';
import { KeyFileDataKeySource } from '../../electron/core/secrets/keyFile';
import { FakeBluesky } from '../fakes/bluesky/fakeBluesky';
import { callOk, makeTempDir, removeDir, signInAtOnce, syncEnd } from './coreTestKit';

export const FAKE_HANDLE = 'me.bsky.social';
export const FAKE_APP_PASSWORD = 'app-pass-word-1234';

/** Short waits so failures surface quickly; the retry rules themselves are the production ones. */
export const TEST_HTTP = { maxRetries: 2, backoff: { baseMs: 5, capMs: 20 }, timeoutMs: 5_000 } as const;

export interface BlueskyCoreKit {
  fake: FakeBluesky;
  dataDir: string;
  core: CoreHandle;
  account: Account;
  /** Everything core wrote to console.error / console.log / console.warn while the kit ran. */
  logs: string[];
  reopen(): Promise<CoreHandle>;
  close(): Promise<void>;
}

export function coreOptions(dataDir: string, extra: Partial<CreateCoreOptions> = {}): CreateCoreOptions {
  return { dataDir, dataKey: new KeyFileDataKeySource(path.join(dataDir, 'secret.key')), http: TEST_HTTP, ...extra };
}

export async function startBlueskyCore(options: { followers?: number; follows?: number; label?: string } = {}): Promise<BlueskyCoreKit> {
  const logs: string[] = [];
  const originals = { error: console.error, log: console.log, warn: console.warn };
  const capture =
    (original: (...args: unknown[]) => void) =>
    (...args: unknown[]): void => {
      logs.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack ?? ''}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      original(...args);
    };
  console.error = capture(originals.error);
  console.log = capture(originals.log);
  console.warn = capture(originals.warn);

  const fake = new FakeBluesky({ handle: FAKE_HANDLE, password: FAKE_APP_PASSWORD });
  fake.state.generate({ followers: options.followers ?? 40, follows: options.follows ?? 15, seed: 3 });
  await fake.start();
  const dataDir = makeTempDir(options.label ?? 'bluesky-core');
  let core = await createCore(coreOptions(dataDir));
  const firstSync = new Promise<void>((resolve) => {
    const stop = core.onEvent(({ event, payload }) => {
      if (event === 'sync.progress' && (payload as { state: string }).state !== 'running') {
        stop();
        resolve();
      }
    });
  });
  const account = await signInAtOnce(core, { network: 'bluesky', identifier: FAKE_HANDLE, appPassword: FAKE_APP_PASSWORD, serviceUrl: fake.url });
  await firstSync;

  const kit: BlueskyCoreKit = {
    fake,
    dataDir,
    get core() {
      return core;
    },
    account,
    logs,
    async reopen() {
      await core.close();
      core = await createCore(coreOptions(dataDir));
      return core;
    },
    async close() {
      await core.close();
      await fake.stop();
      Object.assign(console, originals);
      removeDir(dataDir);
    },
  };
  return kit;
}

/** Polls listActions until the action satisfies `done` (the outbox works in the background). */
export async function waitForAction(
  core: CoreHandle,
  accountId: number,
  actionId: number,
  done: (action: OutboxAction) => boolean,
): Promise<OutboxAction> {
  for (;;) {
    const actions = await callOk(core, 'listActions', { accountId });
    const action = actions.find((a) => a.id === actionId);
    if (action && done(action)) return action;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const settled = (action: OutboxAction): boolean => action.status === 'done' || action.status === 'failed';

/** Raw bytes of the database and its WAL, to prove no secret ever reached them. */
export function databaseBytes(dataDir: string): string {
  return ['', '-wal', '-shm']
    .map((suffix) => path.join(dataDir, DATABASE_FILE + suffix))
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file).toString('latin1'))
    .join('\n');
}

export { syncEnd };
