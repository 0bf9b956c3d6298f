// Pixel dimensions read from an image's header bytes, before anything decodes it. A file of a few
// hundred bytes can declare 60,000 × 60,000 pixels; decoding it (in the renderer, for a card)
// would take gigabytes. PNG (IHDR), JPEG (SOF), GIF (screen and every frame) and WebP (VP8, VP8L,
// VP8X) are read; anything unreadable is treated as not an image.

export interface ImageDimensions {
  width: number;
  height: number;
}

/** Avatars, banners and emoji are far below this; a bigger one is a bomb, not a picture. */
export const MAX_IMAGE_SIDE = 8_192;
export const MAX_IMAGE_PIXELS = 4_096 * 4_096;

export function readImageDimensions(bytes: Uint8Array, contentType: string): ImageDimensions | null {
  const type = contentType.split(';')[0]?.trim().toLowerCase();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (type === 'image/png') return png(bytes, view);
    if (type === 'image/jpeg') return jpeg(bytes, view);
    if (type === 'image/gif') return gif(bytes, view);
    if (type === 'image/webp') return webp(bytes, view);
  } catch {
    // A header cut short reads past the end: not a readable image.
  }
  return null;
}

/** Why an image must not be kept, or null when its size is fine. */
export function oversizeReason(size: ImageDimensions): string | null {
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE || size.width * size.height > MAX_IMAGE_PIXELS) {
    return `${size.width}×${size.height} pixels is over the limit (${MAX_IMAGE_SIDE} per side, ${MAX_IMAGE_PIXELS.toLocaleString('en-US')} in all)`;
  }
  return null;
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function png(bytes: Uint8Array, view: DataView): ImageDimensions | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b) || ascii(bytes, 12, 4) !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpeg(bytes: Uint8Array, view: DataView): ImageDimensions | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1] as number;
    if (marker === 0xff) {
      offset++; // fill byte
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / start of scan before any frame
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2; // markers without a length
      continue;
    }
    const length = view.getUint16(offset + 2);
    if (isStartOfFrame(marker)) return { width: view.getUint16(offset + 7), height: view.getUint16(offset + 5) };
    if (length < 2) return null;
    offset += 2 + length;
  }
  return null;
}

function gif(bytes: Uint8Array, view: DataView): ImageDimensions | null {
  const magic = ascii(bytes, 0, 6);
  if (magic !== 'GIF87a' && magic !== 'GIF89a') return null;
  // A frame may be declared larger than the logical screen; the largest of all counts.
  let width = view.getUint16(6, true);
  let height = view.getUint16(8, true);
  const flags = bytes[10] as number;
  let offset = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);
  const skipSubBlocks = () => {
    for (let size = bytes[offset] as number; size !== 0; size = bytes[offset] as number) {
      if (size === undefined) throw new RangeError('cut short');
      offset += size + 1;
    }
    offset++;
  };
  while (offset < bytes.length) {
    const block = bytes[offset];
    if (block === 0x3b) break; // trailer
    if (block === 0x21) {
      offset += 2; // extension introducer and label
      skipSubBlocks();
    } else if (block === 0x2c) {
      const left = view.getUint16(offset + 1, true);
      const top = view.getUint16(offset + 3, true);
      width = Math.max(width, left + view.getUint16(offset + 5, true));
      height = Math.max(height, top + view.getUint16(offset + 7, true));
      const frameFlags = bytes[offset + 9] as number;
      offset += 10 + (frameFlags & 0x80 ? 3 * 2 ** ((frameFlags & 0x07) + 1) : 0);
      offset++; // LZW minimum code size
      skipSubBlocks();
    } else {
      break;
    }
  }
  return { width, height };
}

function webp(bytes: Uint8Array, view: DataView): ImageDimensions | null {
  if (ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WEBP') return null;
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8 ') {
    // Frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height.
    if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return null;
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    if (bytes[20] !== 0x2f) return null;
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    const width = 1 + ((bytes[24] as number) | ((bytes[25] as number) << 8) | ((bytes[26] as number) << 16));
    const height = 1 + ((bytes[27] as number) | ((bytes[28] as number) << 8) | ((bytes[29] as number) << 16));
    return { width, height };
  }
  return null;
}
