// Adding an X account by importing its data archive: X's API no longer serves apps like Rapport
// for free, but every user can download their archive (on X: Settings → Your account → Download
// an archive of your data). Core reads the archive where it lies on this computer — the .zip as X
// sent it, or the folder it was unzipped into — and makes its owner the account.
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { rapportClient, toRapportError } from '../../api/rapportClient';
import { FormError } from '../../dialogs/FormError';
import type { SignInFormProps } from '../networkUi';

/** What is wrong with the form before anything is sent, as one sentence; null when it may go. */
export function xArchiveFormProblem(archivePath: string): string | null {
  if (archivePath.trim() === '') return 'Enter where your X archive is: the .zip file X sent you, or the folder you unzipped it into.';
  return null;
}

export function XArchiveSignInForm({ onSignedIn, onCancel }: SignInFormProps) {
  const [archivePath, setArchivePath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const helpId = useId();
  const pathId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problem = xArchiveFormProblem(archivePath);
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      const account = await rapportClient.signInAtOnce({ network: 'x', archivePath: archivePath.trim() });
      onSignedIn(account);
    } catch (failure) {
      setError(toRapportError(failure).message);
      setBusy(false);
    }
  };

  return (
    <form className="sign-in-form" onSubmit={(event) => void submit(event)} aria-busy={busy} noValidate>
      <label className="field" htmlFor={pathId}>
        <span className="field-label">Your X archive</span>
        <input
          id={pathId}
          className="input"
          type="text"
          spellCheck={false}
          autoComplete="off"
          placeholder="/Users/you/Downloads/twitter-2026-12-01.zip"
          aria-describedby={helpId}
          value={archivePath}
          disabled={busy}
          onChange={(event) => setArchivePath(event.target.value)}
        />
      </label>
      <p id={helpId} className="field-help">
        On X, open Settings → Your account → Download an archive of your data. When X has sent it, enter where the .zip is (or the
        folder you unzipped it into). Rapport reads your followers, the people you follow, names from your posts and who you have
        written with; it never posts, follows or writes on X by itself. Import a newer archive later to see who followed or left
        in between.
      </p>
      <FormError message={error} />
      <div className="dialog-actions">
        <span className="form-status" role="status">
          {busy ? 'Reading your archive…' : ''}
        </span>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          Import archive
        </button>
      </div>
    </form>
  );
}
