// "Add account": a modal with one tab per network that has a sign-in form (the registry's order);
// each tab shows that network's own form.
import { useEffect, useId, useMemo, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { Network } from '../../shared/domain';
import { ModalDialog } from '../dialogs/ModalDialog';
import { SIGN_IN_UIS } from '../networks/registry';
import { useAccountsStore } from '../stores/accountsStore';

const TABS = SIGN_IN_UIS.map((ui) => ({ tab: ui.id, label: ui.label }));

function AddAccountPanel({ tab }: { tab: Network }) {
  const selectedTab = useRef<HTMLButtonElement | null>(null);
  const idPrefix = useId();
  const tabIds = useMemo(() => new Map(TABS.map(({ tab: value }) => [value, `${idPrefix}-tab-${value}`])), [idPrefix]);
  const panelId = `${idPrefix}-panel`;
  useEffect(() => {
    // Arrow keys switch tabs; focus follows the tab that became selected.
    if (document.activeElement?.getAttribute('role') === 'tab') selectedTab.current?.focus();
  }, [tab]);
  const { openAddAccount, closeAddAccount, added } = useAccountsStore.getState();
  const SignInForm = SIGN_IN_UIS.find((ui) => ui.id === tab)?.SignInForm;

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
            id={tabIds.get(value)}
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
      <div id={panelId} role="tabpanel" aria-labelledby={tabIds.get(tab)} className="tab-panel">
        {SignInForm ? <SignInForm key={tab} onSignedIn={added} onCancel={closeAddAccount} /> : null}
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
