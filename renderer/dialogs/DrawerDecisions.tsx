// The profile drawer's decision bar: Evaluated, Connected, Declined (and back to New), the same
// moves as the board's keys, with the same toast and Undo. `e` `c` `d` `n` work while the drawer
// has focus (see ProfileDrawer); the current stage is shown pressed.
import { STAGE_LABELS, type PersonProfile, type Stage } from '../../shared/domain';

export const DRAWER_DECISION_KEYS: Record<string, Stage> = { e: 'evaluated', c: 'connected', d: 'declined', n: 'new' };
const ORDER: Stage[] = ['evaluated', 'connected', 'declined', 'new'];
const KEY_OF: Record<Stage, string> = { evaluated: 'e', connected: 'c', declined: 'd', new: 'n' };

export function DrawerDecisions({ profile, onDecide }: { profile: PersonProfile; onDecide(to: Stage): void }) {
  return (
    <div className="review-decisions drawer-decisions" role="group" aria-label="Decision">
      {ORDER.map((stage) => (
        <button
          key={stage}
          type="button"
          className={`button review-decide stage-${stage}`}
          aria-pressed={profile.stage === stage}
          disabled={profile.stage === stage}
          onClick={() => onDecide(stage)}
        >
          {STAGE_LABELS[stage]} <kbd aria-hidden="true">{KEY_OF[stage]}</kbd>
        </button>
      ))}
    </div>
  );
}
