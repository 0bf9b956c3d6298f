// A person's picture from the local media cache, or their initials when there is none (or it fails).
import { memo, useState } from 'react';
import type { CSSProperties } from 'react';
import { displayText } from '../safeHtml/remoteDisplayText';
import { hueOf, initialsOf } from './personIdentity';
import { useMountedFor } from './useMountedFor';

/**
 * How long an avatar in a virtualised list waits before its picture is requested. Measured
 * (2026-12-03, 100k board, 3 s of fast wheel-scrolling, headless Chromium on 2 cores): with every
 * row's picture requested at once the longest frame gap was 33-67 ms with up to 3 gaps over
 * 34 ms per run; waiting 150 ms brought it to 17-33 ms with none, the same as no pictures at all.
 * A fling mounts and drops rows faster than that, so their pictures are never fetched or decoded.
 * When scrolling to read, rows are mounted ahead of the edge (the lists' overscan: 680 px on the
 * board, 504 px in the people list), so the wait is over before they come into view.
 */
export const LIST_AVATAR_DELAY_MS = 150;

interface AvatarProps {
  avatarUrl: string | null;
  displayName: string;
  handle: string;
  size: number;
  /** In a virtualised list: request the picture only once the row has stayed mounted a moment. */
  deferred?: boolean;
}

export const Avatar = memo(function Avatar({ avatarUrl, displayName, handle, size, deferred = false }: AvatarProps) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const requested = useMountedFor(deferred ? LIST_AVATAR_DELAY_MS : 0);
  const style = { width: size, height: size, fontSize: Math.round(size * 0.38) };
  if (avatarUrl && failedUrl !== avatarUrl) {
    // Until it is requested the picture's place shows as it does while a picture loads.
    return (
      <img
        className="avatar"
        src={requested ? avatarUrl : undefined}
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
