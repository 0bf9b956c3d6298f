// Reading X with the person's own developer app (developer.x.com): a bearer token pasted from the
// app's Keys and tokens page (read-only; with the username it reads), or OAuth 2.0 + PKCE with the
// app's client id, where X's consent page opens in the browser and comes back to this computer.
// X bills reads, so nothing is read until the person saw what the first sync reads (core's
// estimate) and pressed Sync now; an optional monthly read cap stops any sync before crossing it.
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { X_OAUTH_CALLBACK } from '../../../shared/api/networks/x';
import type { PendingSignIn } from '../../../shared/api/signInContract';
import type { SyncReadEstimate } from '../../../shared/api/syncCostContract';
import type { Account } from '../../../shared/domain';
import { call, toRapportError } from '../../api/rapportClient';
import { FormError } from '../../dialogs/FormError';
import type { SignInFormProps } from '../networkUi';

type Way = 'bearer' | 'oauth';

type Phase =
  | { kind: 'form' }
  | { kind: 'busy' }
  | { kind: 'browser'; start: PendingSignIn }
  | { kind: 'estimate'; account: Account; estimate: SyncReadEstimate | null };

/** What is wrong with the form before anything is sent, as one sentence; null when it may go. */
export function xDeveloperAppFormProblem(way: Way, fields: { token: string; username: string; clientId: string; cap: string }): string | null {
  if (way === 'bearer' && fields.token.trim() === '') return 'Paste the bearer token from your app’s Keys and tokens page on developer.x.com.';
  if (way === 'bearer' && fields.username.trim() === '') return 'Enter your X username: the bearer token reads that account’s followers.';
  if (way === 'oauth' && fields.clientId.trim() === '') return 'Paste your app’s OAuth 2.0 Client ID from its Keys and tokens page on developer.x.com.';
  if (fields.cap.trim() !== '' && !/^\d{1,10}$/.test(fields.cap.trim().replace(/[,_\s]/g, ''))) return 'The monthly read cap is a whole number of users, or empty for none.';
  return null;
}

