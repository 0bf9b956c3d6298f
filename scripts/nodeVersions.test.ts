// package.json, the README and the start/dist guard agree on the Node each command needs, and
// that need is what the installed tools themselves declare.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atLeast, ELECTRON_TOOLCHAIN_NODE, electronToolchainRefusal, INSTALL_AND_TEST_NODE } from './nodeVersions.mjs';

const root = join(import.meta.dirname, '..');
// Read from disk: some of these packages do not export their package.json.
const enginesOf = (name: string): string =>
  (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
const minimumOf = (range: string): string => /(\d+\.\d+\.\d+)/u.exec(range)![1]!;

describe('Node versions', () => {
  it("package.json engines say what install and test need: Vite's and electron-vite's range", () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(INSTALL_AND_TEST_NODE);
    expect(enginesOf('vite')).toBe(INSTALL_AND_TEST_NODE);
    expect(enginesOf('electron-vite')).toBe(INSTALL_AND_TEST_NODE);
  });

  it('start and dist need what @electron/rebuild and node-abi declare', () => {
    for (const tool of ['@electron/rebuild', 'node-abi']) {
      expect(atLeast(ELECTRON_TOOLCHAIN_NODE, minimumOf(enginesOf(tool)))).toBe(true);
    }
    expect(ELECTRON_TOOLCHAIN_NODE).toBe(minimumOf(enginesOf('@electron/rebuild')));
  });

  it('refuses an older Node before start or dist with a sentence saying what to install', () => {
    expect(electronToolchainRefusal('v20.19.2')).toMatch(/need Node 22\.12\.0 or later .* this is Node 20\.19\.2/u);
    expect(electronToolchainRefusal('v22.11.9')).not.toBeNull();
    expect(electronToolchainRefusal('v22.12.0')).toBeNull();
    expect(electronToolchainRefusal('v24.1.0')).toBeNull();
  });

  it('the README states both', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain('Node 20.19');
    expect(readme).toContain('Node 22.12');
  });
});
