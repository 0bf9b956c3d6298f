// One follower on the board. Focusable: Enter opens the profile, m / Shift+F10 / ContextMenu opens
// "Move to…". Draggable to another column. Memoised: it re-renders only when its card changes or
// it is asked to take focus.
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { MoreHorizontal } from 'lucide-react';
import { draggable } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { STAGE_LABELS } from '../../shared/domain';
import type { PersonCard, Stage } from '../../shared/domain';
import { useBoardStore } from '../stores/boardStore';
import { decide } from '../keyboard/triageMoves';
import { useDrawerStore } from '../stores/drawerStore';
import { Avatar } from '../people/Avatar';
import { formatHandle } from '../people/personIdentity';
import { formatCompact } from '../format/numberFormat';
import { cardDragData } from './dragData';
import { MoveMenu } from './MoveMenu';
import { focusCardBeside } from '../stores/cardFocus';
import { CardStatus } from '../actions/CardStatus';
import { CardSignals } from '../signals/CardSignals';
import { EngagementChip, engagementText, signalsBesideEngagement } from '../signals/EngagementChip';
import { RemoteName } from '../safeHtml/RemoteName';
import { RemoteText } from '../safeHtml/RemoteText';

const ARROWS: Record<string, 'up' | 'down' | 'left' | 'right'> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

interface BoardCardProps {
  card: PersonCard;
  accountId: number;
  /** The column's one tab stop (roving focus): the others are reached with the arrow keys. */
  tabbable: boolean;
  /**
   * The picture waits until the card has stayed a moment (Avatar.tsx): true for cards that come
   * in while the column scrolls, false for the first screen's, which show theirs at once.
   */
  deferAvatar: boolean;
}

/** What a screen reader says on reaching a card: who, where on the board, and why they stand out. */
function cardLabel(card: PersonCard): string {
  const signals = signalsBesideEngagement(card.signals ?? [], card.engagement).map((signal) => signal.label);
  const parts = [card.displayName, formatHandle(card.handle), STAGE_LABELS[card.stage]];
  if (card.followsMe && card.iFollow) parts.push('mutual');
  const engagement = engagementText(card.engagement);
  if (engagement) parts.push(card.engagement?.repliedBeforeFollowing ? `${engagement}, spoke to you before following` : engagement);
  if (signals.length > 0) parts.push(`signals: ${signals.join(', ')}`);
  return parts.join(', ');
}

// Everyone on the board followed you, so only mutual is news (someone who stopped following you
// says so in the card's status). The pill sits on the avatar's lower edge: beside the name it
// took the name's room and cut it ("Molly Kau…" at 1440 px).
function RelationshipBadge({ followsMe, iFollow }: { followsMe: boolean; iFollow: boolean }) {
  if (followsMe && iFollow) return <span className="badge badge-mutual">mutual</span>;
  return null;
}

/** Why the card sits where it does in "Most promising first": its score and strongest reason. */
function CardScore({ card }: { card: PersonCard }) {
  if (card.score === null || card.score === undefined) return null;
  const reason = card.signals?.[0]?.detail;
  const text = `Score ${Math.round(card.score)}${reason ? ` · ${reason}` : ''}`;
  return (
    <p className="card-score" data-testid="card-score" title={text}>
      {text}
    </p>
  );
}

export const BoardCard = memo(function BoardCard({ card, accountId, tabbable, deferAvatar }: BoardCardProps) {
  const byScore = useBoardStore((s) => s.sort === 'score');
  const element = useRef<HTMLDivElement | null>(null);
  const moveButton = useRef<HTMLButtonElement | null>(null);
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  const [dragging, setDragging] = useState(false);
  const focusSeq = useBoardStore((s) => (s.focusTarget?.personId === card.personId ? s.focusTarget.seq : 0));

  useEffect(() => {
    if (focusSeq > 0) element.current?.focus({ preventScroll: false });
  }, [focusSeq]);

  const { personId, stage } = card;
  useEffect(() => {
    const el = element.current;
    if (!el) return undefined;
    return draggable({
      element: el,
      getInitialData: () => cardDragData(personId, stage),
      onDragStart: () => setDragging(true),
      onDrop: () => setDragging(false),
    });
  }, [personId, stage]);

  const openDrawer = () => void useDrawerStore.getState().open(accountId, card.personId, card.displayName);
  const closeMenu = useCallback(() => {
    setMenuAnchor(null);
    element.current?.focus();
  }, []);
  const pickStage = (to: Stage) => {
    setMenuAnchor(null);
    void decide(accountId, card, card.stage, to, { focusNext: true });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== element.current) return;
    const opensMenu = event.key === 'm' || event.key === 'M' || event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey);
    if (opensMenu) {
      event.preventDefault();
      setMenuAnchor(element.current);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      openDrawer();
    } else if (event.key in ARROWS) {
      const direction = ARROWS[event.key];
      if (direction && focusCardBeside(card.personId, card.stage, direction)) event.preventDefault();
    }
  };

  return (
    <div
      ref={element}
      className={dragging ? 'card is-dragging' : 'card'}
      data-testid="card"
      data-person-id={card.personId}
      data-stage={card.stage}
      role="article"
      tabIndex={tabbable ? 0 : -1}
      aria-label={cardLabel(card)}
      aria-keyshortcuts="Enter m"
      onKeyDown={onKeyDown}
      onClick={openDrawer}
      onContextMenu={(event) => {
        event.preventDefault();
        setMenuAnchor(element.current);
      }}
    >
      <div className="card-avatar">
        <Avatar avatarUrl={card.avatarUrl} displayName={card.displayName} handle={card.handle} size={40} deferred={deferAvatar} />
        <RelationshipBadge followsMe={card.followsMe} iFollow={card.iFollow} />
      </div>
      <div className="card-body">
        <div className="card-head">
          <RemoteName name={card.displayName} className="card-name" />
        </div>
        <RemoteText text={formatHandle(card.handle)} className="card-handle" />
        {card.bioSnippet ? (
          <p className="card-bio">
            <RemoteText text={card.bioSnippet} />
          </p>
        ) : (
          <p className="card-bio card-bio-empty">No bio</p>
        )}
        <EngagementChip engagement={card.engagement} />
        <CardSignals card={card} />
        {byScore ? <CardScore card={card} /> : null}
        <div className="card-stats">
          <span>
            <strong>{formatCompact(card.followersCount)}</strong> followers
          </span>
          <span>
            <strong>{formatCompact(card.followingCount)}</strong> following
          </span>
        </div>
        <CardStatus card={card} accountId={accountId} />
      </div>
      <button
        ref={moveButton}
        type="button"
        className="icon-button card-move"
        aria-label={`Move ${card.displayName} to…`}
        aria-haspopup="menu"
        aria-expanded={menuAnchor !== null}
        // Not a tab stop of its own: one per column; `m` on the card opens the same menu.
        tabIndex={-1}
        onClick={(event) => {
          event.stopPropagation();
          setMenuAnchor(moveButton.current);
        }}
        onKeyDown={(event) => event.stopPropagation()}
      >
        <MoreHorizontal size={16} aria-hidden="true" />
      </button>
      {menuAnchor ? (
        <MoveMenu displayName={card.displayName} current={card.stage} anchor={menuAnchor} onPick={pickStage} onClose={closeMenu} />
      ) : null}
    </div>
  );
});
