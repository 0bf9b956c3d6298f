import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(join(root, 'package.json'));

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; icon: string; category: string; maintainer?: string };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
}

const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;

/** electron-builder's own check, exactly as `electron-builder` runs it before building. */
type ValidateConfiguration = (config: unknown, debugLogger: { isEnabled: boolean; add(): void }) => Promise<void>;
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: ValidateConfiguration;
};
const quietDebugLogger = { isEnabled: false, add() {} };

describe('electron-builder.yml', () => {
  it("validates against electron-builder's JSON schema", () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(validate({ ...config, mac: { ...config.mac, target: 'exe' } })).toBe(false);
  });

  it("passes electron-builder's own validation, which rejects a misspelt option", async () => {
    await expect(validateConfiguration(config, quietDebugLogger)).resolves.toBeUndefined();
    const typo = { ...config, linux: { ...config.linux, targte: ['deb'] } };
    await expect(validateConfiguration(typo, quietDebugLogger)).rejects.toThrow(/configuration.linux/);
  });

  it('names the app and writes installers to release/', () => {
    expect(config.appId).toBe('app.rapport.desktop');
    expect(config.productName).toBe('Rapport');
    expect(config.directories.output).toBe('release');
  });

  it('builds AppImage + deb, dmg and nsis', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.maintainer).toBeTruthy();
  });

  it('ships the build output only, never sources or tests', () => {
    const included = config.files.filter((pattern) => !pattern.startsWith('!'));
    expect(included).toEqual(['out/**', 'package.json']);
    const shipped = (file: string) =>
      included.some((p) => minimatch(file, p)) && !config.files.some((p) => p.startsWith('!') && minimatch(file, p.slice(1)));
    expect(shipped('out/main/index.js')).toBe(true);
    expect(shipped('out/main/core.js')).toBe(true);
    expect(shipped('out/preload/index.js')).toBe(true);
    expect(shipped('out/renderer/index.html')).toBe(true);
    for (const source of ['electron/main/index.ts', 'renderer/main.tsx', 'test/e2e/board.spec.ts', 'bench/run.ts', 'shared/api/contract.ts']) {
      expect(shipped(source)).toBe(false);
    }
  });

  it("unpacks better-sqlite3's native addon from the asar archive", () => {
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(config.asarUnpack.some((pattern) => minimatch(addon, pattern))).toBe(true);
    expect(config.files.some((p) => p.startsWith('!') && minimatch(addon, p.slice(1)))).toBe(false);
  });

  it('flips the Electron fuses of the security checklist', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('points every platform at icons that exist', () => {
    expect(existsSync(join(root, config.mac.icon))).toBe(true);
    expect(existsSync(join(root, config.win.icon))).toBe(true);
    expect(existsSync(join(root, config.linux.icon, '512x512.png'))).toBe(true);
    expect(existsSync(join(root, config.directories.buildResources, 'icon.png'))).toBe(true);
  });
});
