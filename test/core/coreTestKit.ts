// Test-only helpers for driving a real core (in-process or across a process boundary) on a temp
// data folder. No mocks: every test talks to createCore or entry.ts the way main does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Envelope } from '../../shared/api/errors';
import type { MethodName, MethodResult } from '../../shared/api/contract';
import type { SignInParams } from '../../shared/api/networks/signInParams';
import type { SignInStart } from '../../shared/api/signInContract';
import type { Account, SyncProgress } from '../../shared/domain';
import type { CoreHandle } from '../../electron/core/coreTypes';

export function makeTempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `rapport-${label}-`));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Unwraps an envelope, failing the test with the error when it is not ok. */
export function valueOf<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

export async function callOk<M extends MethodName>(core: CoreHandle, method: M, input: unknown): Promise<MethodResult<M>> {
  return valueOf((await core.call(method, input)) as Envelope<MethodResult<M>>);
}

/** The account of a sign-in that completed at once; fails the test on a pending one. */
export function signedInAccount(start: SignInStart): Account {
  if (start.status !== 'signedIn') throw new Error('expected the sign-in to complete at once, got a pending sign-in');
  return start.account;
}

/** beginSignIn for a network that signs in at once (sample, an app password): the new account. */
export async function signInAtOnce(core: CoreHandle, params: SignInParams): Promise<Account> {
  return signedInAccount(await callOk(core, 'beginSignIn', params));
}

/** Resolves with the final progress of the account's running (or next) sync. */
export function syncEnd(core: CoreHandle, accountId: number): Promise<SyncProgress> {
  return new Promise((resolve) => {
    const stop = core.onEvent(({ event, payload }) => {
      if (event !== 'sync.progress') return;
      const progress = payload as SyncProgress;
      if (progress.accountId === accountId && progress.state !== 'running') {
        stop();
        resolve(progress);
      }
    });
  });
}

/** Polls getSyncStatus until the account's sync is no longer running. */
export async function waitForSync(core: CoreHandle, accountId: number): Promise<SyncProgress> {
  for (;;) {
    const status = await callOk(core, 'getSyncStatus', { accountId });
    if (status && status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
