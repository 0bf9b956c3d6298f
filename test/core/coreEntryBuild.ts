// Vitest global setup: bundles core's process entry (electron/core/entry.ts) once per run, so
// every forked core in the run starts from plain JavaScript instead of compiling the whole core
// through tsx on each fork. ForkedCore (and the main-process tests that fork core) start the
// bundle named by inject('coreEntryBundle').
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the bundled core entry (CommonJS, dependencies left to node_modules). */
    coreEntryBundle: string;
  }
}

const REPO = path.resolve(__dirname, '../..');

export default async function bundleCoreEntry(project: TestProject): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-core-entry-'));
  // Packages stay outside the bundle (better-sqlite3 is native); this link lets the bundle
  // resolve them from the temp folder the way entry.ts resolves them from the repository.
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const outfile = path.join(dir, 'entry.cjs');
  await build({
    entryPoints: [path.join(REPO, 'electron/core/entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
  });
  project.provide('coreEntryBundle', outfile);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
