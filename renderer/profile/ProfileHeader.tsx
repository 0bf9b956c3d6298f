// Who the person is: banner, avatar, name, handle, stage and how we are related, and links out.
import type { PersonProfile } from '../../shared/domain';
import { STAGE_LABELS } from '../../shared/domain';
import { Avatar } from '../people/Avatar';
import { formatHandle } from '../people/personIdentity';
import { GoneBadge } from './GoneBadge';
import { RemoteName, RemoteText } from '../safeHtml/RemoteHtml';
import { customEmojiOf, uiOf } from '../networks/registry';

function relationshipOf(profile: PersonProfile): string | null {
  if (profile.followsMe && profile.iFollow) return 'You follow each other';
  if (profile.followsMe) return 'Follows you';
  if (profile.iFollow) return 'You follow them';
  return null;
}

/** Only https links leave the app; main's window-open handler checks them against its allow-list. */
export function isHttpsUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export function ProfileHeader({ profile }: { profile: PersonProfile }) {
  const relationship = relationshipOf(profile);
  const ui = uiOf(profile.network);
  const bannerUrl = ui.bannerOf?.(profile) ?? null;
  return (
    <header className="profile-header">
      {bannerUrl ? <img className="profile-banner" src={bannerUrl} alt="" draggable={false} /> : <div className="profile-banner profile-banner-empty" aria-hidden="true" />}
      <div className="profile-identity">
        <Avatar avatarUrl={profile.avatarUrl} displayName={profile.displayName} handle={profile.handle} size={72} />
        <div className="profile-names">
          <h2 className="drawer-name">
            <RemoteName name={profile.displayName} emojis={customEmojiOf(profile)} />
          </h2>
          <div className="drawer-handle">
            <RemoteText text={formatHandle(profile.handle)} />
          </div>
          <div className="drawer-tags">
            <span className={`stage-chip stage-${profile.stage}`}>{STAGE_LABELS[profile.stage]}</span>
            {relationship ? <span className="badge">{relationship}</span> : null}
            {profile.followRequested ? <span className="badge">Follow requested</span> : null}
            <GoneBadge person={profile} />
          </div>
          {isHttpsUrl(profile.profileUrl) ? (
            <a className="profile-link" href={profile.profileUrl} target="_blank" rel="noopener noreferrer">
              View on {ui.siteName ?? ui.label}
            </a>
          ) : null}
        </div>
      </div>
    </header>
  );
}
