// The Windows taskbar overlay: a 16x16 accent dot drawn in code (BGRA), so no extra image file has
// to ship and stay in sync with the icon set. The count itself is in the overlay's description.
import { nativeImage, type NativeImage } from 'electron';

const SIZE = 16;
/** Rapport's accent, as blue, green, red. */
const DOT = [0xd9, 0x5b, 0x2f] as const;

export function overlayDotPixels(): Buffer {
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  const centre = (SIZE - 1) / 2;
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const distance = Math.hypot(x - centre, y - centre);
      // One pixel of soft edge; premultiplied alpha, as createFromBitmap expects.
      const alpha = Math.max(0, Math.min(1, SIZE / 2 - distance));
      const at = (y * SIZE + x) * 4;
      pixels[at] = Math.round(DOT[0] * alpha);
      pixels[at + 1] = Math.round(DOT[1] * alpha);
      pixels[at + 2] = Math.round(DOT[2] * alpha);
      pixels[at + 3] = Math.round(255 * alpha);
    }
  }
  return pixels;
}

export function overlayDot(): NativeImage {
  return nativeImage.createFromBitmap(overlayDotPixels(), { width: SIZE, height: SIZE });
}
