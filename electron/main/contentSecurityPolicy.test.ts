// The packaged app's two policies — the app:// header and the meta tag in the renderer's
// index.html, which Vite copies into the build — are the same strict policy with no development
// allowances: the browser harness and the dev server add their own, at serve time.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';

const INDEX_HTML = new URL('../../renderer/index.html', import.meta.url);

function metaPolicy(html: string): string {
  const tag = html.match(/<meta\b[^>]*http-equiv="Content-Security-Policy"[^>]*>/i)?.[0];
  const content = tag?.match(/\bcontent="([^"]*)"/)?.[1];
  if (content === undefined) throw new Error('renderer/index.html has no Content-Security-Policy meta tag');
  return content;
}

const directives = (policy: string) => policy.split(';').map((d) => d.trim().replace(/\s+/g, ' ')).filter(Boolean);

/** Anything that would let the page talk to a local server or run injected code. */
const HARNESS_OR_DEV_ALLOWANCES = /ws:|wss:|127\.0\.0\.1|localhost|'unsafe-eval'|\*/;

describe('Content-Security-Policy of the packaged app', () => {
  it('allows no local server, socket or wildcard in the header or the meta tag', () => {
    const meta = metaPolicy(readFileSync(INDEX_HTML, 'utf8'));
    for (const policy of [CONTENT_SECURITY_POLICY, meta]) {
      expect(policy).not.toMatch(HARNESS_OR_DEV_ALLOWANCES);
      expect(directives(policy)).toContain("script-src 'self'");
      expect(directives(policy)).toContain("connect-src 'self'");
    }
  });

  it('the meta tag says what the header says (frame-ancestors only works as a header)', () => {
    const meta = directives(metaPolicy(readFileSync(INDEX_HTML, 'utf8')));
    const header = directives(CONTENT_SECURITY_POLICY).filter((d) => !d.startsWith('frame-ancestors '));
    expect(meta.sort()).toEqual(header.sort());
  });
});
