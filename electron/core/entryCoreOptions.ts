// What core starts with, from its arguments and from who started it. The app (Electron) syncs
// every account as it opens and every 30 minutes while open, and talks to networks over https
// only, so a server-supplied URL can never reach a service on the user's own machine. The
// harness and tests sync only when asked and reach the fakes on http://127.0.0.1.
import type { CreateCoreOptions } from './coreTypes';
import type { EntryArgs } from './entryArgs';

/** A head-scan costs a request or two, so new followers show up on their own while the app is open. */
export const APP_BACKGROUND_SYNC_MINUTES = 30;

export function entryCoreOptions(args: EntryArgs, fromElectron: boolean): Omit<CreateCoreOptions, 'dataKey'> {
  return {
    dataDir: args.dataDir,
    samplePageDelayMs: args.samplePageDelayMs,
    backgroundSyncMinutes: args.backgroundSyncMinutes ?? (fromElectron ? APP_BACKGROUND_SYNC_MINUTES : undefined),
    syncOnStart: fromElectron,
    http: fromElectron ? { httpsOnly: true } : undefined,
  };
}
