// Quoting something they wrote (a phrase of their bio or a recent post) into the message, so it
// starts from them rather than from a formula.
import type { Snippet } from './composeText';
import { displayText } from '../safeHtml/remoteDisplayText';

const SOURCE_LABEL: Record<Snippet['source'], string> = { bio: 'Bio', post: 'Post' };

export function SnippetPicker({ snippets, onPick }: { snippets: Snippet[]; onPick(text: string): void }) {
  if (snippets.length === 0) return null;
  return (
    <select
      className="select snippet-picker"
      aria-label="Quote from their profile"
      value=""
      onChange={(event) => {
        const snippet = snippets[Number(event.target.value)];
        // What goes into my message is what I saw: no direction controls, no mark stacks.
        if (snippet) onPick(displayText(snippet.text));
      }}
    >
      <option value="">Quote from their profile…</option>
      {snippets.map((snippet, index) => (
        <option key={`${snippet.source}-${index}`} value={index}>
          {SOURCE_LABEL[snippet.source]}: {displayText(snippet.text)}
        </option>
      ))}
    </select>
  );
}
