// The person's recent posts from the cache, with dates; text through RemoteHtml (sanitized HTML
// where the network writes HTML, plain text otherwise).
import { useId } from 'react';
import { MessageCircle, Repeat2 } from 'lucide-react';
import type { PersonProfile } from '../../shared/domain';
import { formatFullDate, formatRelative } from '../format/dateFormat';
import { RemoteHtml } from '../safeHtml/RemoteHtml';
import { customEmojiOf } from '../networks/registry';

export function RecentPosts({ profile }: { profile: PersonProfile }) {
  const titleId = useId();
  return (
    <section className="profile-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="profile-section-title">
        Recent posts
      </h3>
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
              <span className="post-date">{formatFullDate(post.createdAt)}</span>
            </div>
            <div className="drawer-post-text">
              <RemoteHtml html={post.html} text={post.text} emojis={customEmojiOf(profile)} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
