// Identifiers shaped exactly like the real ones, because @atproto/api validates responses against
// the lexicons (DIDs, handles, TIDs, CIDs, datetimes) and rejects anything that is not.
import { createHash } from 'node:crypto';

const BASE32_SORTABLE = '234567abcdefghijklmnopqrstuvwxyz';
const BASE32_LOWER = 'abcdefghijklmnopqrstuvwxyz234567';

/** Small, fast, seeded PRNG (mulberry32): the same seed builds the same network. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** did:plc:<24 base32 chars>, derived from a number so generation needs no lookups. */
export function fakeDid(n: number, salt = 0): string {
  const digest = createHash('sha256').update(`did:${salt}:${n}`).digest();
  let out = '';
  for (let i = 0; i < 24; i++) out += BASE32_LOWER[(digest[i] ?? 0) & 31];
  return `did:plc:${out}`;
}

/** A record key in TID form (13 base32-sortable chars from microseconds and a clock id). */
export function fakeTid(microseconds: number, clockId = 0): string {
  let value = (BigInt(Math.floor(microseconds)) << 10n) | BigInt(clockId & 1023);
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = BASE32_SORTABLE[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_LOWER[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_LOWER[(buffer << (5 - bits)) & 31];
  return out;
}

/** CIDv1, dag-cbor, sha2-256 of the seed, multibase base32: "bafyrei…". */
export function fakeCid(seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  return `b${base32(new Uint8Array([0x01, 0x71, 0x12, 0x20, ...digest]))}`;
}
