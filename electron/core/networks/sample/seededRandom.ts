// A tiny counter-based random source: every draw is a pure function of (seed, key, salt), so the
// sample network can produce person #900,000 without producing the 899,999 before it. We do not
// use faker's own generator for the draws: reseeding it per person measured ~60 µs a person (a
// minute per million followers), this stream plus faker's word lists ~5 µs.

/** 32-bit avalanche mix (the finalizer of MurmurHash3 / lowbias32). */
export function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hashes a short list of integers into one 32-bit value. */
export function hashInts(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    // Split large integers (indexes up to 2^53) so the high bits still matter.
    h = mix32(h ^ mix32(part >>> 0));
    h = mix32(h ^ Math.floor(part / 4294967296));
  }
  return h;
}

const MULBERRY32_STEP = 0x6d2b79f5;

/** mulberry32's output for an already advanced state, uniform in [0, 1). */
function mulberry32Value(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A plain mulberry32 stream from a seed: the same seed gives the same numbers. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + MULBERRY32_STEP) >>> 0;
    return mulberry32Value(state);
  };
}

/** A mulberry32 stream started from a hash: cheap to create, one per generated person. */
export class SeededRandom {
  private state: number;

  constructor(...keyParts: number[]) {
    this.state = hashInts(...keyParts);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + MULBERRY32_STEP) >>> 0;
    return mulberry32Value(this.state);
  }

  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks a key of a weighted table. */
  weighted<K extends string>(table: WeightedTable<K>): K {
    return table.pick(this.next());
  }

  /** Log-normal draw: most values small, a long tail of large ones (follower counts, posts). */
  logNormal(mu: number, sigma: number): number {
    // Box-Muller; 1 - next() keeps log away from 0.
    const u1 = 1 - this.next();
    const u2 = this.next();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return Math.exp(mu + sigma * z);
  }
}

/** Keys with weights, prepared once so a draw is a short scan of cumulative sums. */
export class WeightedTable<K extends string> {
  private readonly keys: K[];
  private readonly cumulative: number[];

  constructor(weights: Readonly<Record<K, number>>) {
    this.keys = Object.keys(weights) as K[];
    let total = 0;
    this.cumulative = this.keys.map((key) => (total += weights[key]));
    this.cumulative = this.cumulative.map((sum) => sum / total);
  }

  /** `unit` is a uniform draw in [0, 1). */
  pick(unit: number): K {
    for (let i = 0; i < this.keys.length; i++) if (unit < this.cumulative[i]!) return this.keys[i]!;
    return this.keys[this.keys.length - 1]!;
  }
}
