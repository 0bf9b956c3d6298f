// A plain remote string (handle, bio line, quoted phrase, a summary that quotes someone) shown as
// text: through displayText, in its own direction-isolated, wrap-anywhere span (safeHtml.css).
// Names with custom emoji use RemoteName, remote HTML uses RemoteHtml.
import { displayText } from './remoteDisplayText';

interface RemoteTextProps {
  text: string;
  className?: string;
}

export function RemoteText({ text, className }: RemoteTextProps) {
  return (
    <span className={className ? `remote-plain ${className}` : 'remote-plain'} dir="auto">
      {displayText(text)}
    </span>
  );
}
