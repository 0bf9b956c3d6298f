// A card's strongest signal chips (at full length, the rest counted as "+2"), a "Back from snooze"
// badge, and its tags on a line of their own. Cards have a fixed height: each line is one row
// that never wraps, and a line with nothing to show takes no room.
import { memo } from 'react';
import type { PersonCard } from '../../shared/domain';
import { signalsBesideEngagement } from './EngagementChip';

/** Chips a card shows in full; the profile shows them all. */
const CARD_SIGNALS = 2;

export const CardSignals = memo(function CardSignals({ card }: { card: PersonCard }) {
  // The engagement line above says what the 'engages' chip would.
  const all = signalsBesideEngagement(card.signals ?? [], card.engagement);
  const signals = all.slice(0, CARD_SIGNALS);
  const more = all.length - signals.length;
  const tags = card.tags ?? [];
  const backFromSnooze = Boolean(card.snoozeEndedAt) && card.stage === 'new';
  const hasChips = signals.length > 0 || backFromSnooze;
  if (!hasChips && tags.length === 0) return null;
  return (
    <>
      {hasChips ? (
        <div className="card-chips" data-testid="card-chips">
          {backFromSnooze ? <span className="card-chip chip-snooze">Back from snooze</span> : null}
          {signals.map((signal) => (
            <span key={signal.id} className={`card-chip signal-chip tone-${signal.tone}`} data-signal={signal.id} title={signal.detail}>
              {signal.label}
            </span>
          ))}
          {more > 0 ? (
            <span className="card-chip chip-more" title={all.slice(CARD_SIGNALS).map((s) => s.label).join(' · ')}>
              +{more}
            </span>
          ) : null}
        </div>
      ) : null}
      {tags.length > 0 ? (
        <div className="card-chips card-tags" data-testid="card-tags">
          {tags.map((tag) => (
            <span key={tag} className="card-chip tag-chip" title={`Tag: ${tag}`}>
              #{tag}
            </span>
          ))}
        </div>
      ) : null}
    </>
  );
});
