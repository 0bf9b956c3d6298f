// Test-only: window.rapport over a real core that can sign in to the fakes on 127.0.0.1: a data
// key to seal the session with (a key file in its own temp folder), loopback http allowed and
// short HTTP retries so a refusal answers quickly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CreateCoreOptions } from '../../electron/core/coreTypes';
import { KeyFileDataKeySource } from '../../electron/core/secrets/keyFile';
import { openCoreApi, type CoreApi } from './coreApi';

const keyDirs: string[] = [];

export async function openSignInCoreApi(extra: Omit<Partial<CreateCoreOptions>, 'dataDir'> = {}): Promise<CoreApi> {
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-renderer-key-'));
  keyDirs.push(keyDir);
  return openCoreApi({
    dataKey: new KeyFileDataKeySource(path.join(keyDir, 'secret.key')),
    allowLoopbackHttp: true,
    http: { maxRetries: 1, backoff: { baseMs: 5, capMs: 20 }, timeoutMs: 5_000 },
    ...extra,
  });
}

/** Removes the key folders; call after closeAllCoreApis. */
export function removeSignInKeys(): void {
  for (const dir of keyDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** What the system browser does with an authorize URL: open it and follow its redirect (to core's loopback server). */
export async function playBrowser(authorizeUrl: string): Promise<void> {
  const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
  const location = authorize.headers.get('location');
  if (authorize.status !== 302 || !location) throw new Error(`the authorize page answered ${authorize.status}`);
  await (await fetch(location)).text();
}

/** The code an out-of-band authorize page shows for the user to paste. */
export async function codeShownBy(authorizeUrl: string): Promise<string> {
  const html = await (await fetch(authorizeUrl, { redirect: 'manual' })).text();
  const code = /class="oauth-code" readonly value="([^"]+)"/.exec(html)?.[1];
  if (!code) throw new Error('the authorize page shows no code');
  return code;
}
