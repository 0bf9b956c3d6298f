// A person's tags: chips with a remove button, and a field that suggests the account's existing
// tags as you type (Enter or a comma adds). Every change is stored at once through setTags.
import { useEffect, useId, useState } from 'react';
import { X } from 'lucide-react';
import { call, toRapportError } from '../api/rapportClient';

interface TagEditorProps {
  accountId: number;
  personId: number;
  tags: readonly string[];
  onSaved(tags: string[]): void;
}

const MAX_TAGS = 30;
const MAX_TAG_LENGTH = 40;

/** The contract's rule for a tag (shared/api/triageContract tagName), said as a sentence. */
function tagProblem(name: string): string | null {
  if (name === '') return 'Type a tag first.';
  if (name.length > MAX_TAG_LENGTH) return `A tag has at most ${MAX_TAG_LENGTH} characters.`;
  if (/[,\n\r\t]/.test(name)) return 'A tag cannot contain commas or line breaks.';
  return null;
}

export function TagEditor({ accountId, personId, tags, onSaved }: TagEditorProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [known, setKnown] = useState<string[]>([]);
  const inputId = useId();
  const listId = useId();

  useEffect(() => {
    let live = true;
    call('listTags', { accountId }).then(
      (all) => {
        if (live) setKnown(all.map((tag) => tag.name));
      },
      // Suggestions are a convenience: without them the field still adds tags.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [accountId]);

  const store = async (next: string[]) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await call('setTags', { accountId, personId, tags: next });
      onSaved(saved);
      setKnown((current) => [...new Set([...current, ...saved])].sort((a, b) => a.localeCompare(b)));
      return true;
    } catch (err) {
      setError(toRapportError(err).message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async () => {
    const name = draft.trim();
    const problem = tagProblem(name);
    if (problem) {
      setError(problem);
      return;
    }
    if (tags.some((tag) => tag.toLowerCase() === name.toLowerCase())) {
      setDraft('');
      return;
    }
    if (tags.length >= MAX_TAGS) {
      setError(`A person can carry at most ${MAX_TAGS} tags.`);
      return;
    }
    if (await store([...tags, name])) setDraft('');
  };

  const suggestions = known.filter((name) => !tags.some((tag) => tag.toLowerCase() === name.toLowerCase()));
  return (
    <div className="tag-editor">
      <h3 id={`${inputId}-title`} className="profile-section-title">
        Tags
      </h3>
      {tags.length > 0 ? (
        <ul className="tag-list" aria-labelledby={`${inputId}-title`}>
          {tags.map((tag) => (
            <li key={tag} className="tag-chip tag-chip-editable">
              <span dir="auto">{tag}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={`Remove tag ${tag}`}
                disabled={busy}
                onClick={() => void store(tags.filter((t) => t !== tag))}
              >
                <X size={12} aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="tag-add">
        <input
          id={inputId}
          className="tag-input"
          list={listId}
          value={draft}
          maxLength={MAX_TAG_LENGTH}
          placeholder="Add a tag"
          aria-label="Add a tag"
          aria-describedby={error ? `${inputId}-error` : undefined}
          onChange={(event) => {
            setDraft(event.target.value.replace(/,/g, ''));
            setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ',') {
              event.preventDefault();
              void add();
            }
          }}
        />
        <datalist id={listId}>
          {suggestions.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <button type="button" className="button" disabled={busy} onClick={() => void add()}>
          Add tag
        </button>
      </div>
      {error ? (
        <p id={`${inputId}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
