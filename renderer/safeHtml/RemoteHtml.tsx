// Remote HTML (Mastodon bios, fields, posts) shown safely. Placeholder: shows the plain-text copy
// until the sanitizing renderer lands; never injects HTML.
import type { CustomEmoji } from '../../shared/domain';

export function RemoteHtml({ text, className }: { html: string | null | undefined; text: string; emojis?: CustomEmoji[]; className?: string }) {
  return (
    <span className={className} dir="auto">
      {text}
    </span>
  );
}
