import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES_BY_SIZE, parseIcns, parseIco, pngDimensions } from './iconContainers';

const resources = join(import.meta.dirname, '..', '..', 'resources');
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

function read(file: string): Buffer {
  return readFileSync(join(resources, file));
}

describe('icon set', () => {
  it('has a vector source mark', () => {
    const svg = read('icon.svg').toString('utf8');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 1024 1024"/);
    expect(svg).not.toMatch(/<script|href="http/i);
  });

  it('has a 1024x1024 icon.png', () => {
    expect(pngDimensions(read('icon.png'))).toEqual({ width: 1024, height: 1024 });
  });

  it.each(LINUX_SIZES)('has icons/%ix%i.png at that size', (size) => {
    expect(pngDimensions(read(`icons/${size}x${size}.png`))).toEqual({ width: size, height: size });
  });

  it('has an icon.ico whose entries are PNGs of the sizes they claim, up to 256', () => {
    const entries = parseIco(read('icon.ico'));
    expect(entries.map((entry) => entry.width)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const entry of entries) {
      expect(pngDimensions(entry.png)).toEqual({ width: entry.width, height: entry.height });
    }
  });

  it('has an icon.icns whose PNG elements match their types, up to 1024', () => {
    const elements = parseIcns(read('icon.icns'));
    const expected = Object.entries(ICNS_TYPES_BY_SIZE).flatMap(([size, types]) => types.map((type) => ({ type, size: Number(size) })));
    expect(elements.map((element) => element.type).sort()).toEqual(expected.map((e) => e.type).sort());
    for (const { type, size } of expected) {
      const element = elements.find((candidate) => candidate.type === type);
      expect(element && pngDimensions(element.png)).toEqual({ width: size, height: size });
    }
  });

  it('tells a PNG from anything else', () => {
    expect(() => pngDimensions(Buffer.from('GIF89a not a png at all, honestly'))).toThrow('not a PNG');
  });
});
