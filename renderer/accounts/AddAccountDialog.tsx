// "Add account": a modal with one tab per network that Rapport can sign in to. Bluesky signs in
// here with an app password; Mastodon's form (AddMastodonForm) continues in the browser.
import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { Account } from '../../shared/domain';
import { useFocusTrap } from '../dialogs/useFocusTrap';
import { useAccountsStore, type AddAccountTab } from '../stores/accountsStore';
import { AddMastodonForm } from './AddMastodonForm';
import { BlueskySignInForm } from './BlueskySignInForm';

const TABS: { tab: AddAccountTab; label: string }[] = [
  { tab: 'bluesky', label: 'Bluesky' },
  { tab: 'mastodon', label: 'Mastodon' },
];

function AddAccountPanel({ tab }: { tab: AddAccountTab }) {
  const panel = useRef<HTMLDivElement | null>(null);
  const selectedTab = useRef<HTMLButtonElement | null>(null);
  const titleId = useId();
  const tabIds = { bluesky: useId(), mastodon: useId() };
  const panelId = useId();
  useFocusTrap(panel, selectedTab);
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
    <div className="dialog-layer">
      <div className="dialog-scrim" aria-hidden="true" onClick={closeAddAccount} />
      <div
        ref={panel}
        className="dialog add-account"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            closeAddAccount();
          }
        }}
      >
        <h2 id={titleId} className="dialog-title">
          Add account
        </h2>
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
      </div>
    </div>
  );
}

/** Renders the dialog while accountsStore says it is open (from the welcome screen or the switcher). */
export function AddAccountDialog() {
  const tab = useAccountsStore((s) => s.addingTab);
  if (tab === null) return null;
  return createPortal(<AddAccountPanel key="add-account" tab={tab} />, document.body);
}
