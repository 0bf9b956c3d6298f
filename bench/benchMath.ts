// Small numeric helpers every bench shares: a seeded random sequence (two runs measure the same
// queries) and the nearest-rank percentile of sorted timings.

/** Deterministic pseudo-random numbers in [0, 1), so two runs measure the same queries. */
export function randomSequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  };
}

/** The p-th percentile (nearest rank) of ascending `sorted`; NaN for none. */
export function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
