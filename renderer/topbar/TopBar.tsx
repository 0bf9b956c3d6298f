// Account, sync, sort and removal: everything that applies to the whole board.
import type { Account } from '../../shared/domain';
import { SyncStatus } from './SyncStatus';
import { SortSelect } from './SortSelect';
import { RemoveAccountButton } from './RemoveAccountButton';
import { SearchBox } from '../search/SearchBox';

const NETWORK_LABELS: Record<Account['network'], string> = {
  sample: 'Sample data',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  x: 'X',
  github: 'GitHub',
};

export function TopBar({ account, onDialogChange }: { account: Account; onDialogChange(open: boolean): void }) {
  return (
    <header className="topbar">
      <div className="brand" aria-hidden="true">
        Rapport
      </div>
      <div className="account">
        <span className="account-name">{account.displayName || account.handle}</span>
        <span className="account-network">{NETWORK_LABELS[account.network]}</span>
      </div>
      <SyncStatus accountId={account.id} lastSyncedAt={account.lastSyncedAt} />
      <div className="topbar-spacer" />
      <SearchBox accountId={account.id} />
      <SortSelect />
      <RemoveAccountButton account={account} onDialogChange={onDialogChange} />
    </header>
  );
}
