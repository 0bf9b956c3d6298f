// The person's numbers and dates: followers, following and their ratio, posts, account age,
// posting rate and last post (from cached posts), when they followed me.
import type { PersonProfile } from '../../shared/domain';
import { formatGrouped } from '../format/numberFormat';
import { formatFullDate, formatMonthYear, formatRelative } from '../format/dateFormat';
import { ACTIVITY_WEEKS, accountAge, followRatio, postingActivity } from './profileFacts';

export function ProfileNumbers({ profile, now }: { profile: PersonProfile; now: Date }) {
  const ratio = followRatio(profile.followersCount, profile.followingCount);
  const age = accountAge(profile.joinedAt, now);
  const activity = postingActivity(profile, now);
  return (
    <>
      <dl className="drawer-stats profile-stats">
        <div>
          <dt>Followers</dt>
          <dd>{formatGrouped(profile.followersCount)}</dd>
        </div>
        <div>
          <dt>Following</dt>
          <dd>{formatGrouped(profile.followingCount)}</dd>
        </div>
        <div>
          <dt title="Followers per account followed">Ratio</dt>
          <dd>{ratio ?? '–'}</dd>
        </div>
        <div>
          <dt>Posts</dt>
          <dd>{formatGrouped(profile.postsCount)}</dd>
        </div>
      </dl>
      <ul className="drawer-facts">
        {profile.joinedAt ? (
          <li>
            Joined {formatMonthYear(profile.joinedAt)}
            {age ? ` · ${age} ago` : ''}
          </li>
        ) : null}
        {activity ? (
          <li title={`Averaged over the last ${ACTIVITY_WEEKS} weeks of cached posts`}>
            {activity.perWeek} posts a week
            {activity.lastPostAt ? (
              <>
                {' · last post '}
                <time dateTime={activity.lastPostAt} title={formatFullDate(activity.lastPostAt)}>
                  {formatRelative(activity.lastPostAt, now.getTime())}
                </time>
              </>
            ) : null}
          </li>
        ) : null}
        {profile.followedMeAt ? <li>Followed you {formatRelative(profile.followedMeAt, now.getTime())}</li> : null}
        {profile.lastMessageAt ? <li>You wrote {formatRelative(profile.lastMessageAt, now.getTime())}</li> : null}
        <li>Profile cached {formatRelative(profile.fetchedAt, now.getTime())}</li>
      </ul>
    </>
  );
}
