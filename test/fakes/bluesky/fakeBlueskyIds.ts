// Identifiers shaped exactly like the real ones, because @atproto/api validates responses against
// the lexicons (DIDs, handles, TIDs, CIDs, datetimes) and rejects anything that is not.
import { createHash } from 'node:crypto';
import { mulberry32 as seededRandom } from '../../../electron/core/networks/sample/seededRandom';

/** The fakes' seeded stream is the sample network's mulberry32. */
export { seededRandom };

const BASE32_SORTABLE = '234567abcdefghijklmnopqrstuvwxyz';
const BASE32_LOWER = 'abcdefghijklmnopqrstuvwxyz234567';
const BASE32_CODES = Array.from(BASE32_LOWER, (c) => c.charCodeAt(0));

/**
 * did:plc:<24 base32 chars>, derived from a number so generation needs no lookups. A cheap
 * integer mix instead of a hash: 100,000 followers must generate in well under a second.
 */
export function fakeDid(n: number, salt = 0): string {
  let x = (Math.imul(n + 1, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b)) >>> 0;
  const codes = new Array<number>(24);
  for (let i = 0; i < 24; i++) {
    // xorshift32: distinct seeds give distinct sequences, so distinct n give distinct DIDs.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    codes[i] = BASE32_CODES[x & 31]!;
  }
  return `did:plc:${String.fromCharCode(...codes)}`;
}

/**
 * A record key in TID form: 53 bits of microseconds then 10 bits of clock id, as 13
 * base32-sortable chars (11 for the time, 2 for the clock id).
 */
export function fakeTid(microseconds: number, clockId = 0): string {
  let time = Math.floor(microseconds);
  let out = '';
  for (let i = 0; i < 11; i++) {
    out = BASE32_SORTABLE[time % 32] + out;
    time = Math.floor(time / 32);
  }
  const clock = clockId & 1023;
  return out + BASE32_SORTABLE[clock >> 5] + BASE32_SORTABLE[clock & 31];
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
