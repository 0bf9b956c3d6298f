// The account whose board is shown, and a menu to switch to another one or add one.
import { ChevronDown } from 'lucide-react';
import type { Account } from '../../shared/domain';
import { useAccountsStore } from '../stores/accountsStore';
import { SIGN_IN_UIS, accountLabel, uiOf } from '../networks/registry';
import { PopupMenu } from './PopupMenu';
import { RemoteName } from '../safeHtml/RemoteName';
import { RemoteText } from '../safeHtml/RemoteText';

export function AccountSwitcher({ account }: { account: Account }) {
  const accounts = useAccountsStore((s) => s.accounts);
  const { select, openAddAccount } = useAccountsStore.getState();
  const firstTab = SIGN_IN_UIS[0]?.id ?? null;
  return (
    <PopupMenu
      // The visible name and network are part of the accessible name (voice control users say what they see).
      label={`Switch account from ${account.displayName || account.handle} ${uiOf(account.network).label}`}
      kind="radio"
      buttonClassName="account account-switcher"
      buttonContent={
        <>
          <RemoteName name={account.displayName || account.handle} className="account-name" />{' '}
          <span className="account-network">{uiOf(account.network).label}</span>
          <ChevronDown size={14} aria-hidden="true" />
        </>
      }
      items={accounts.map((a) => ({
        key: String(a.id),
        label: (
          <span className="account-item">
            <RemoteText text={accountLabel(a)} className="account-item-handle" />
            {a.displayName && a.displayName !== a.handle ? <RemoteName name={a.displayName} className="account-item-name" /> : null}
          </span>
        ),
        checked: a.id === account.id,
        onSelect: () => select(a.id),
      }))}
      trailingItems={[{ key: 'add', label: 'Add account…', onSelect: () => openAddAccount(firstTab) }]}
    />
  );
}
