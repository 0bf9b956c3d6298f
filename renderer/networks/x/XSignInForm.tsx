// The X tab of the Add account dialog: the archive import (works for everyone) and, beside it, "Use
// my X developer app" for people who read X through their own app. Either way the X user id
// decides the account, so an archive and the app of the same person meet on one account.
import { useState } from 'react';
import type { SignInFormProps } from '../networkUi';
import { XArchiveSignInForm } from './XArchiveSignInForm';
import { XDeveloperAppSignInForm } from './XDeveloperAppSignInForm';

export function XSignInForm(props: SignInFormProps) {
  const [way, setWay] = useState<'archive' | 'app'>('archive');
  return (
    <>
      <div className="dialog-actions" role="group" aria-label="How to add X">
        <button type="button" className={way === 'archive' ? 'button button-primary' : 'button'} aria-pressed={way === 'archive'} onClick={() => setWay('archive')}>
          Import my archive
        </button>
        <button type="button" className={way === 'app' ? 'button button-primary' : 'button'} aria-pressed={way === 'app'} onClick={() => setWay('app')}>
          Use my X developer app
        </button>
      </div>
      {way === 'archive' ? <XArchiveSignInForm {...props} /> : <XDeveloperAppSignInForm {...props} />}
    </>
  );
}
