// "Looks promising" in a new-follower notification: the stored score is above this, i.e. the
// positive signals (active, balanced ratio, established) outweigh every caution. A person with no
// signals yet (score 0 or not computed) is not counted: the notification only claims what it knows.
export const PROMISING_SCORE_ABOVE = 0;

export function looksPromising(score: number | null): boolean {
  return score !== null && score > PROMISING_SCORE_ABOVE;
}
