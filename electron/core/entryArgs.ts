// Command-line arguments of the core process (kept apart from entry.ts, which starts running
// as soon as it is loaded).
export interface EntryArgs {
  dataDir: string;
  samplePageDelayMs?: number;
  /** Minutes between background syncs; absent: none. */
  backgroundSyncMinutes?: number;
}

/** Reads `--data-dir <dir>` (or `--data-dir=<dir>`) and the optional `--sample-page-delay-ms`. */
export function parseEntryArgs(argv: readonly string[]): EntryArgs | null {
  const value = (name: string): string | undefined => {
    const index = argv.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
    if (index < 0) return undefined;
    const arg = argv[index] as string;
    return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
  };
  const dataDir = value('--data-dir');
  if (!dataDir || dataDir.startsWith('--')) return null;
  const delay = Number(value('--sample-page-delay-ms') ?? '0');
  const every = Number(value('--background-sync-minutes') ?? '0');
  return {
    dataDir,
    samplePageDelayMs: Number.isFinite(delay) && delay > 0 ? delay : undefined,
    ...(Number.isFinite(every) && every > 0 ? { backgroundSyncMinutes: every } : {}),
  };
}
