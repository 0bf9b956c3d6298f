// Test-only: a real core signed in to the fake Bluesky on 127.0.0.1, after which the fake goes
// away — as on a train. Everything core's worker tries to send then finds the network unreachable
// and waits (status 'queued', "Waiting for the network to come back"), so a renderer test sees a
// queued action stay queued, sent by the real worker, with nothing answering in its place.
import type { SyncProgress } from '../../shared/domain';
import { silentNetLogger } from '../../electron/core/net/netLogger';
import { FakeBluesky } from '../fakes/bluesky/fakeBluesky';
import type { CoreApi } from './coreApi';
import { openSignInCoreApi } from './signInCoreApi';

const HANDLE = 'me.bsky.social';
const APP_PASSWORD = 'app-pass-word-1234';

/** Account 1 is the signed-in Bluesky account, with no followers yet; remove the key folders after (removeSignInKeys). */
export async function coreOffBluesky(): Promise<CoreApi> {
  const fake = new FakeBluesky({ handle: HANDLE, password: APP_PASSWORD });
  await fake.start();
  try {
    // A network that is gone is reported once, to the test's outbox, not logged on every retry.
    const api = await openSignInCoreApi({ http: { maxRetries: 1, backoff: { baseMs: 5, capMs: 20 }, timeoutMs: 5_000, logger: silentNetLogger } });
    const signedIn = await api.core.call('beginSignIn', { network: 'bluesky', identifier: HANDLE, appPassword: APP_PASSWORD, serviceUrl: fake.url });
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    await syncSettled(api, 1);
    return api;
  } finally {
    await fake.stop();
  }
}

/** Waits until the account has no sync running (a sign-in may start the first one). */
async function syncSettled(api: CoreApi, accountId: number): Promise<void> {
  for (;;) {
    const status = await api.core.call('getSyncStatus', { accountId });
    if (!status.ok) throw new Error(status.error.message);
    const progress = status.value as SyncProgress | null;
    if (!progress || progress.state !== 'running') return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
