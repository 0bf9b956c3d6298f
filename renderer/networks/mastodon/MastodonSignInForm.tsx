// Signing in to a Mastodon server, under the "Mastodon" tab of the Add account dialog. Core
// registers Rapport with the server and prepares the request; the server's own sign-in page opens
// in the system browser, and core either hears back on a loopback redirect (we wait) or the
// server shows a code the user pastes here. Rapport never sees the password.
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { Account } from '../../../shared/domain';
import type { PendingSignIn } from '../../../shared/api/signInContract';
import { call, toRapportError } from '../../api/rapportClient';
import { CancelSaveButtons } from '../../dialogs/CancelSaveButtons';
import { FormError } from '../../dialogs/FormError';
import type { SignInFormProps } from '../networkUi';
import './mastodonSignIn.css';

type Phase =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'waiting'; start: PendingSignIn; showCode: boolean }
  | { kind: 'finishing'; start: PendingSignIn };

export function MastodonSignInForm({ onSignedIn, onCancel }: SignInFormProps) {
  const [instance, setInstance] = useState('');
  const [noteSync, setNoteSync] = useState(false);
  const [code, setCode] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  /** The sign-in in progress, so a late answer of an abandoned one is ignored and unmount cancels it. */
  const active = useRef<string | null>(null);
  /** The sign-in a code was pasted for: its wait for the browser no longer speaks for it. */
  const codeSent = useRef<string | null>(null);
  const linkRef = useRef<HTMLAnchorElement | null>(null);
  const codeRef = useRef<HTMLInputElement | null>(null);
  const ids = useId();

  const mounted = useRef(true);
  /** Sign-ins the user called off with Cancel: a late success of theirs is not announced. */
  const cancelledByUser = useRef(new Set<string>());

  useEffect(() => {
    mounted.current = true;
    return () => {
      // Unmounted mid-way: free the server-side wait and the loopback port. If core had already
      // been granted access, its answer still arrives and the new account is still handed on.
      mounted.current = false;
      const signInId = active.current;
      if (signInId) void call('cancelSignIn', { signInId }).catch(() => undefined);
    };
  }, []);

  const waitingStart = phase.kind === 'waiting' ? phase.start : null;
  const showCode = phase.kind === 'waiting' && phase.showCode;
  useEffect(() => {
    if (showCode) codeRef.current?.focus();
    else if (waitingStart) linkRef.current?.focus();
  }, [waitingStart, showCode]);

  const finished = (signInId: string, account: Account) => {
    if (cancelledByUser.current.has(signInId)) return;
    if (mounted.current && active.current !== signInId) return;
    active.current = null;
    onSignedIn(account);
  };

  const codeFailed = (signInId: string, start: PendingSignIn, reason: unknown) => {
    if (!mounted.current || active.current !== signInId) return;
    const error = toRapportError(reason);
    setError(error.message);
    if (error.code === 'INVALID_INPUT') {
      // Core refused the code before spending the sign-in: the user can paste it again.
      setPhase({ kind: 'waiting', start, showCode: true });
      return;
    }
    // An exchange was attempted: this sign-in is spent, a new one starts from the form.
    active.current = null;
    setPhase({ kind: 'idle' });
  };

  /** Loopback: one long call that answers when the browser comes back to core. */
  const waitForBrowser = (start: PendingSignIn) => {
    call('finishSignIn', { signInId: start.signInId }).then(
      (account) => finished(start.signInId, account),
      (reason: unknown) => {
        // A pasted code ends this wait in core; its own answer tells how the sign-in went.
        if (!mounted.current || active.current !== start.signInId || codeSent.current === start.signInId) return;
        // The sign-in cannot continue (timed out, refused in the browser…): start over.
        active.current = null;
        setError(toRapportError(reason).message);
        setPhase({ kind: 'idle' });
      },
    );
  };

  const begin = async (event: FormEvent) => {
    event.preventDefault();
    if (phase.kind !== 'idle') return;
    const typed = instance.trim();
    if (typed === '') {
      setError('Type your Mastodon server, for example mastodon.social or @you@mastodon.social.');
      return;
    }
    setError(null);
    setPhase({ kind: 'starting' });
    let start: PendingSignIn;
    try {
      const answer = await call('beginSignIn', { network: 'mastodon', instance: typed, noteSync });
      if (answer.status === 'signedIn') {
        onSignedIn(answer.account);
        return;
      }
      start = answer;
    } catch (reason) {
      setError(toRapportError(reason).message);
      setPhase({ kind: 'idle' });
      return;
    }
    if (!mounted.current) {
      // The dialog went away while core prepared the sign-in: nobody will finish it.
      void call('cancelSignIn', { signInId: start.signInId }).catch(() => undefined);
      return;
    }
    active.current = start.signInId;
    setCode('');
    setPhase({ kind: 'waiting', start, showCode: start.redirect === 'oob' });
    // Main hands this to the system browser (openExternal, hosts on the allow-list).
    window.open(start.authorizeUrl, '_blank', 'noopener,noreferrer');
    if (start.redirect === 'loopback') waitForBrowser(start);
  };

  const finishWithCode = async (event: FormEvent) => {
    event.preventDefault();
    if (phase.kind !== 'waiting') return;
    const { start } = phase;
    const pasted = code.trim();
    if (pasted === '') {
      setError('Paste the code your Mastodon server showed after you signed in.');
      return;
    }
    setError(null);
    setPhase({ kind: 'finishing', start });
    codeSent.current = start.signInId;
    try {
      finished(start.signInId, await call('finishSignIn', { signInId: start.signInId, code: pasted }));
    } catch (reason) {
      codeFailed(start.signInId, start, reason);
    }
  };

  const cancel = () => {
    const signInId = active.current;
    active.current = null;
    if (signInId) {
      cancelledByUser.current.add(signInId);
      void call('cancelSignIn', { signInId }).catch(() => undefined);
    }
    onCancel();
  };

  const alert = <FormError message={error} />;

  if (phase.kind === 'idle' || phase.kind === 'starting') {
    const starting = phase.kind === 'starting';
    return (
      <form className="sign-in-form mastodon-form" onSubmit={(e) => void begin(e)} aria-busy={starting} noValidate>
        <label className="field" htmlFor={`${ids}-instance`}>
          <span className="field-label">Instance</span>
          <input
            id={`${ids}-instance`}
            className="input"
            name="instance"
            type="text"
            inputMode="url"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            placeholder="mastodon.social or @you@mastodon.social"
            aria-describedby={`${ids}-instance-hint`}
            value={instance}
            disabled={starting}
            onChange={(e) => setInstance(e.target.value)}
          />
        </label>
        <p className="field-help" id={`${ids}-instance-hint`}>
          Your server&apos;s sign-in page opens in your browser. Rapport never sees your password.
        </p>
        <label className="form-check">
          <input type="checkbox" checked={noteSync} disabled={starting} onChange={(e) => setNoteSync(e.target.checked)} />
          <span>Mirror my notes to Mastodon</span>
        </label>
        <p className="field-help">Copies your Rapport notes to Mastodon&apos;s private notes on each account (only you see them).</p>
        {alert}
        <CancelSaveButtons
          className="dialog-actions"
          busy={starting}
          onCancel={cancel}
          submitLabel={starting ? 'Contacting the server…' : 'Continue in browser'}
        />
      </form>
    );
  }

  const { start } = phase;
  const host = hostOf(start.instanceUrl ?? start.authorizeUrl);
  const finishing = phase.kind === 'finishing';
  return (
    <div className="sign-in-form mastodon-form" aria-busy={finishing}>
      <p className="field-help">
        Sign in to {host} in your browser and allow Rapport. If the page did not open, open it here:
      </p>
      <a
        ref={linkRef}
        className="mastodon-authorize-url"
        data-testid="mastodon-authorize-url"
        href={start.authorizeUrl}
        target="_blank"
        rel="noopener noreferrer"
        title={start.authorizeUrl}
      >
        {start.authorizeUrl}
      </a>
      {start.redirect === 'loopback' && !finishing ? (
        <p className="mastodon-form-status" role="status">
          <span className="mastodon-form-spinner" aria-hidden="true" />
          Waiting for the browser…
        </p>
      ) : null}
      {phase.kind === 'waiting' && !phase.showCode ? (
        <button type="button" className="button button-quiet mastodon-form-paste" onClick={() => setPhase({ ...phase, showCode: true })}>
          Paste a code instead
        </button>
      ) : null}
      {showCode || finishing ? (
        <form className="mastodon-form-code" onSubmit={(e) => void finishWithCode(e)} noValidate>
          <label className="field" htmlFor={`${ids}-code`}>
            <span className="field-label">Code from the server</span>
            <input
              ref={codeRef}
              id={`${ids}-code`}
              className="input"
              name="code"
              type="text"
              autoComplete="one-time-code"
              autoCapitalize="off"
              spellCheck={false}
              value={code}
              disabled={finishing}
              onChange={(e) => setCode(e.target.value)}
            />
          </label>
          {alert}
          <CancelSaveButtons className="dialog-actions" busy={finishing} onCancel={cancel} submitLabel={finishing ? 'Signing in…' : 'Finish'} />
        </form>
      ) : (
        <>
          {alert}
          <div className="dialog-actions">
            <button type="button" className="button button-quiet" onClick={cancel}>
              Cancel
            </button>
          </div>
        </>
      )}
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
