// All signals for one person, in display order. Pure: the same input and `now` give the same
// chips, so core can compute them for filtering and the renderer for display.
import { accountAgeSignals } from './accountAgeSignals';
import { activitySignals } from './activitySignals';
import { avatarSignals } from './avatarSignals';
import { churnSignals } from './churnSignals';
import { engagementSignals } from './engagementSignals';
import { followBaitSignals } from './followBaitSignals';
import { ratioSignals } from './ratioSignals';
import { DEFAULT_SIGNAL_THRESHOLDS, type SignalThresholds } from './thresholds';
import { SIGNAL_IDS, type Signal, type SignalId, type SignalInput } from './types';

const DISPLAY_RANK = new Map<SignalId, number>(SIGNAL_IDS.map((id, rank) => [id, rank]));

export function computeSignals(
  input: SignalInput,
  now: Date,
  thresholds: SignalThresholds = DEFAULT_SIGNAL_THRESHOLDS,
): Signal[] {
  const signals = [
    ...churnSignals(input, now, thresholds),
    ...followBaitSignals(input),
    ...ratioSignals(input, thresholds),
    ...activitySignals(input, now, thresholds),
    ...accountAgeSignals(input, now, thresholds),
    ...avatarSignals(input),
    ...engagementSignals(input, thresholds),
  ];
  return signals.sort((a, b) => (DISPLAY_RANK.get(a.id) ?? 0) - (DISPLAY_RANK.get(b.id) ?? 0));
}
