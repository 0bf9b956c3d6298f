// My private note about a person: saved a moment after typing stops, and when the field is left.
// The status line says whether what is on screen is stored.
import { useEffect, useId, useRef, useState } from 'react';
import { call, toRapportError } from '../api/rapportClient';

/** Pause after the last keystroke before saving. */
export const NOTE_SAVE_DELAY_MS = 800;

interface NoteEditorProps {
  accountId: number;
  personId: number;
  initial: string;
  onSaved(note: string): void;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

export function NoteEditor({ accountId, personId, initial, onSaved }: NoteEditorProps) {
  const [text, setText] = useState(initial);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const stored = useRef(initial);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const id = useId();

  const save = async (value: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (value === stored.current) return;
    setState({ kind: 'saving' });
    try {
      const result = await call('setNote', { accountId, personId, text: value });
      stored.current = result.note;
      setState({ kind: 'saved' });
      onSaved(result.note);
    } catch (error) {
      setState({ kind: 'failed', message: toRapportError(error).message });
    }
  };

  // Leaving the profile with a pending change still stores it.
  const latest = useRef(initial);
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        if (latest.current !== stored.current) void call('setNote', { accountId, personId, text: latest.current }).catch(() => undefined);
      }
    },
    [accountId, personId],
  );

  return (
    <div className="note-editor">
      <label htmlFor={id} className="profile-section-title">
        Private note
      </label>
      <textarea
        id={id}
        className="note-input"
        rows={3}
        maxLength={10_000}
        value={text}
        placeholder="Only you see this. Searchable."
        onChange={(event) => {
          const value = event.target.value;
          latest.current = value;
          setText(value);
          setState({ kind: 'idle' });
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => void save(value), NOTE_SAVE_DELAY_MS);
        }}
        onBlur={() => void save(text)}
      />
      <p className={state.kind === 'failed' ? 'note-status is-error' : 'note-status'} role="status" data-testid="note-status">
        {state.kind === 'saving' ? 'Saving…' : state.kind === 'saved' ? 'Saved' : state.kind === 'failed' ? `Not saved: ${state.message}` : ''}
      </p>
    </div>
  );
}
