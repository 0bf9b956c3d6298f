// What a GitHub profile adds below the bio: company, location, website, X username, public email,
// public repositories and linked social accounts; then, since GitHub has no messages, a place to
// write a personal note that is copied and taken to where they can be reached.
import type { PersonProfile } from '../../../shared/domain';
import { githubDetails } from './githubProfileDetails';
import { GithubWriteElsewhere } from './GithubWriteElsewhere';

export function GithubProfileExtras({ profile }: { profile: PersonProfile }) {
  const details = githubDetails(profile);
  return (
    <>
      {details.length > 0 ? (
        <dl className="profile-fields" data-testid="github-details">
          {details.map((detail) => (
            <div key={`${detail.label}:${detail.text}`}>
              <dt>{detail.label}</dt>
              <dd>
                {detail.href ? (
                  <a href={detail.href} target="_blank" rel="noopener noreferrer nofollow">
                    {detail.text}
                  </a>
                ) : (
                  detail.text
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <GithubWriteElsewhere profile={profile} />
    </>
  );
}
