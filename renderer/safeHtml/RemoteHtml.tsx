// Remote HTML (bios, profile field values, posts of networks that write HTML) shown safely:
// sanitized again in the renderer (see remoteHtmlSanitizer) and only that result injected. Without
// HTML (networks of plain text, sample data) the plain-text copy is rendered as text.
import { useMemo } from 'react';
import type { CustomEmoji } from '../../shared/domain';
import { displayText } from './remoteDisplayText';
import { sanitizeRemoteHtml } from './remoteHtmlSanitizer';

// Kept for the profile's files; anything on the board's first screen imports these two from their
// own files, so DOMPurify stays out of the first bundle.
export { RemoteName } from './RemoteName';
export { RemoteText } from './RemoteText';

interface RemoteHtmlProps {
  html: string | null | undefined;
  /** The plain-text copy, shown when there is no HTML or nothing of it survives sanitizing. */
  text: string;
  emojis?: CustomEmoji[];
  className?: string;
}

export function RemoteHtml({ html, text, emojis, className }: RemoteHtmlProps) {
  const safe = useMemo(() => (html ? sanitizeRemoteHtml(html, emojis) : ''), [html, emojis]);
  const classes = className ? `remote-html ${className}` : 'remote-html';
  if (safe.trim() === '') {
    return (
      <span className={`${classes} remote-text`} dir="auto">
        {displayText(text)}
      </span>
    );
  }
  // The one place remote markup is injected, and only sanitizeRemoteHtml's output.
  return <span className={classes} dir="auto" dangerouslySetInnerHTML={{ __html: safe }} />;
}
