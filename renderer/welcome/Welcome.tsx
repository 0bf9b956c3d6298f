// First run: no accounts yet. One calm choice.
import { ArrowRight, Sparkles } from 'lucide-react';
import { STAGE_LABELS } from '../../shared/domain';
import { useAccountsStore } from '../stores/accountsStore';

export function Welcome() {
  const creating = useAccountsStore((s) => s.creating);
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
        <button type="button" className="button button-primary button-large" disabled={creating} onClick={() => void useAccountsStore.getState().addSample()}>
          <Sparkles size={16} aria-hidden="true" />
          Explore with sample data
        </button>
        <p className="welcome-note">{creating ? 'Creating the sample account…' : 'Connecting Bluesky, Mastodon, X and GitHub comes in a later version.'}</p>
      </div>
    </main>
  );
}
