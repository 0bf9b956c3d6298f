// Regenerates the committed icon set from resources/icon.svg with Debian's Chromium:
//   npx tsx test/packaging/renderIcons.ts
// Each size is rendered from the vector at that size (not downscaled from 1024), so small
// icons stay crisp. Also writes icon.ico (Windows) and icon.icns (macOS) from those PNGs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildIcns, buildIco } from './iconContainers';

const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
// tsx runs this file as CommonJS (package.json has no "type"), so __dirname is defined.
const RESOURCES_DIR = join(__dirname, '..', '..', 'resources');

async function render(): Promise<void> {
  const svg = readFileSync(join(RESOURCES_DIR, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const pngs = new Map<number, Buffer>();
  try {
    for (const size of [...ICON_SIZES, 1024]) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const sized = svg.replace(/width="1024" height="1024"/, `width="${size}" height="${size}"`);
      await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
      pngs.set(size, await page.locator('svg').screenshot({ omitBackground: true }));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  for (const [size, png] of pngs) {
    const file = size === 1024 ? join(RESOURCES_DIR, 'icon.png') : join(RESOURCES_DIR, 'icons', `${size}x${size}.png`);
    writeFileSync(file, png);
  }
  const pick = (sizes: number[]) => sizes.map((size) => ({ size, png: pngs.get(size) ?? Buffer.alloc(0) }));
  writeFileSync(join(RESOURCES_DIR, 'icon.ico'), buildIco(pick([16, 24, 32, 48, 64, 128, 256])));
  writeFileSync(join(RESOURCES_DIR, 'icon.icns'), buildIcns(pick([16, 32, 64, 128, 256, 512, 1024])));
}

render().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
