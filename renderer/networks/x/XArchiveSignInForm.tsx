// Adding an X account by importing its data archive: X's API no longer serves apps like Rapport
// for free, but every user can download their archive (on X: Settings → Your account → Download
// an archive of your data). Core reads the archive where it lies on this computer — the .zip as X
// sent it, or the folder it was unzipped into — and makes its owner the account. The archive can
// be dropped on the form or picked with "Choose the .zip…": the window only learns where the file
// lies (pathForFile), so gigabytes of archive never pass through it; typing the path still works
// (and is how an unzipped folder is given).
import { useId, useRef, useState } from 'react';
import type { DragEvent, FormEvent } from 'react';
import { pathForFile, rapportClient, toRapportError } from '../../api/rapportClient';
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
  const [dropActive, setDropActive] = useState(false);
  const helpId = useId();
  const pathId = useId();
  const picker = useRef<HTMLInputElement | null>(null);

  const importFrom = async (where: string) => {
    setBusy(true);
    try {
      const account = await rapportClient.signInAtOnce({ network: 'x', archivePath: where.trim() });
      onSignedIn(account);
    } catch (failure) {
      setError(toRapportError(failure).message);
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problem = xArchiveFormProblem(archivePath);
    setError(problem);
    if (problem) return;
    await importFrom(archivePath);
  };

  /** A dropped or picked file: its place on this computer goes in the field, then it is imported. */
  const importFile = async (file: File | undefined) => {
    if (busy || !file) return;
    setError(null);
    setBusy(true);
    let where: string | null = null;
    try {
      where = await pathForFile(file);
    } catch (failure) {
      setError(toRapportError(failure).message);
    }
    if (where === null) {
      setError((current) => current ?? 'Rapport could not find that file on this computer. Enter where it is instead.');
      setBusy(false);
      return;
    }
    setArchivePath(where);
    await importFrom(where);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDropActive(false);
    void importFile(event.dataTransfer.files[0]);
  };

  return (
    <form
      className={dropActive ? 'sign-in-form is-drop-target' : 'sign-in-form'}
      onSubmit={(event) => void submit(event)}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDropActive(true);
      }}
      onDragLeave={() => setDropActive(false)}
      onDrop={onDrop}
      aria-busy={busy}
      noValidate
    >
      <div className="field">
        <span className="field-label">Drop your X archive’s .zip here, or</span>
        <div className="dialog-actions">
          <button type="button" className="button" disabled={busy} onClick={() => picker.current?.click()}>
            Choose the .zip…
          </button>
        </div>
        <input
          ref={picker}
          type="file"
          accept=".zip,application/zip"
          aria-label="Choose your X archive"
          hidden
          onChange={(event) => {
            void importFile(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </div>
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
        On X, open Settings → Your account → Download an archive of your data. When X has sent it, drop or choose the .zip, or enter
        where it is (or the folder you unzipped it into). Rapport reads your followers, the people you follow, names from your posts and who you have
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
