// Image files built byte by byte for tests: real headers with chosen dimensions, so a test can
// serve a 60 KB-free "60,000 × 60,000" bomb or an ordinary avatar without binary fixtures.

function u32be(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}
function u16be(n: number): number[] {
  return [(n >>> 8) & 0xff, n & 0xff];
}
function u16le(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff];
}

/** A PNG signature and IHDR chunk declaring width × height (no image data: nothing decodes it). */
export function pngHeader(width: number, height: number): Uint8Array {
  return Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...u32be(13), 0x49, 0x48, 0x44, 0x52, ...u32be(width), ...u32be(height), 8, 6, 0, 0, 0, 0, 0, 0, 0]);
}

/** SOI, an APP0 segment, then a baseline SOF0 declaring width × height. */
export function jpegHeader(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, ...u16be(16), 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof0 = [0xff, 0xc0, ...u16be(11), 8, ...u16be(height), ...u16be(width), 1, 1, 0x11, 0];
  return Uint8Array.from([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
}

/** A GIF whose logical screen is small but whose one frame is frameWidth × frameHeight. */
export function gifHeader(width: number, height: number, frameWidth = width, frameHeight = height): Uint8Array {
  return Uint8Array.from([
    ...'GIF89a'.split('').map((c) => c.charCodeAt(0)),
    ...u16le(width),
    ...u16le(height),
    0, 0, 0,
    0x2c, ...u16le(0), ...u16le(0), ...u16le(frameWidth), ...u16le(frameHeight), 0,
    2, 1, 0, 0,
    0x3b,
  ]);
}

/** A lossless WebP (VP8L) header declaring width × height (each 1..16384). */
export function webpHeader(width: number, height: number): Uint8Array {
  const bits = (width - 1) | ((height - 1) << 14);
  const chunk = [0x2f, bits & 0xff, (bits >>> 8) & 0xff, (bits >>> 16) & 0xff, (bits >>> 24) & 0xff];
  const riffSize = 4 + 8 + chunk.length;
  return Uint8Array.from([
    ...'RIFF'.split('').map((c) => c.charCodeAt(0)), riffSize & 0xff, (riffSize >>> 8) & 0xff, 0, 0,
    ...'WEBPVP8L'.split('').map((c) => c.charCodeAt(0)), chunk.length, 0, 0, 0,
    ...chunk,
  ]);
}
