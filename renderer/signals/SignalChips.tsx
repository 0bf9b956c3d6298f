// Signal chips in the profile: each says why ("Follows 35× their followers"), with the facts
// behind it as a tooltip and, for screen readers and keyboard users, in its accessible name.
// Given the person's engagement (Review's head), its line leads the chips in place of the
// 'engages' chip, wrapping with them.
import type { CardEngagement } from '../../shared/domain';
import type { Signal } from '../../shared/signals';
import { EngagementChip, engagementText, signalsBesideEngagement } from './EngagementChip';

export function SignalChips({ signals: all, engagement }: { signals: readonly Signal[]; engagement?: CardEngagement }) {
  const engaged = engagementText(engagement).length > 0;
  const signals = signalsBesideEngagement(all, engagement);
  if (signals.length === 0 && !engaged) return <p className="muted">No signals: nothing stands out.</p>;
  return (
    <ul className="signal-chips" aria-label="Signals">
      {engaged ? (
        <li>
          <EngagementChip engagement={engagement} variant="chip" />
        </li>
      ) : null}
      {signals.map((signal) => (
        <li key={signal.id}>
          <span className={`signal-chip tone-${signal.tone}`} data-signal={signal.id} title={signal.detail} tabIndex={0} aria-label={`${signal.label}. ${signal.detail}`}>
            {signal.label}
          </span>
        </li>
      ))}
    </ul>
  );
}
