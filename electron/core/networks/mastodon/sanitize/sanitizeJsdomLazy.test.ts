// jsdom costs a few hundred milliseconds to import; a core (or a test) whose Mastodon markup all
// fits the fast path must never pay for it. Checked in a fresh process, where nothing else has
// loaded jsdom yet (tsx runs this package's TypeScript as CommonJS, so every load is in require.cache).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const SANITIZER = fileURLToPath(new URL('./sanitizeMastodonHtml.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../../../node_modules/.bin/tsx', import.meta.url));

const PROBE = `
const { sanitizeMastodonHtml } = require(${JSON.stringify(SANITIZER)});
const jsdomLoaded = () => Object.keys(require.cache).some((file) => file.includes('/node_modules/jsdom/'));
const seen = [jsdomLoaded()];
sanitizeMastodonHtml('<p>Hello <a href="https://x.test/@ada" class="u-url mention">@<span>ada</span></a><br>bye</p>');
seen.push(jsdomLoaded());
const out = sanitizeMastodonHtml('<p><b>bold</b> <script>x()</script></p>');
seen.push(jsdomLoaded(), out.html);
process.stdout.write(JSON.stringify(seen));
`;

it('loads jsdom only for markup the fast path hands over, and then sanitizes it as before', () => {
  const output = execFileSync(TSX, ['--eval', PROBE], { encoding: 'utf8' });
  expect(JSON.parse(output)).toEqual([false, false, true, '<p>bold </p>']);
});
