// How a person is named and pictured when there is no avatar: initials on a colour that stays
// the same for a handle across runs (derived, not random).
export function formatHandle(handle: string): string {
  return handle.startsWith('@') ? handle : `@${handle}`;
}

export function initialsOf(displayName: string, handle: string): string {
  const words = displayName.trim().split(/\s+/u).filter(Boolean);
  const letters = words.length > 0 ? words.slice(0, 2).map((w) => Array.from(w.replace(/^\p{M}+/u, ''))[0] ?? '') : [Array.from(handle.replace(/^@/u, ''))[0] ?? '?'];
  return letters.join('').toUpperCase();
}

/** A calm hue per handle (FNV-1a hash), rendered with theme-aware lightness in CSS. */
export function hueOf(handle: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < handle.length; i++) {
    hash ^= handle.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 360;
}
