// Signal chips in the profile: each says why ("Follows 7,400 · followed by 210"), with the facts
// behind it as a tooltip and, for screen readers and keyboard users, in its accessible name.
import type { Signal } from '../../shared/signals';

export function SignalChips({ signals }: { signals: readonly Signal[] }) {
  if (signals.length === 0) return <p className="muted">No signals: nothing stands out.</p>;
  return (
    <ul className="signal-chips" aria-label="Signals">
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
