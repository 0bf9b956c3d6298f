// One number from a person's signals, for sorting and filtering ("hide scores below -30").
// It is a plain sum of fixed weights so the UI can always show the arithmetic: every point
// comes from a chip the user can see. The score ranks people; it never acts on them.
import type { Signal, SignalId } from './types';

/**
 * Points per signal. Cautions subtract, positives add, neutral hints weigh nothing (they
 * inform, they do not judge). The strongest evidence of follow-for-follow behaviour — churn
 * toward the user and saying it in the bio — weighs most; circumstantial hints (a default
 * avatar) least. Scores fall between -145 (every caution that can occur together: "No posts"
 * and "No posts in …" exclude each other) and +70 (every positive).
 */
export const SIGNAL_WEIGHTS: Readonly<Record<SignalId, number>> = Object.freeze({
  churn: -30,
  'follow-bait': -30,
  'mass-following': -25,
  'follows-many': -15,
  'no-posts': -20,
  inactive: -15,
  'new-account': -15,
  'default-avatar': -10,
  'widely-followed': 0,
  // Someone already talking to me is the best reason to follow back there is.
  engages: 25,
  active: 20,
  'balanced-ratio': 10,
  established: 15,
});

export interface ScorePart {
  id: SignalId;
  label: string;
  weight: number;
}

/** The parts of the score, one per distinct signal, in the order given. */
export function explainScore(signals: readonly Signal[]): ScorePart[] {
  const seen = new Set<SignalId>();
  const parts: ScorePart[] = [];
  for (const signal of signals) {
    if (seen.has(signal.id)) continue;
    seen.add(signal.id);
    parts.push({ id: signal.id, label: signal.label, weight: SIGNAL_WEIGHTS[signal.id] });
  }
  return parts;
}

/** Sum of the weights of the distinct signals; 0 for none. Higher reads as more genuine. */
export function scoreSignals(signals: readonly Signal[]): number {
  return explainScore(signals).reduce((sum, part) => sum + part.weight, 0);
}
