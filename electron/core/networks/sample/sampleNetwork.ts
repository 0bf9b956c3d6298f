// The shape of the sample account's graph: who follows it, whom it follows, in which order and
// since when. Every answer is arithmetic on positions, so page 4,000 of a 1M-follower list costs
// the same as page 1 and needs no memory of earlier pages.
import type { SamplePersonKey } from './samplePerson';

export interface SampleNetworkConfig {
  seed: number;
  followers: number;
  following: number;
  /** The network's "now": newest follow dates sit just before it. */
  anchorMs: number;
}

/** Share of the account's following list that also follows it back (mutuals)… */
const MUTUAL_SHARE = 0.4;
/** …capped at this share of its followers, so even a tiny sample board has New cards. */
const MUTUAL_MAX_OF_FOLLOWERS = 0.2;
const FIVE_YEARS_MS = 5 * 365 * 86_400_000;

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Modular inverse of a mod m (a and m coprime), by the extended Euclidean algorithm. */
function modInverse(a: number, m: number): number {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}

export class SampleNetwork {
  readonly config: SampleNetworkConfig;
  /** How many following slots point at followers (mutuals). */
  readonly mutualCount: number;
  private readonly stride: number;
  private readonly strideInverse: number;
  private readonly offset: number;
  private readonly followerGapMs: number;
  private readonly followingGapMs: number;

  constructor(config: SampleNetworkConfig) {
    this.config = config;
    const f = config.followers;
    this.mutualCount = Math.min(Math.floor(config.following * MUTUAL_SHARE), Math.floor(f * MUTUAL_MAX_OF_FOLLOWERS));
    // A stride permutation spreads mutuals over the whole follower history instead of the
    // newest few: a stride coprime to f visits every follower exactly once.
    let stride = f > 2 ? Math.floor(f * 0.618) : 1;
    while (f > 1 && gcd(stride, f) !== 1) stride++;
    this.stride = Math.max(stride, 1);
    this.strideInverse = f > 1 ? modInverse(this.stride, f) : 0;
    this.offset = f > 0 ? config.seed % f : 0;
    this.followerGapMs = Math.max(1000, Math.floor(FIVE_YEARS_MS / Math.max(f, 1)));
    this.followingGapMs = Math.max(1000, Math.floor(FIVE_YEARS_MS / Math.max(config.following, 1)));
  }

  /** The follower at `position` of the newest-first list (0 = most recent). */
  followerAt(position: number): SamplePersonKey {
    return { kind: 'f', index: this.config.followers - 1 - position };
  }

  followerPosition(index: number): number {
    return this.config.followers - 1 - index;
  }

  /** When the follower at `position` followed: strictly older as position grows. */
  followerFollowedAt(position: number): number {
    return this.config.anchorMs - 60_000 - position * this.followerGapMs;
  }

  /** The account the sample user follows at `position` of the newest-first following list. */
  followingAt(position: number): SamplePersonKey {
    const mutualIndex = this.mutualSlotIndex(position);
    if (mutualIndex !== null) return { kind: 'f', index: this.mutualToFollower(mutualIndex) };
    return { kind: 'g', index: position - this.mutualSlotsBefore(position) };
  }

  followingFollowedAt(position: number): number {
    return this.config.anchorMs - 120_000 - position * this.followingGapMs;
  }

  followsMe(key: SamplePersonKey): boolean {
    return key.kind === 'f' && key.index >= 0 && key.index < this.config.followers;
  }

  /** Whether the account follows `key` in the generated graph (before in-memory follows). */
  iFollow(key: SamplePersonKey): boolean {
    if (key.kind === 'g') return key.index >= 0 && key.index < this.config.following - this.mutualCount;
    if (!this.followsMe(key)) return false;
    return this.followerToMutual(key.index) < this.mutualCount;
  }

  // Following positions p with p % 5 < 2 are mutual slots until mutualCount is used up.
  private mutualSlotIndex(position: number): number | null {
    const slot = position % 5;
    if (slot >= 2) return null;
    const index = Math.floor(position / 5) * 2 + slot;
    return index < this.mutualCount ? index : null;
  }

  private mutualSlotsBefore(position: number): number {
    const slots = Math.floor(position / 5) * 2 + Math.min(position % 5, 2);
    return Math.min(slots, this.mutualCount);
  }

  private mutualToFollower(mutualIndex: number): number {
    const f = this.config.followers;
    return (mutualIndex * this.stride + this.offset) % f;
  }

  private followerToMutual(followerIndex: number): number {
    const f = this.config.followers;
    // Products stay below 2^53 for f up to 1M, so plain doubles are exact here.
    return (((followerIndex - this.offset) % f) + f) % f * this.strideInverse % f;
  }
}
