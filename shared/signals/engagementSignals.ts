// Engagement: the person replied to, mentioned, liked or shared my posts. Talking to me already is
// the strongest reason to follow back (issue 16), so it is the heaviest positive signal, and its
// chip says exactly what it counts ("Replied 3× · liked 12") — the same words as the card.
import { engagementPoints, interactionChipText, INTERACTION_KINDS, lastInteractionAt } from '../interactions';
import { formatDay } from './chipFormat';
import { parseInstant } from './elapsed';
import type { SignalThresholds } from './thresholds';
import type { Signal, SignalInput } from './types';

export function engagementSignals(input: Pick<SignalInput, 'interactions'>, t: SignalThresholds): Signal[] {
  const counts = input.interactions ?? [];
  const points = engagementPoints(counts);
  if (points < t.engagesMinPoints) return [];
  const everything = interactionChipText(counts, INTERACTION_KINDS.length).split(' · ').join(', ');
  const last = parseInstant(lastInteractionAt(counts));
  return [
    {
      id: 'engages',
      tone: 'positive',
      label: interactionChipText(counts, 2),
      detail: `Toward you: ${everything.charAt(0).toLowerCase()}${everything.slice(1)}${last === null ? '' : `; latest on ${formatDay(last)}`}.`,
    },
  ];
}
