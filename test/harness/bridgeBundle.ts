// Bundles bridgeClient.ts into one classic script, in memory, once per process: every harness
// started by the same test run or benchmark serves the same bytes.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { METHOD_NAMES } from '../../shared/api/contract';

const entry = fileURLToPath(new URL('./bridgeClient.ts', import.meta.url));
let bundled: Promise<string> | null = null;

export function bridgeScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    define: { __RAPPORT_METHOD_NAMES__: JSON.stringify(METHOD_NAMES) },
    logLevel: 'silent',
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no harness bridge bundle');
    return file.text;
  });
  return bundled;
}
