// Avatars drawn locally: a symmetric 5×5 pattern on the person's colour, as a small PNG. No
// network, deterministic.
//
// PNG and not SVG: Chromium builds a whole isolated SVG document for every <img> of an SVG
// (4.5 ms each on this machine's main thread, traced while wheel-scrolling a 100k sample
// column: 126 avatars, 560 ms), where a PNG this size decodes off the main thread.
import { PNG } from 'pngjs';
import type { SamplePerson } from './samplePerson';

const SIZE = 96;
const GRID = 5;
const MARGIN = 8;
const CELL = (SIZE - 2 * MARGIN) / GRID;

/** HSL (degrees, 0–1, 0–1) to 8-bit RGB. */
function hslToRgb(hue: number, saturation: number, lightness: number): [number, number, number] {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number): number => {
    const k = (n + hue / 30) % 12;
    return Math.round(255 * (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [channel(0), channel(8), channel(4)];
}

/** Which cells of the left half (and middle column) are filled, from the person's initials and hue. */
function patternOf(person: SamplePerson): boolean[] {
  let bits = person.hue * 2_654_435_761;
  for (const char of person.initials) bits = Math.imul(bits ^ (char.codePointAt(0) ?? 0), 2_246_822_519) >>> 0;
  const half = Math.ceil(GRID / 2);
  return Array.from({ length: GRID * half }, (_, i) => ((bits >>> i) & 1) === 1);
}

export function renderSampleAvatarPng(person: SamplePerson): Uint8Array {
  const background = hslToRgb(person.hue, 0.55, 0.45);
  const foreground = hslToRgb(person.hue, 0.6, 0.85);
  const filled = patternOf(person);
  const half = Math.ceil(GRID / 2);
  const png = new PNG({ width: SIZE, height: SIZE, colorType: 2 });
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const col = Math.floor((x - MARGIN) / CELL);
      const row = Math.floor((y - MARGIN) / CELL);
      const inside = col >= 0 && col < GRID && row >= 0 && row < GRID;
      // Mirrored around the middle column, as identicons are.
      const on = inside && filled[row * half + (col < half ? col : GRID - 1 - col)] === true;
      const [r, g, b] = on ? foreground : background;
      const at = (y * SIZE + x) * 4;
      png.data[at] = r;
      png.data[at + 1] = g;
      png.data[at + 2] = b;
      png.data[at + 3] = 255;
    }
  }
  return new Uint8Array(PNG.sync.write(png, { colorType: 2 }));
}
