// `npm run dev:web`: Rapport in any browser. Builds the renderer with the harness config and
// keeps rebuilding it on change (reload the page to see edits; a dev server with HMR would need
// inline scripts, which the app's CSP forbids), then serves it through the harness with core
// running in this process on a persistent data dir.
//
//   npm run dev:web -- [--data-dir <dir>] [--port <n>] [--no-build]
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import type { Rollup } from 'vite';
import { startHarness } from './harnessServer';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const rendererDir = resolve(repoRoot, 'out/harness-renderer');
/** Pages of the sample network arrive this far apart, so the progress bar is visible. */
const SAMPLE_PAGE_DELAY_MS = 30;

async function startRendererBuild(): Promise<Rollup.RollupWatcher> {
  const watcher = await build({
    configFile: resolve(repoRoot, 'vite.harness.config.ts'),
    logLevel: 'warn',
    build: { watch: {} },
  });
  if (!('on' in watcher)) throw new Error('vite did not start a watching build');
  await new Promise<void>((done, fail) => {
    const onEvent = (event: Rollup.RollupWatcherEvent) => {
      if (event.code === 'BUNDLE_END') void event.result.close();
      if (event.code === 'END') {
        watcher.off('event', onEvent);
        done();
      }
      if (event.code === 'ERROR') {
        watcher.off('event', onEvent);
        fail(event.error);
      }
    };
    watcher.on('event', onEvent);
  });
  watcher.on('event', (event) => {
    if (event.code === 'BUNDLE_END') void event.result.close();
    if (event.code === 'END') console.log('renderer rebuilt; reload the page');
    if (event.code === 'ERROR') console.error('renderer build failed:', event.error.message);
  });
  return watcher;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const dataDir = resolve(values['data-dir'] ?? resolve(repoRoot, '.rapport-dev'));
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be 0-65535, got ${values.port}`);
  await mkdir(dataDir, { recursive: true });

  const watcher = values['no-build'] ? null : await startRendererBuild();
  const harness = await startHarness({ dataDir, rendererDir, port, samplePageDelayMs: SAMPLE_PAGE_DELAY_MS });

  console.log(`\nRapport (browser harness)\n  data: ${dataDir}\n  open: ${harness.appUrl}\n\nCtrl+C to stop.`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: closing core…`);
    await watcher?.close();
    await harness.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
