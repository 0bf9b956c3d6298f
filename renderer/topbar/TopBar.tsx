// Account, sync, budget, sort and removal: everything that applies to the whole board. Also hosts
// the unfollow question any view may raise. (Add account lives in App: it must outlive the switch
// from the welcome screen to the board that its own success causes.)
import type { Account } from '../../shared/domain';
import { NETWORK_LABELS } from '../../shared/networkLabels';
import { networkBillsReads } from '../../shared/api/networks';
import { SyncStatus } from './SyncStatus';
import { SortSelect } from './SortSelect';
import { RemoveAccountButton } from './RemoveAccountButton';
import { SearchBox } from '../search/SearchBox';
import { AccountSwitcher } from './AccountSwitcher';
import { BudgetMeter } from './BudgetMeter';
import { DesktopSettingsMenu } from './DesktopSettingsMenu';
import { MarkExistingEvaluated } from './MarkExistingEvaluated';
import { UnfollowConfirm } from '../actions/UnfollowConfirm';
import { useViewStore } from '../stores/viewStore';

export function TopBar({ account, onDialogChange }: { account: Account; onDialogChange(open: boolean): void }) {
  // The board's order also drives Review; the people list and stats have their own.
  const boardOrdered = useViewStore((s) => s.view === 'board' || s.view === 'review');
  return (
    <header className="topbar">
      <h1 className="brand">Rapport</h1>
      <AccountSwitcher account={account} />
      <SyncStatus
        accountId={account.id}
        lastSyncedAt={account.lastSyncedAt}
        networkLabel={NETWORK_LABELS[account.network]}
        billsReads={networkBillsReads(account.network)}
      />
      <div className="topbar-spacer" />
      <SearchBox accountId={account.id} />
      {boardOrdered ? <SortSelect /> : null}
      <BudgetMeter account={account} />
      <MarkExistingEvaluated account={account} onDialogChange={onDialogChange} />
      <RemoveAccountButton account={account} onDialogChange={onDialogChange} />
      <DesktopSettingsMenu />
      <UnfollowConfirm onDialogChange={onDialogChange} />
    </header>
  );
}
