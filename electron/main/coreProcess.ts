// Core runs off the main thread in an Electron utilityProcess (out/main/core.js, built from
// electron/core/entry.ts), so SQLite work and sync never stall window or input handling.
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { utilityProcess } from 'electron';
import { CoreClient, type CoreChannel } from './coreClient';
import { loadOrCreateDataKey } from './dataKey';
import type { MainLog } from './mainLog';

/**
 * The sample network answers instantly; pacing its pages like a real network's round trips lets a
 * new user see the first sync progress instead of a flash.
 */
const SAMPLE_PAGE_DELAY_MS = 40;

/** A key that cannot be read must not keep core from starting: it then runs without network accounts. */
function keyFor(dataKey: () => string | null, log: MainLog): string | null {
  try {
    return dataKey();
  } catch (error) {
    log.warn('[data key] unavailable; network accounts are disabled:', error instanceof Error ? error.message : String(error));
    return null;
  }
}

export function spawnUtilityCore(modulePath: string, dataDir: string, log: MainLog, dataKey: () => string | null): CoreChannel {
  const args = ['--data-dir', dataDir, '--sample-page-delay-ms', String(SAMPLE_PAGE_DELAY_MS)];
  // Piped, so core's console output lands in the app's log file, not in a terminal nobody sees.
  const child = utilityProcess.fork(modulePath, args, { serviceName: 'Rapport core', stdio: 'pipe' });
  if (child.stdout) createInterface({ input: child.stdout }).on('line', (line) => log.info('[core]', line));
  if (child.stderr) createInterface({ input: child.stderr }).on('line', (line) => log.warn('[core]', line));
  // First message, before any call: core waits for it before opening the database.
  child.postMessage({ type: 'init', dataKey: keyFor(dataKey, log) });
  return {
    send: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', listener),
    kill: () => void child.kill(),
  };
}

export interface StartCoreOptions {
  dataDir: string;
  log: MainLog;
  /** Defaults to core.js beside the built main bundle. */
  modulePath?: string;
  /** The data key for core (base64) or null; defaults to the safeStorage-protected key file. */
  dataKey?: () => string | null;
}

/** Forks core and returns the client main talks to; call after app `ready`. */
export function startCoreProcess({
  dataDir,
  log,
  modulePath = join(__dirname, 'core.js'),
  dataKey = () => loadOrCreateDataKey(dataDir, log),
}: StartCoreOptions): CoreClient {
  return new CoreClient({ spawn: () => spawnUtilityCore(modulePath, dataDir, log, dataKey), log });
}
