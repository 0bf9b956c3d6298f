import { describe, expect, it } from 'vitest';
import { gifHeader, jpegHeader, pngHeader, webpHeader } from '../../../test/fakes/imageBytes';
import { oversizeReason, readImageDimensions } from './imageDimensions';

describe('readImageDimensions', () => {
  it('reads width and height from PNG, JPEG, GIF and WebP headers', () => {
    expect(readImageDimensions(pngHeader(400, 300), 'image/png')).toEqual({ width: 400, height: 300 });
    expect(readImageDimensions(jpegHeader(640, 480), 'image/jpeg')).toEqual({ width: 640, height: 480 });
    expect(readImageDimensions(gifHeader(48, 32), 'image/gif; charset=binary')).toEqual({ width: 48, height: 32 });
    expect(readImageDimensions(webpHeader(1000, 1000), 'image/webp')).toEqual({ width: 1000, height: 1000 });
  });

  it('counts a GIF frame larger than its logical screen', () => {
    expect(readImageDimensions(gifHeader(1, 1, 60_000, 60_000), 'image/gif')).toEqual({ width: 60_000, height: 60_000 });
  });

  it('reads nothing from truncated, mislabelled or unknown bytes', () => {
    expect(readImageDimensions(pngHeader(10, 10).subarray(0, 18), 'image/png')).toBeNull();
    expect(readImageDimensions(pngHeader(10, 10), 'image/jpeg')).toBeNull();
    expect(readImageDimensions(Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0, 2]), 'image/jpeg')).toBeNull();
    expect(readImageDimensions(new TextEncoder().encode('<svg/>'), 'image/svg+xml')).toBeNull();
    expect(readImageDimensions(new Uint8Array(0), 'image/webp')).toBeNull();
  });

  it('calls a 60,000 × 60,000 declaration oversize and an ordinary avatar fine', () => {
    expect(oversizeReason({ width: 60_000, height: 60_000 })).toMatch(/60000×60000 pixels is over the limit/);
    expect(oversizeReason({ width: 8_000, height: 8_000 })).toMatch(/over the limit/);
    expect(oversizeReason({ width: 1_000, height: 1_000 })).toBeNull();
    expect(oversizeReason({ width: 3_000, height: 1_000 })).toBeNull();
  });
});
