// A card's strongest signal chips, its tags and a "Back from snooze" badge, on one line that
// never wraps: cards have a fixed height, so what does not fit is cut off, never pushed down.
import { memo } from 'react';
import type { PersonCard } from '../../shared/domain';

/** Chips a card has room for; the profile shows them all. */
const CARD_SIGNALS = 2;
const CARD_TAGS = 2;

export const CardSignals = memo(function CardSignals({ card }: { card: PersonCard }) {
  const signals = (card.signals ?? []).slice(0, CARD_SIGNALS);
  const tags = (card.tags ?? []).slice(0, CARD_TAGS);
  const backFromSnooze = Boolean(card.snoozeEndedAt) && card.stage === 'new';
  if (signals.length === 0 && tags.length === 0 && !backFromSnooze) return null;
  return (
    <div className="card-chips" data-testid="card-chips">
      {backFromSnooze ? <span className="card-chip chip-snooze">Back from snooze</span> : null}
      {signals.map((signal) => (
        <span key={signal.id} className={`card-chip signal-chip tone-${signal.tone}`} data-signal={signal.id} title={signal.detail}>
          {signal.label}
        </span>
      ))}
      {tags.map((tag) => (
        <span key={tag} className="card-chip tag-chip" title={`Tag: ${tag}`}>
          #{tag}
        </span>
      ))}
    </div>
  );
});
