// A person's picture from the local media cache, or their initials when there is none (or it fails).
import { memo, useState } from 'react';
import type { CSSProperties } from 'react';
import { displayText } from '../safeHtml/remoteDisplayText';
import { hueOf, initialsOf } from './personIdentity';

interface AvatarProps {
  avatarUrl: string | null;
  displayName: string;
  handle: string;
  size: number;
}

export const Avatar = memo(function Avatar({ avatarUrl, displayName, handle, size }: AvatarProps) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const style = { width: size, height: size, fontSize: Math.round(size * 0.38) };
  if (avatarUrl && failedUrl !== avatarUrl) {
    return (
      <img
        className="avatar"
        src={avatarUrl}
        alt=""
        width={size}
        height={size}
        style={style}
        loading="lazy"
        decoding="async"
        draggable={false}
        onError={() => setFailedUrl(avatarUrl)}
      />
    );
  }
  return (
    <span className="avatar avatar-initials" aria-hidden="true" style={{ ...style, '--avatar-hue': hueOf(handle) } as CSSProperties}>
      {initialsOf(displayText(displayName), handle)}
    </span>
  );
});
