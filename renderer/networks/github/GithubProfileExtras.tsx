// What a GitHub profile adds below the bio: company, location, website, X username, public email,
// public repositories and linked social accounts. (Writing to them is in the composer's place:
// githubUi.tsx, GithubWriteElsewhere.)
import type { PersonProfile } from '../../../shared/domain';
import { githubDetails } from './githubProfileDetails';

export function GithubProfileExtras({ profile }: { profile: PersonProfile }) {
  const details = githubDetails(profile);
  if (details.length === 0) return null;
  return (
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
  );
}
