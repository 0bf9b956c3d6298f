// Signing in to Bluesky with a handle (or email) and an app password. The password lives only in
// this form's state while it is open; it is sent once to core, which keeps the session, never it.
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { rapportClient, toRapportError } from '../../api/rapportClient';
import { FormError } from '../../dialogs/FormError';
import type { SignInFormProps } from '../networkUi';

/** What is wrong with the form before anything is sent, as one sentence; null when it may go. */
export function blueskyFormProblem(identifier: string, appPassword: string, server: string): string | null {
  if (identifier.trim().replace(/^@/u, '') === '') return 'Enter your Bluesky handle (like ada.bsky.social) or the email you sign in with.';
  if (appPassword.trim() === '') return 'Enter an app password.';
  const trimmed = server.trim();
  if (trimmed !== '') {
    let url: URL | null = null;
    try {
      url = new URL(trimmed);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return 'The server must be a web address like https://bsky.social.';
  }
  return null;
}

export function BlueskySignInForm({ onSignedIn, onCancel }: SignInFormProps) {
  const [identifier, setIdentifier] = useState('');
  const [appPassword, setAppPassword] = useState('');
  const [server, setServer] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const helpId = useId();
  const ids = { identifier: useId(), password: useId(), server: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problem = blueskyFormProblem(identifier, appPassword, server);
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      // A leading @ is how people write handles; core reads "@…" as an email otherwise.
      const handle = identifier.trim().replace(/^@/u, '');
      const serviceUrl = server.trim();
      const account = await rapportClient.signInAtOnce(
        serviceUrl ? { network: 'bluesky', identifier: handle, appPassword, serviceUrl } : { network: 'bluesky', identifier: handle, appPassword },
      );
      setAppPassword('');
      onSignedIn(account);
    } catch (failure) {
      setError(toRapportError(failure).message);
      setBusy(false);
    }
  };

  return (
    <form className="sign-in-form" onSubmit={(event) => void submit(event)} aria-busy={busy} noValidate>
      <label className="field" htmlFor={ids.identifier}>
        <span className="field-label">Handle or email</span>
        <input
          id={ids.identifier}
          className="input"
          type="text"
          autoComplete="username"
          spellCheck={false}
          placeholder="ada.bsky.social"
          value={identifier}
          disabled={busy}
          onChange={(event) => setIdentifier(event.target.value)}
        />
      </label>
      <label className="field" htmlFor={ids.password}>
        <span className="field-label">App password</span>
        <input
          id={ids.password}
          className="input"
          type="password"
          autoComplete="current-password"
          placeholder="xxxx-xxxx-xxxx-xxxx"
          aria-describedby={helpId}
          value={appPassword}
          disabled={busy}
          onChange={(event) => setAppPassword(event.target.value)}
        />
      </label>
      <p id={helpId} className="field-help">
        Not your main password: create an app password in Bluesky under Settings → Privacy and security → App passwords.
        Rapport keeps only the session it opens, encrypted on this computer.
      </p>
      <label className="field" htmlFor={ids.server}>
        <span className="field-label">Server (optional)</span>
        <input
          id={ids.server}
          className="input"
          type="url"
          spellCheck={false}
          placeholder="https://bsky.social"
          value={server}
          disabled={busy}
          onChange={(event) => setServer(event.target.value)}
        />
      </label>
      <FormError message={error} />
      <div className="dialog-actions">
        <span className="form-status" role="status">
          {busy ? 'Signing in…' : ''}
        </span>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          Sign in
        </button>
      </div>
    </form>
  );
}
