// First run: no accounts yet. Sign in to a network, or look around with invented followers first.
import { ArrowRight, AtSign, Sparkles } from 'lucide-react';
import { STAGE_LABELS } from '../../shared/domain';
import { useAccountsStore } from '../stores/accountsStore';

export function Welcome() {
  const creating = useAccountsStore((s) => s.creating);
  const { openAddAccount } = useAccountsStore.getState();
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
          <button type="button" className="button button-primary button-large" onClick={() => openAddAccount('bluesky')}>
            <AtSign size={16} aria-hidden="true" />
            Add Bluesky account
          </button>
          <button type="button" className="button button-large" onClick={() => openAddAccount('mastodon')}>
            <AtSign size={16} aria-hidden="true" />
            Add Mastodon account
          </button>
          <button type="button" className="button button-large" disabled={creating} onClick={() => void useAccountsStore.getState().addSample()}>
            <Sparkles size={16} aria-hidden="true" />
            Explore with sample data
          </button>
        </div>
        <p className="welcome-note" role="status">
          {creating ? 'Creating the sample account…' : 'Sample data invents followers to try the board with; nothing is sent anywhere. X and GitHub come in a later version.'}
        </p>
      </div>
    </main>
  );
}
