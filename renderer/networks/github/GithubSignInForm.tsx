// Signing in to GitHub with a personal access token, and optionally a GitHub Enterprise Server
// address. The token lives only in this form's state while it is open; core checks it (who it
// signs in as, whether it may follow) before storing anything, and keeps it sealed.
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { GITHUB_TOKEN_PERMISSIONS } from '../../../shared/api/networks/github';
import { rapportClient, toRapportError } from '../../api/rapportClient';
import { FormError } from '../../dialogs/FormError';
import type { SignInFormProps } from '../networkUi';

/** What is wrong with the form before anything is sent, as one sentence; null when it may go. */
export function githubFormProblem(token: string, enterpriseUrl: string): string | null {
  if (token.trim() === '') return 'Paste a personal access token (it starts with ghp_ or github_pat_).';
  if (/\s/.test(token.trim())) return 'A token has no spaces. Copy it again from GitHub.';
  const address = enterpriseUrl.trim();
  if (address !== '' && /\s/.test(address)) return 'The GitHub Enterprise address is a web address like https://github.example.com.';
  return null;
}

export function GithubSignInForm({ onSignedIn, onCancel }: SignInFormProps) {
  const [token, setToken] = useState('');
  const [enterpriseUrl, setEnterpriseUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const helpId = useId();
  const ids = { token: useId(), server: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problem = githubFormProblem(token, enterpriseUrl);
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      const address = enterpriseUrl.trim();
      const account = await rapportClient.signInAtOnce(
        address ? { network: 'github', token: token.trim(), enterpriseUrl: address } : { network: 'github', token: token.trim() },
      );
      setToken('');
      onSignedIn(account);
    } catch (failure) {
      setError(toRapportError(failure).message);
      setBusy(false);
    }
  };

  return (
    <form className="sign-in-form" onSubmit={(event) => void submit(event)} aria-busy={busy} noValidate>
      <label className="field" htmlFor={ids.token}>
        <span className="field-label">Personal access token</span>
        <input
          id={ids.token}
          className="input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="ghp_… or github_pat_…"
          aria-describedby={helpId}
          value={token}
          disabled={busy}
          onChange={(event) => setToken(event.target.value)}
        />
      </label>
      <p id={helpId} className="field-help">
        Create one on GitHub under Settings → Developer settings → Personal access tokens. {GITHUB_TOKEN_PERMISSIONS} Rapport
        reads your followers and follows or unfollows only when you ask; it keeps the token encrypted on this computer.
      </p>
      <label className="field" htmlFor={ids.server}>
        <span className="field-label">GitHub Enterprise Server (optional)</span>
        <input
          id={ids.server}
          className="input"
          type="url"
          spellCheck={false}
          placeholder="https://github.example.com"
          value={enterpriseUrl}
          disabled={busy}
          onChange={(event) => setEnterpriseUrl(event.target.value)}
        />
      </label>
      <FormError message={error} />
      <div className="dialog-actions">
        <span className="form-status" role="status">
          {busy ? 'Checking the token…' : ''}
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
