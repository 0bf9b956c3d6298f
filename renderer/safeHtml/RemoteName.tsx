// A remote display name (or profile field name): plain text in which `:shortcode:` stands for a
// custom emoji. Text stays text (React escapes it); known emoji become <img> of the local cache.
// Shown through displayText (no direction controls, no mark stacks), isolated from what surrounds
// it (dir="auto" here, unicode-bidi: isolate and wrapping in safeHtml.css).
import { useMemo } from 'react';
import type { CustomEmoji } from '../../shared/domain';
import { cachedEmojiMap, splitShortcodes } from './emojiShortcodes';
import { displayText } from './remoteDisplayText';

interface RemoteNameProps {
  name: string;
  emojis?: CustomEmoji[];
  className?: string;
}

export function RemoteName({ name, emojis, className }: RemoteNameProps) {
  const tokens = useMemo(() => splitShortcodes(displayText(name), cachedEmojiMap(emojis)), [name, emojis]);
  return (
    <span className={className ? `remote-name ${className}` : 'remote-name'} dir="auto">
      {tokens.map((token, i) =>
        token.kind === 'text' ? (
          token.text
        ) : (
          <img
            key={i}
            className="custom-emoji"
            src={token.src}
            alt={`:${token.shortcode}:`}
            title={`:${token.shortcode}:`}
            draggable={false}
          />
        ),
      )}
    </span>
  );
}
