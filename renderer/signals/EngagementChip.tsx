// How a person engaged with me, in one line: "Replied 3× · liked 12 · 2d ago", the full date
// on hover. The words come from shared/interactions (the same helper core explains the score
// with), so the card, Review and the chip text of the score never disagree.
import { Fragment, memo } from 'react';
import type { ReactNode } from 'react';
import { MessagesSquare } from 'lucide-react';
import type { CardEngagement } from '../../shared/domain';
import { interactionChipParts, interactionChipText, lastInteractionAt } from '../../shared/interactions';
import type { Signal } from '../../shared/signals';
import { formatFullDate, formatRelative, formatRelativeShort } from '../format/dateFormat';

const SPOKE_FIRST = 'They spoke to you before they followed you';

/** "Replied 3× · liked 12", or '' when they never engaged with me. */
export function engagementText(engagement: CardEngagement | undefined): string {
  return engagement ? interactionChipText(engagement.counts) : '';
}

/**
 * The signals to show beside this line: the 'engages' signal says the same words (core explains
 * the score with them), so where the line is shown the chip would only repeat it.
 */
export function signalsBesideEngagement(signals: readonly Signal[], engagement: CardEngagement | undefined): Signal[] {
  return engagementText(engagement) ? signals.filter((signal) => signal.id !== 'engages') : [...signals];
}

/** Their latest interaction toward me: core's date, or the latest of the counts it sent. */
function lastAtOf(engagement: CardEngagement): string | null {
  return engagement.lastAt ?? lastInteractionAt(engagement.counts);
}

/**
 * The line's words, each "mentioned you 9×" kept whole: where the line wraps it breaks between
 * two kinds, never between a kind and its count.
 */
function phrases(parts: readonly string[]): ReactNode {
  return parts.map((phrase, index) => (
    <Fragment key={index}>
      {index > 0 ? ' · ' : null}
      <span className="engagement-phrase">{phrase}</span>
    </Fragment>
  ));
}

interface EngagementChipProps {
  engagement: CardEngagement | undefined;
  /** 'card': one line that never wraps (fixed card height); 'chip': a pill beside signal chips. */
  variant?: 'card' | 'chip';
}

/** Kinds a card's line names: its width holds two at full length; the title names them all. */
const CARD_KINDS = 2;

export const EngagementChip = memo(function EngagementChip({ engagement, variant = 'card' }: EngagementChipProps) {
  const text = engagementText(engagement);
  if (!engagement || text.length === 0) return null;
  const shown = interactionChipParts(engagement.counts, variant === 'card' ? CARD_KINDS : undefined);
  const lastAt = lastAtOf(engagement);
  const full = lastAt ? formatFullDate(lastAt) : '';
  // Why Review brings them first: they started talking before they followed.
  const before = engagement.repliedBeforeFollowing ? ` ${SPOKE_FIRST}.` : '';
  const title = `${full ? `${text}. Last on ${full}.` : `${text}.`}${before}`;
  return (
    <p className={variant === 'card' ? 'card-engagement' : 'engagement-chip'} data-testid="engagement-chip" title={title}>
      <MessagesSquare size={12} aria-hidden="true" className="engagement-icon" />
      <span className="engagement-text">{phrases(shown)}</span>
      {lastAt ? (
        <span className="engagement-when">
          <span aria-hidden="true"> · </span>
          <time dateTime={lastAt}>{variant === 'card' ? formatRelativeShort(lastAt) : formatRelative(lastAt)}</time>
        </span>
      ) : null}
      {variant === 'chip' && engagement.repliedBeforeFollowing ? <span className="engagement-when"> · spoke to you before following</span> : null}
    </p>
  );
});
