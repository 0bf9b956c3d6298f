// X's own pages for what the person does there: X's API no longer lets apps follow people and its
// rules forbid automated follow-back and DMs, so Rapport opens the page and the person clicks.
// Built from the numeric user id (stable, unlike the handle); main's allow-list admits x.com over
// https only, so these are the only shapes the window may be sent to for an action.
import type { ActionPageRequest } from '../networkModule';

const X_ORIGIN = 'https://x.com';

/** X ids are decimal numbers; anything else never reaches a URL. */
function userId(remoteId: string): string {
  if (!/^\d{1,20}$/.test(remoteId)) throw new TypeError('Not an X user id.');
  return remoteId;
}

export function xActionPage(action: ActionPageRequest): string {
  const id = userId(action.remoteId);
  if (action.kind === 'follow') {
    const url = new URL('/intent/follow', X_ORIGIN);
    url.searchParams.set('user_id', id);
    return url.href;
  }
  if (action.kind === 'dm') {
    const url = new URL('/messages/compose', X_ORIGIN);
    url.searchParams.set('recipient_id', id);
    url.searchParams.set('text', action.text ?? '');
    return url.href;
  }
  // X has no unfollow intent: the profile, where "Following" → Unfollow is one click.
  const url = new URL('/intent/user', X_ORIGIN);
  url.searchParams.set('user_id', id);
  return url.href;
}
