// Every Electron fuse electron-builder can flip is decided in electron-builder.yml, each to its
// secure value. The list of fuses comes from electron-builder's own FuseOptionsV1, so a fuse added
// by a newer electron-builder fails this test until someone decides it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(join(root, 'package.json'));
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, unknown> };

/** The secure value of each fuse, and why. */
const SECURE_FUSES: Record<string, boolean> = {
  // ELECTRON_RUN_AS_NODE would turn the signed binary into a plain Node for anyone (core runs in a
  // utilityProcess, which does not need it).
  runAsNode: false,
  enableCookieEncryption: true,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS and --inspect would let a launcher inject code or a CA.
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  // App code only from app.asar, and only as electron-builder hashed it.
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  // No browser-process-specific snapshot ships; turning this on without one breaks the start.
  loadBrowserProcessSpecificV8Snapshot: false,
  // The window is served from app://, never file://.
  grantFileProtocolExtraPrivileges: false,
};
/** FuseOptionsV1 members that are packaging switches, not fuses in the binary. */
const NOT_FUSES = new Set(['resetAdHocDarwinSignature']);

function electronBuilderFuseNames(): string[] {
  const types = readFileSync(require.resolve('app-builder-lib/out/configuration.d.ts'), 'utf8');
  const body = /export interface FuseOptionsV1 \{([\s\S]*?)\n\}/u.exec(types)?.[1];
  if (body === undefined) throw new Error('FuseOptionsV1 not found in app-builder-lib');
  return [...body.matchAll(/^\s+(\w+)\?: boolean/gmu)].map((match) => match[1]!).filter((name) => !NOT_FUSES.has(name));
}

describe('Electron fuses', () => {
  it('decides every fuse electron-builder knows', () => {
    const known = electronBuilderFuseNames();
    expect(known.length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(SECURE_FUSES).sort()).toEqual([...known].sort());
  });

  it('sets each fuse to its secure value in electron-builder.yml', () => {
    expect(config.electronFuses).toEqual(SECURE_FUSES);
  });
});
