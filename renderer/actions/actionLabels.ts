// Words for outbox actions, shared by the card status and the composer's history.
import type { ActionKind, ActionStatus } from '../../shared/domain';

/** The noun in "Retry <kind> for <name>". */
export const ACTION_NOUNS: Record<ActionKind, string> = {
  follow: 'follow',
  unfollow: 'unfollow',
  dm: 'message',
  note: 'note',
};

const STATUS_TEXT: Record<ActionKind, Record<ActionStatus, string>> = {
  follow: { queued: 'Follow queued', sending: 'Following…', done: 'Followed', failed: 'Follow failed', opened: 'Follow opened' },
  unfollow: { queued: 'Unfollow queued', sending: 'Unfollowing…', done: 'Unfollowed', failed: 'Unfollow failed', opened: 'Unfollow opened' },
  dm: { queued: 'Message queued', sending: 'Sending message…', done: 'Message sent', failed: 'Message failed', opened: 'Message opened' },
  note: { queued: 'Note queued', sending: 'Saving note…', done: 'Note saved', failed: 'Note failed', opened: 'Note opened' },
};

export function actionStatusText(kind: ActionKind, status: ActionStatus): string {
  return STATUS_TEXT[kind][status];
}

/** "3 d ago", "5 h ago", "just now": short enough for a card's corner. */
export function shortAgo(iso: string, now: number = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const minutes = Math.max(0, Math.floor((now - at) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 365) return `${days} d ago`;
  return `${Math.floor(days / 365)} y ago`;
}
