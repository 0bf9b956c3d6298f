// "Add account": a modal with one tab per network that Rapport can sign in to. Bluesky signs in
// here with an app password; Mastodon's form (AddMastodonForm) continues in the browser.
import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { Account } from '../../shared/domain';
import { ModalDialog } from '../dialogs/ModalDialog';
import { useAccountsStore, type AddAccountTab } from '../stores/accountsStore';
import { AddMastodonForm } from './AddMastodonForm';
import { BlueskySignInForm } from './BlueskySignInForm';

const TABS: { tab: AddAccountTab; label: string }[] = [
  { tab: 'bluesky', label: 'Bluesky' },
  { tab: 'mastodon', label: 'Mastodon' },
];

function AddAccountPanel({ tab }: { tab: AddAccountTab }) {
  const selectedTab = useRef<HTMLButtonElement | null>(null);
  const tabIds = { bluesky: useId(), mastodon: useId() };
  const panelId = useId();
  useEffect(() => {
    // Arrow keys switch tabs; focus follows the tab that became selected.
    if (document.activeElement?.getAttribute('role') === 'tab') selectedTab.current?.focus();
  }, [tab]);
  const { openAddAccount, closeAddAccount, added } = useAccountsStore.getState();
  const done = (account: Account) => added(account);

  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft' && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const index = TABS.findIndex((t) => t.tab === tab);
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : (index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length;
    const target = TABS[next];
    if (target) openAddAccount(target.tab);
  };

  return (
    <ModalDialog className="add-account" title="Add account" initialFocus={selectedTab} onDismiss={closeAddAccount}>
      <div role="tablist" aria-label="Network" className="tabs">
        {TABS.map(({ tab: value, label }) => (
          <button
            key={value}
            ref={value === tab ? selectedTab : undefined}
            id={tabIds[value]}
            type="button"
            role="tab"
            className="tab"
            aria-selected={value === tab}
            aria-controls={panelId}
            tabIndex={value === tab ? 0 : -1}
            onClick={() => openAddAccount(value)}
            onKeyDown={onTabKeyDown}
          >
            {label}
          </button>
        ))}
      </div>
      <div id={panelId} role="tabpanel" aria-labelledby={tabIds[tab]} className="tab-panel">
        {tab === 'bluesky' ? <BlueskySignInForm onDone={done} onCancel={closeAddAccount} /> : <AddMastodonForm onDone={done} onCancel={closeAddAccount} />}
      </div>
    </ModalDialog>
  );
}

/** Renders the dialog while accountsStore says it is open (from the welcome screen or the switcher). */
export function AddAccountDialog() {
  const tab = useAccountsStore((s) => s.addingTab);
  if (tab === null) return null;
  return <AddAccountPanel key="add-account" tab={tab} />;
}
