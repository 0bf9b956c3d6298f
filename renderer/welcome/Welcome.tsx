// First run: no accounts yet. Sign in to a network, or look around with invented followers first.
import { ArrowRight } from 'lucide-react';
import { STAGE_LABELS } from '../../shared/domain';
import { WELCOME_UIS } from '../networks/registry';
import type { NetworkUi } from '../networks/networkUi';
import { useAccountsStore } from '../stores/accountsStore';

/** A network with a form opens it in the Add account dialog; one without signs in at once. */
function startSignIn(ui: NetworkUi): void {
  const { openAddAccount, signInWithoutForm } = useAccountsStore.getState();
  if (ui.SignInForm) openAddAccount(ui.id);
  else if (ui.signInWithoutForm) void signInWithoutForm(ui.signInWithoutForm);
}

export function Welcome() {
  const creating = useAccountsStore((s) => s.creating);
  const notes = WELCOME_UIS.flatMap((ui) => (ui.welcome?.note ? [ui.welcome.note] : []));
  const busyNote = WELCOME_UIS.find((ui) => !ui.SignInForm && ui.welcome?.busyNote)?.welcome?.busyNote ?? 'Signing in…';
  return (
    <main className="welcome">
      <div className="welcome-panel">
        <div className="welcome-flow" aria-hidden="true">
          <span className="stage-pill" data-stage="new">
            {STAGE_LABELS.new}
          </span>
          <ArrowRight size={14} />
          <span className="stage-pill" data-stage="evaluated">
            {STAGE_LABELS.evaluated}
          </span>
          <ArrowRight size={14} />
          <span className="stage-pill" data-stage="connected">
            {STAGE_LABELS.connected}
          </span>
          <span className="welcome-flow-or">or</span>
          <span className="stage-pill" data-stage="declined">
            {STAGE_LABELS.declined}
          </span>
        </div>
        <h1 className="welcome-title">Welcome to Rapport</h1>
        <p className="welcome-lead">
          Look at each new follower, follow back the people you could build ties with, write to them, and decline the
          rest deliberately. Everything stays on this computer.
        </p>
        <div className="welcome-actions">
          {WELCOME_UIS.map((ui, index) => {
            const entry = ui.welcome;
            if (!entry) return null;
            const Icon = entry.icon;
            return (
              <button
                key={ui.id}
                type="button"
                className={index === 0 ? 'button button-primary button-large' : 'button button-large'}
                disabled={creating && !ui.SignInForm}
                onClick={() => startSignIn(ui)}
              >
                <Icon size={16} aria-hidden="true" />
                {entry.label}
              </button>
            );
          })}
        </div>
        <p className="welcome-note" role="status">
          {creating ? busyNote : notes.join(' ')}
        </p>
      </div>
    </main>
  );
}