export function XDeveloperAppSignInForm({ onSignedIn, onCancel }: SignInFormProps) {
  const [way, setWay] = useState<Way>('bearer');
  const [token, setToken] = useState('');
  const [username, setUsername] = useState('');
  const [clientId, setClientId] = useState('');
  const [cap, setCap] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);
  const waiting = useRef<string | null>(null);
  const ids = { token: useId(), username: useId(), clientId: useId(), cap: useId(), help: useId() };

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      // A sign-in still waiting for the browser is called off with the dialog.
      if (waiting.current) void call('cancelSignIn', { signInId: waiting.current }).catch(() => undefined);
    };
  }, []);

  const signedIn = async (account: Account) => {
    waiting.current = null;
    const estimate = await call('getSyncReadEstimate', { accountId: account.id }).catch(() => null);
    if (mounted.current) setPhase({ kind: 'estimate', account, estimate });
  };

  const failed = (reason: unknown) => {
    waiting.current = null;
    if (!mounted.current) return;
    setError(toRapportError(reason).message);
    setPhase({ kind: 'form' });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (phase.kind !== 'form') return;
    const problem = xDeveloperAppFormProblem(way, { token, username, clientId, cap });
    setError(problem);
    if (problem) return;
    const monthlyReadCap = cap.trim() === '' ? null : Number(cap.trim().replace(/[,_\s]/g, ''));
    setPhase({ kind: 'busy' });
    try {
      if (way === 'bearer') {
        const start = await call('beginSignIn', { network: 'x', bearerToken: token.trim(), username: username.trim(), monthlyReadCap });
        if (start.status === 'signedIn') await signedIn(start.account);
        return;
      }
      const start = await call('beginSignIn', { network: 'x', clientId: clientId.trim(), monthlyReadCap });
      if (start.status === 'signedIn') return await signedIn(start.account);
      waiting.current = start.signInId;
      setPhase({ kind: 'browser', start });
      // Main hands this to the system browser (openExternal: X's own page).
      window.open(start.authorizeUrl, '_blank', 'noopener,noreferrer');
      call('finishSignIn', { signInId: start.signInId }).then(
        (account) => void signedIn(account),
        (reason: unknown) => failed(reason),
      );
    } catch (reason) {
      failed(reason);
    }
  };

  if (phase.kind === 'estimate') {
    const { account, estimate } = phase;
    return (
      <div className="sign-in-form">
        <p role="status">Signed in to X as @{account.handle} with your developer app.</p>
        <p className="field-help">{estimate?.sentence ?? 'A sync reads your followers and following from X.'} X bills every user it returns.</p>
        <div className="dialog-actions">
          <button type="button" className="button button-quiet" onClick={() => onSignedIn(account)}>
            Not now
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              void call('startSync', { accountId: account.id }).catch(() => undefined);
              onSignedIn(account);
            }}
          >
            Sync now
          </button>
        </div>
      </div>
    );
  }

  const busy = phase.kind !== 'form';
  return (
    <form className="sign-in-form" onSubmit={(event) => void submit(event)} aria-busy={busy} noValidate>
      <fieldset className="field" disabled={busy}>
        <legend className="field-label">How your app signs in</legend>
        <label>
          <input type="radio" name="x-app-way" checked={way === 'bearer'} onChange={() => setWay('bearer')} /> Bearer token (read-only)
        </label>
        <label>
          <input type="radio" name="x-app-way" checked={way === 'oauth'} onChange={() => setWay('oauth')} /> Sign in on X (OAuth 2.0 client id)
        </label>
      </fieldset>
      {way === 'bearer' ? (
        <>
          <label className="field" htmlFor={ids.token}>
            <span className="field-label">Bearer token</span>
            <input id={ids.token} className="input" type="password" autoComplete="off" spellCheck={false} value={token} disabled={busy} aria-describedby={ids.help} onChange={(e) => setToken(e.target.value)} />
          </label>
          <label className="field" htmlFor={ids.username}>
            <span className="field-label">Your X username</span>
            <input id={ids.username} className="input" type="text" autoComplete="off" spellCheck={false} placeholder="@you" value={username} disabled={busy} onChange={(e) => setUsername(e.target.value)} />
          </label>
        </>
      ) : (
        <label className="field" htmlFor={ids.clientId}>
          <span className="field-label">OAuth 2.0 Client ID</span>
          <input id={ids.clientId} className="input" type="text" autoComplete="off" spellCheck={false} value={clientId} disabled={busy} aria-describedby={ids.help} onChange={(e) => setClientId(e.target.value)} />
        </label>
      )}
      <label className="field" htmlFor={ids.cap}>
        <span className="field-label">Monthly read cap (users, optional)</span>
        <input id={ids.cap} className="input" type="text" inputMode="numeric" autoComplete="off" placeholder="No cap" value={cap} disabled={busy} onChange={(e) => setCap(e.target.value)} />
      </label>
      <p id={ids.help} className="field-help">
        {way === 'bearer'
          ? 'From your app on developer.x.com (Keys and tokens → Bearer Token). Rapport only reads with it; it is kept encrypted on this computer.'
          : `In your app’s User authentication settings on developer.x.com, choose Native App and add the callback ${X_OAUTH_CALLBACK}; Rapport asks to read only.`}{' '}
        X bills reads: you see what a sync reads before it starts, and the cap stops any sync before crossing it.
      </p>
      <FormError message={error} />
      <div className="dialog-actions">
        <span className="form-status" role="status">
          {phase.kind === 'browser' ? 'Allow Rapport on X’s page in your browser…' : phase.kind === 'busy' ? 'Checking with X…' : ''}
        </span>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {way === 'bearer' ? 'Use my app' : 'Sign in on X'}
        </button>
      </div>
    </form>
  );
}
