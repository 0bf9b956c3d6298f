// One person in the people list: checkbox, avatar, name and handle, stage, signal chips, tags and
// a line of bio. A click opens the profile; shift-click selects a range, ctrl/cmd-click toggles.
// Rows have a fixed height so the virtualised list needs no measuring.
import { memo } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import { STAGE_LABELS, type PersonCard } from '../../shared/domain';
import { Avatar } from '../people/Avatar';
import { formatHandle } from '../people/personIdentity';
import { formatCompact } from '../format/numberFormat';
import { CardStatus } from '../actions/CardStatus';
import { RemoteName, RemoteText } from '../safeHtml/RemoteHtml';
import { SnoozedBadge } from '../people/SnoozedBadge';
import { engagementText, signalsBesideEngagement } from '../signals/EngagementChip';
import type { PickModifiers } from './rowSelection';

/** Row height plus the gap below it. */
export const PERSON_ROW_HEIGHT = 84;
const ROW_SIGNALS = 3;
const ROW_TAGS = 3;

interface PersonRowProps {
  card: PersonCard;
  index: number;
  accountId: number;
  selected: boolean;
  /** The not-following-back list offers a one-at-a-time unfollow on each row. */
  offerUnfollow: boolean;
  onPick(index: number, card: PersonCard, modifiers: PickModifiers): void;
  onOpen(card: PersonCard): void;
  onUnfollow(card: PersonCard): void;
}

function unfollowUnderway(card: PersonCard): boolean {
  return card.action?.kind === 'unfollow' && card.action.status !== 'failed';
}

function focusSibling(row: HTMLElement, step: 1 | -1): boolean {
  const rows = Array.from(row.closest('[data-testid="people-list"]')?.querySelectorAll<HTMLElement>('[data-testid="person-row"]') ?? []);
  const here = Number(row.dataset.index);
  const next = rows.find((r) => Number(r.dataset.index) === here + step);
  next?.focus();
  return next !== undefined;
}

export const PersonRow = memo(function PersonRow({ card, index, accountId, selected, offerUnfollow, onPick, onOpen, onUnfollow }: PersonRowProps) {
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.shiftKey || event.ctrlKey || event.metaKey) {
      event.preventDefault();
      onPick(index, card, { range: event.shiftKey, toggle: event.ctrlKey || event.metaKey });
    } else {
      onOpen(card);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(card);
    } else if (event.key === ' ') {
      event.preventDefault();
      onPick(index, card, { range: event.shiftKey, toggle: true });
    } else if ((event.key === 'ArrowDown' || event.key === 'j') && focusSibling(event.currentTarget, 1)) {
      event.preventDefault();
    } else if ((event.key === 'ArrowUp' || event.key === 'k') && focusSibling(event.currentTarget, -1)) {
      event.preventDefault();
    }
  };
  const signals = signalsBesideEngagement(card.signals ?? [], card.engagement).slice(0, ROW_SIGNALS);
  const tags = (card.tags ?? []).slice(0, ROW_TAGS);
  const engagement = engagementText(card.engagement);
  return (
    <div
      className={selected ? 'person-row is-selected' : 'person-row'}
      data-testid="person-row"
      data-person-id={card.personId}
      data-index={index}
      tabIndex={0}
      aria-label={`${card.displayName}, ${formatHandle(card.handle)}, ${STAGE_LABELS[card.stage]}${selected ? ', selected' : ''}`}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      <input
        type="checkbox"
        className="person-row-check"
        aria-label={`Select ${card.displayName}`}
        checked={selected}
        onChange={() => undefined}
        onClick={(event) => {
          event.stopPropagation();
          onPick(index, card, { range: event.shiftKey, toggle: true });
        }}
      />
      <Avatar avatarUrl={card.avatarUrl} displayName={card.displayName} handle={card.handle} size={40} deferred />
      <div className="person-row-main">
        <div className="person-row-head">
          <RemoteName name={card.displayName} className="person-row-name" />
          <RemoteText text={formatHandle(card.handle)} className="person-row-handle" />
          <span className="person-stage" data-stage={card.stage}>
            {STAGE_LABELS[card.stage]}
          </span>
          <SnoozedBadge snoozedUntil={card.snoozedUntil} />
        </div>
        {card.bioSnippet ? (
          <p className="person-row-bio">
            <RemoteText text={card.bioSnippet} />
          </p>
        ) : (
          <p className="person-row-bio is-empty">No bio</p>
        )}
        <div className="person-row-chips">
          {engagement ? (
            <span className="row-chip row-chip-engagement" data-testid="row-engagement" title={engagement}>
              {engagement}
            </span>
          ) : null}
          {signals.map((signal) => (
            <span key={signal.id} className={`row-chip tone-${signal.tone}`} data-signal={signal.id} title={signal.detail}>
              {signal.label}
            </span>
          ))}
          {tags.map((tag) => (
            <span key={tag} className="row-chip row-chip-tag" title={`Tag: ${tag}`}>
              #{tag}
            </span>
          ))}
        </div>
      </div>
      <div className="person-row-side">
        <span className="person-row-counts">
          <strong>{formatCompact(card.followersCount)}</strong> followers
        </span>
        <CardStatus card={card} accountId={accountId} />
        {offerUnfollow && card.iFollow && !unfollowUnderway(card) ? (
          <button
            type="button"
            className="button person-row-unfollow"
            aria-label={`Unfollow ${card.displayName}`}
            onClick={(event) => {
              event.stopPropagation();
              onUnfollow(card);
            }}
            onKeyDown={(event) => event.stopPropagation()}
          >
            Unfollow
          </button>
        ) : null}
      </div>
    </div>
  );
});
