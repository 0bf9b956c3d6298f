// What was sent to (or done about) one person through Rapport: their messages with their state,
// then follows and unfollows; a failed one can be retried, a waiting one cancelled.
import type { OutboxAction } from '../../shared/domain';
import { useActionsStore } from '../stores/actionsStore';
import { ACTION_NOUNS, actionStatusText } from '../actions/actionLabels';
import { formatFullDate, formatRelative } from '../format/dateFormat';
import { RemoteText } from '../safeHtml/RemoteHtml';

interface ActionHistoryProps {
  accountId: number;
  displayName: string;
  actions: OutboxAction[];
}

function ActionControls({ action, accountId, displayName }: { action: OutboxAction; accountId: number; displayName: string }) {
  const { retry, cancel } = useActionsStore.getState();
  const noun = ACTION_NOUNS[action.kind];
  if (action.status === 'failed') {
    return (
      <button type="button" className="button button-quiet button-small" aria-label={`Retry ${noun} for ${displayName}`} onClick={() => void retry(action.id, accountId, action.personId)}>
        Retry
      </button>
    );
  }
  if (action.status === 'queued') {
    return (
      <button type="button" className="button button-quiet button-small" aria-label={`Cancel ${noun} to ${displayName}`} onClick={() => void cancel(action.id, accountId, action.personId)}>
        Cancel
      </button>
    );
  }
  return null;
}

function ActionRow({ action, accountId, displayName }: { action: OutboxAction; accountId: number; displayName: string }) {
  return (
    <li className="action-row" data-status={action.status}>
      {action.text ? (
        <p className="action-text">
          <RemoteText text={action.text} />
        </p>
      ) : null}
      <div className="action-meta">
        <span className={`action-status action-status-${action.status}`}>{actionStatusText(action.kind, action.status)}</span>
        <time dateTime={action.createdAt} title={formatFullDate(action.createdAt)}>
          {formatRelative(action.createdAt)}
        </time>
        <ActionControls action={action} accountId={accountId} displayName={displayName} />
      </div>
      {action.status === 'failed' && action.error ? <p className="action-error">{action.error.message}</p> : null}
    </li>
  );
}

interface ActionSectionProps {
  label: string;
  title: string;
  testId: string;
  actions: OutboxAction[];
  accountId: number;
  displayName: string;
}

function ActionSection({ label, title, testId, actions, accountId, displayName }: ActionSectionProps) {
  if (actions.length === 0) return null;
  return (
    <section aria-label={label}>
      <h3 className="drawer-section-title">{title}</h3>
      <ul className="action-list" data-testid={testId}>
        {actions.map((action) => (
          <ActionRow key={action.id} action={action} accountId={accountId} displayName={displayName} />
        ))}
      </ul>
    </section>
  );
}

export function ActionHistory({ accountId, displayName, actions }: ActionHistoryProps) {
  const messages = actions.filter((a) => a.kind === 'dm');
  const others = actions.filter((a) => a.kind === 'follow' || a.kind === 'unfollow');
  return (
    <>
      <ActionSection label="Sent messages" title="Messages" testId="sent-messages" actions={messages} accountId={accountId} displayName={displayName} />
      <ActionSection label="Follows and unfollows" title="Follows" testId="action-history" actions={others} accountId={accountId} displayName={displayName} />
    </>
  );
}
