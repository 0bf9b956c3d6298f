// The profile of one person, from the local cache only: who they are, their numbers, and their
// recent posts. Every remote string is rendered as text.
import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { Repeat2, MessageCircle, X } from 'lucide-react';
import type { PersonProfile } from '../../shared/domain';
import { STAGE_LABELS } from '../../shared/domain';
import { useDrawerStore } from '../stores/drawerStore';
import { Avatar } from '../people/Avatar';
import { formatHandle } from '../people/personIdentity';
import { formatGrouped } from '../format/numberFormat';
import { formatFullDate, formatMonthYear, formatRelative } from '../format/dateFormat';
import { useFocusTrap } from './useFocusTrap';
import { ProfileActions } from '../compose/ProfileActions';
import { RemoteHtml } from '../safeHtml/RemoteHtml';

export function ProfileDrawer() {
  const personId = useDrawerStore((s) => s.personId);
  if (personId === null) return null;
  return <OpenDrawer key={personId} personId={personId} />;
}

function OpenDrawer({ personId }: { personId: number }) {
  const displayName = useDrawerStore((s) => s.displayName);
  const profile = useDrawerStore((s) => s.profile);
  const error = useDrawerStore((s) => s.error);
  const close = useDrawerStore((s) => s.close);
  const accountId = useDrawerStore((s) => s.accountId);
  const panel = useRef<HTMLDivElement | null>(null);
  const closeButton = useRef<HTMLButtonElement | null>(null);
  useFocusTrap(panel, closeButton, () => document.querySelector<HTMLElement>(`[data-testid="card"][data-person-id="${personId}"]`));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  };

  return (
    <div className="drawer-layer">
      <div className="drawer-scrim" onClick={close} aria-hidden="true" />
      <div ref={panel} className="drawer" role="dialog" aria-modal="true" aria-label={`Profile of ${displayName}`} onKeyDown={onKeyDown}>
        <div className="drawer-toolbar">
          <button ref={closeButton} type="button" className="icon-button" aria-label="Close profile" onClick={close}>
            <X size={18} aria-hidden="true" />
          </button>
        </div>
        {profile ? (
          <ProfileBody profile={profile} accountId={accountId} />
        ) : error ? (
          <p className="drawer-message" role="alert">
            {error}
          </p>
        ) : (
          <p className="drawer-message">Loading profile…</p>
        )}
      </div>
    </div>
  );
}

function ProfileBody({ profile, accountId }: { profile: PersonProfile; accountId: number | null }) {
  const relationship = profile.followsMe && profile.iFollow ? 'You follow each other' : profile.followsMe ? 'Follows you' : profile.iFollow ? 'You follow them' : null;
  return (
    <div className="drawer-body">
      <div className="drawer-identity">
        <Avatar avatarUrl={profile.avatarUrl} displayName={profile.displayName} handle={profile.handle} size={72} />
        <div>
          <h2 className="drawer-name" dir="auto">{profile.displayName}</h2>
          <div className="drawer-handle">{formatHandle(profile.handle)}</div>
          <div className="drawer-tags">
            <span className={`stage-chip stage-${profile.stage}`}>{STAGE_LABELS[profile.stage]}</span>
            {relationship ? <span className="badge">{relationship}</span> : null}
          </div>
        </div>
      </div>

      <p className="drawer-bio" data-testid="drawer-bio" dir="auto">
        {profile.bio ? <RemoteHtml html={profile.bioHtml} text={profile.bio} emojis={profile.emojis} /> : <span className="muted">No bio.</span>}
      </p>

      <dl className="drawer-stats">
        <div>
          <dt>Followers</dt>
          <dd>{formatGrouped(profile.followersCount)}</dd>
        </div>
        <div>
          <dt>Following</dt>
          <dd>{formatGrouped(profile.followingCount)}</dd>
        </div>
        <div>
          <dt>Posts</dt>
          <dd>{formatGrouped(profile.postsCount)}</dd>
        </div>
      </dl>

      <ul className="drawer-facts">
        {profile.joinedAt ? <li>Joined {formatMonthYear(profile.joinedAt)}</li> : null}
        {profile.followedMeAt ? <li>Followed you {formatRelative(profile.followedMeAt)}</li> : null}
        <li>Profile cached {formatRelative(profile.fetchedAt)}</li>
      </ul>

      {accountId !== null ? <ProfileActions profile={profile} accountId={accountId} /> : null}

      <h3 className="drawer-section-title">Recent posts</h3>
      {profile.recentPosts.length === 0 ? <p className="muted">No posts cached.</p> : null}
      <ol className="drawer-posts" data-testid="drawer-posts">
        {profile.recentPosts.map((post) => (
          <li key={post.id} className="drawer-post" data-testid="drawer-post">
            <div className="drawer-post-meta">
              {post.isRepost ? <Repeat2 size={14} aria-label="Repost" /> : null}
              {post.isReply ? <MessageCircle size={14} aria-label="Reply" /> : null}
              <time dateTime={post.createdAt} title={formatFullDate(post.createdAt)}>
                {formatRelative(post.createdAt)}
              </time>
            </div>
            <p className="drawer-post-text" dir="auto">
              <RemoteHtml html={post.html} text={post.text} emojis={profile.emojis} />
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
