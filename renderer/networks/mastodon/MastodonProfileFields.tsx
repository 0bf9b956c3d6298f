// A Mastodon profile's fields (name → value, values are sanitized HTML, with their verified mark).
import type { PersonProfile } from '../../../shared/domain';
import { plainTextOf } from '../../profile/plainText';
import { RemoteHtml, RemoteName } from '../../safeHtml/RemoteHtml';

export function MastodonProfileFields({ profile }: { profile: PersonProfile }) {
  if (!profile.fields || profile.fields.length === 0) return null;
  return (
    <dl className="profile-fields">
      {profile.fields.map((field) => (
        <div key={field.name}>
          <dt>
            <RemoteName name={field.name} emojis={profile.emojis} />
          </dt>
          <dd>
            <RemoteHtml html={field.valueHtml} text={plainTextOf(field.valueHtml)} emojis={profile.emojis} />
            {field.verifiedAt ? <span className="field-verified"> · verified</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
