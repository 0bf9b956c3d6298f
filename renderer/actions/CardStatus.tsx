// The state of a card's latest network action (queued, sending, done, failed + retry) and of the
// relationship itself (gone, unfollowed you, requested), plus when I last wrote to them. Sits in
// the card's bottom corner at a fixed size, so a status appearing never moves the card's text.
// An action opened on the network's own page (X) waits for the person: "Opened on X — mark done".
import { AlertTriangle, Check, Clock, ExternalLink, Hourglass, Loader2, RotateCcw, UserMinus, UserX } from 'lucide-react';
import type { ReactNode } from 'react';
import type { PersonCard } from '../../shared/domain';
import { useActionsStore } from '../stores/actionsStore';
import { useAccountsStore } from '../stores/accountsStore';
import { uiOf } from '../networks/registry';
import { ACTION_NOUNS, actionStatusText, shortAgo } from './actionLabels';
import { formatFullDate } from '../format/dateFormat';
import { goneStatusText, goneStatusTitle, movedToHandle } from './goneStatusLabel';

export type CardStatusKind = 'queued' | 'sending' | 'done' | 'failed' | 'opened' | 'requested' | 'gone' | 'unfollowed';

/**
 * One status per card, the one that needs the user most: an action in flight or failed, then a
 * just-finished action, then what the relationship says.
 */
export function cardStatusOf(card: PersonCard, justChanged: Record<number, number>): CardStatusKind | null {
  const action = card.action;
  if (action && action.status !== 'done') return action.status;
  if (action && justChanged[action.id] !== undefined) return 'done';
  if (card.followRequested) return 'requested';
  if (card.goneAt) return 'gone';
  if (!card.followsMe && card.followedMeAt) return 'unfollowed';
  return null;
}

function StatusPill({ status, title, icon, children }: { status: CardStatusKind; title?: string; icon: ReactNode; children: ReactNode }) {
  return (
    <span className={`card-status card-status-${status}`} data-testid="card-status" data-status={status} title={title}>
      {icon}
      <span>{children}</span>
    </span>
  );
}

function StatusOf({ card, accountId, status }: { card: PersonCard; accountId: number; status: CardStatusKind }) {
  const action = card.action;
  switch (status) {
    case 'queued':
      return action ? <StatusPill status={status} icon={<Clock size={12} aria-hidden="true" />}>{actionStatusText(action.kind, 'queued')}</StatusPill> : null;
    case 'sending':
      return action ? <StatusPill status={status} icon={<Loader2 size={12} className="spin" aria-hidden="true" />}>{actionStatusText(action.kind, 'sending')}</StatusPill> : null;
    case 'done':
      return action ? <StatusPill status={status} icon={<Check size={12} aria-hidden="true" />}>{actionStatusText(action.kind, 'done')}</StatusPill> : null;
    case 'failed':
      return action ? <FailedStatus card={card} accountId={accountId} /> : null;
    case 'opened':
      return action ? <OpenedStatus card={card} accountId={accountId} /> : null;
    case 'requested':
      return <StatusPill status={status} title="Waiting for them to approve your follow request" icon={<Hourglass size={12} aria-hidden="true" />}>Requested</StatusPill>;
    case 'gone': {
      const movedTo = movedToHandle(card);
      return (
        <StatusPill status={status} title={goneStatusTitle(card)} icon={<UserX size={12} aria-hidden="true" />}>
          {goneStatusText(card)}
          {movedTo ? (
            <>
              {' to '}
              <bdi>{movedTo}</bdi>
            </>
          ) : null}
        </StatusPill>
      );
    }
    case 'unfollowed':
      return <StatusPill status={status} icon={<UserMinus size={12} aria-hidden="true" />}>Unfollowed you</StatusPill>;
  }
}

/** The network's name as its pages are called ("X"), for the account on the board. */
function useSiteName(accountId: number): string {
  const network = useAccountsStore((s) => s.accounts.find((a) => a.id === accountId)?.network);
  if (!network) return 'the network';
  const ui = uiOf(network);
  return ui.siteName ?? ui.label;
}

/** Marks the card's opened action done (the card button and the board's `y` key). */
export function markOpenedDone(card: PersonCard, accountId: number): boolean {
  const action = card.action;
  if (!action || action.status !== 'opened') return false;
  void useActionsStore.getState().markDone(action.id, accountId, card.personId);
  return true;
}

function OpenedStatus({ card, accountId }: { card: PersonCard; accountId: number }) {
  const action = card.action;
  const site = useSiteName(accountId);
  if (!action) return null;
  return (
    <StatusPill status="opened" title={`${actionStatusText(action.kind, 'opened')} on ${site}: once you did it there, mark it done (y)`} icon={<ExternalLink size={12} aria-hidden="true" />}>
      Opened on {site} —{' '}
      <button
        type="button"
        className="card-status-retry card-status-mark-done"
        aria-label={`Mark ${ACTION_NOUNS[action.kind]} for ${card.displayName} done on ${site}`}
        aria-keyshortcuts="y"
        onClick={(event) => {
          event.stopPropagation();
          markOpenedDone(card, accountId);
        }}
        onKeyDown={(event) => event.stopPropagation()}
      >
        mark done
      </button>
    </StatusPill>
  );
}

function FailedStatus({ card, accountId }: { card: PersonCard; accountId: number }) {
  const action = card.action;
  if (!action) return null;
  const reason = action.error?.message ?? 'The network did not take it.';
  const retry = () => void useActionsStore.getState().retry(action.id, accountId, card.personId);
  return (
    <StatusPill status="failed" title={reason} icon={<AlertTriangle size={12} aria-hidden="true" />}>
      {actionStatusText(action.kind, 'failed')}
      <button
        type="button"
        className="card-status-retry"
        aria-label={`Retry ${ACTION_NOUNS[action.kind]} for ${card.displayName}`}
        title={reason}
        onClick={(event) => {
          event.stopPropagation();
          retry();
        }}
        onKeyDown={(event) => event.stopPropagation()}
      >
        <RotateCcw size={12} aria-hidden="true" />
      </button>
    </StatusPill>
  );
}

export function CardStatus({ card, accountId }: { card: PersonCard; accountId: number }) {
  const justChanged = useActionsStore((s) => (card.action ? s.justChanged[card.action.id] : undefined));
  const status = cardStatusOf(card, card.action && justChanged !== undefined ? { [card.action.id]: justChanged } : {});
  // With a status to show, "wrote …" gives way: the corner has room for one thing.
  const wrote = card.lastMessageAt && !status ? shortAgo(card.lastMessageAt) : '';
  if (!status && !wrote) return null;
  return (
    <div className="card-status-line">
      {wrote ? (
        <span className="card-wrote" data-testid="card-wrote" title={card.lastMessageAt ? `Last message ${formatFullDate(card.lastMessageAt)}` : undefined}>
          wrote {wrote}
        </span>
      ) : null}
      {status ? <StatusOf card={card} accountId={accountId} status={status} /> : null}
    </div>
  );
}
