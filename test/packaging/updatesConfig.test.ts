// What the installed app needs to update itself and draw its tray: a GitHub publish target
// (electron-builder writes app-update.yml from it), electron-updater shipped as a production
// dependency, and the tray icon copied beside app.asar where main looks for it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
  publish?: { provider: string; owner: string; repo: string; releaseType?: string };
  extraResources?: Array<{ from: string; to: string }>;
};
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('updates and tray in the package', () => {
  it('publishes to GitHub releases as drafts, which installed apps never see until published', () => {
    expect(config.publish).toMatchObject({ provider: 'github', releaseType: 'draft' });
    expect(config.publish?.owner).toMatch(/^[\w.-]+$/u);
    expect(config.publish?.repo).toMatch(/^[\w.-]+$/u);
  });

  it('ships electron-updater with the app', () => {
    expect(pkg.dependencies['electron-updater']).toBeDefined();
    expect(pkg.devDependencies['electron-updater']).toBeUndefined();
  });

  it('copies the tray icon to resources/tray.png, where main reads it', () => {
    const tray = config.extraResources?.find((resource) => resource.to === 'tray.png');
    expect(tray).toBeDefined();
    expect(existsSync(join(root, tray!.from))).toBe(true);
    const main = readFileSync(join(root, 'electron/main/index.ts'), 'utf8');
    expect(main).toContain("join(process.resourcesPath, 'tray.png')");
  });

  it("names the app on Windows by the installer's appId, so its notifications are shown", () => {
    const main = readFileSync(join(root, 'electron/main/index.ts'), 'utf8');
    const appId = (load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { appId: string }).appId;
    expect(main).toContain(`app.setAppUserModelId('${appId}')`);
  });
});
