// Each network's client library costs tens to hundreds of milliseconds to import. A core that opens
// on sample data (every test that renders, the first run of the app) must not pay for them: a
// library comes with the first provider or sign-in of its network. Checked in a fresh process,
// where nothing else has loaded them (tsx runs this package's TypeScript as CommonJS, so every
// load is in require.cache).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';

const CREATE_CORE = fileURLToPath(new URL('../createCore.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
const LIBRARIES = ['masto', '@atproto/api', '@octokit/rest', 'twitter-api-v2', 'jsdom'];

const probe = (dataDir: string) => `
const { createCore } = require(${JSON.stringify(CREATE_CORE)});
const libraries = ${JSON.stringify(LIBRARIES)};
const loaded = () => libraries.filter((name) => Object.keys(require.cache).some((file) => file.includes('/node_modules/' + name + '/')));
(async () => {
  const core = await createCore({ dataDir: ${JSON.stringify(dataDir)} });
  const signedIn = await core.call('beginSignIn', { network: 'sample' });
  const accountId = signedIn.ok ? signedIn.value.account.id : null;
  const board = await core.call('getBoardCounts', { accountId });
  const afterSample = loaded();
  // The probe itself must be able to see a library load: the Mastodon provider brings masto.
  require(${JSON.stringify(fileURLToPath(new URL('./mastodon/mastodonProvider.ts', import.meta.url)))});
  await core.close();
  process.stdout.write(JSON.stringify({ signedIn: signedIn.ok, board: board.ok, afterSample, afterMastodon: loaded() }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

it('opens a core, signs in to sample data and reads the board without loading any network library', () => {
  dir = mkdtempSync(join(tmpdir(), 'rapport-lazy-'));
  const output = execFileSync(TSX, ['--eval', probe(dir)], { encoding: 'utf8' });
  const seen = JSON.parse(output) as { signedIn: boolean; board: boolean; afterSample: string[]; afterMastodon: string[] };
  expect(seen).toMatchObject({ signedIn: true, board: true, afterSample: [] });
  expect(seen.afterMastodon).toContain('masto');
});
