// Today's follow/unfollow/message actions against the network's daily budget, with a small
// popover to lower the limit. Hidden on networks where Rapport never acts; on sample data it says
// the actions are simulated.
import { useEffect } from 'react';
import type { Account, ActionBudget } from '../../shared/domain';
import { networkActs } from '../../shared/networkActions';
import { useBudget, useBudgetStore } from '../stores/budgetStore';
import { formatGrouped } from '../format/numberFormat';
import { formatFullDate } from '../format/dateFormat';
import { BudgetSettings } from './BudgetSettings';
import { uiOf } from '../networks/registry';

/** The tooltip: when the next slot frees up. */
export function budgetResetSentence(budget: ActionBudget): string {
  if (budget.limit === 0) return 'Actions are switched off: the daily limit is 0.';
  if (!budget.resetsAt) return `No actions in the last 24 hours; ${formatGrouped(budget.limit)} available.`;
  const when = formatFullDate(budget.resetsAt);
  return budget.used >= budget.limit ? `Today's actions are used up; the next one frees up at ${when}.` : `The oldest counted action frees its slot at ${when}.`;
}

function Meter({ budget }: { budget: ActionBudget }) {
  const percent = budget.limit > 0 ? Math.min(100, (budget.used / budget.limit) * 100) : 100;
  const full = budget.used >= budget.limit;
  return (
    <div
      className={full ? 'budget-meter is-full' : 'budget-meter'}
      role="meter"
      aria-label="Daily actions"
      data-testid="budget-meter"
      aria-valuemin={0}
      aria-valuemax={budget.limit}
      aria-valuenow={Math.min(budget.used, budget.limit)}
      aria-valuetext={`${formatGrouped(budget.used)} of ${formatGrouped(budget.limit)} actions used today`}
      title={budgetResetSentence(budget)}
    >
      <span className="budget-meter-text" aria-hidden="true">
        {formatGrouped(budget.used)} / {formatGrouped(budget.limit)}
      </span>
      <span className="budget-meter-track" aria-hidden="true">
        <span className="budget-meter-fill" style={{ width: `${percent}%` }} />
      </span>
    </div>
  );
}

export function BudgetMeter({ account }: { account: Account }) {
  const budget = useBudget(account.id);
  const acts = networkActs(account.network);
  const { simulatedNote } = uiOf(account.network);
  useEffect(() => {
    if (acts) void useBudgetStore.getState().load(account.id);
  }, [account.id, acts]);
  if (!acts || !budget) return null;
  return (
    <div className="budget">
      <span className="budget-label" aria-hidden="true" title={simulatedNote}>
        {simulatedNote ? 'Sample actions' : 'Actions'}
      </span>
      <Meter budget={budget} />
      <BudgetSettings accountId={account.id} budget={budget} />
    </div>
  );
}
