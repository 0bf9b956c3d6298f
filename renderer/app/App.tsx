// The whole window: first run, or the top bar and the board of the selected account.
import { lazy, Suspense, useEffect, useState } from 'react';
import { useAccountsStore, useSelectedAccount } from '../stores/accountsStore';
import { useSyncStore } from '../stores/syncStore';
import { useDrawerStore } from '../stores/drawerStore';
import { followSelectedAccount, openBoard } from '../stores/boardSession';
import { TopBar } from '../topbar/TopBar';
import { Board } from '../board/Board';
import { Announcer } from '../feedback/Announcer';
import { Toasts } from '../feedback/Toasts';
import { useCoreEvents } from './useCoreEvents';
import { useDesktopRequests } from './useDesktopRequests';
import { AddAccountDialog, CommandPalette, PeopleListView, ProfileDrawer, ReviewView, Welcome } from './lazyViews';
import { Sidebar } from '../sidebar/Sidebar';
import { SkipLink } from './SkipLink';
import { useViewStore, type View } from '../stores/viewStore';
import { useTriageShortcuts } from '../keyboard/useTriageShortcuts';
import { ShortcutsDialog } from '../keyboard/ShortcutsDialog';
import { useShortcutsDialogStore } from '../keyboard/shortcutsDialogStore';
import { usePaletteStore } from '../palette/paletteStore';

// The chart library is large and only the stats view needs it: load it on first visit, so the
// board's first paint does not wait for it.
const StatsView = lazy(() => import('../stats/StatsView').then((module) => ({ default: module.StatsView })));

function MainView({ view, accountId }: { view: View; accountId: number }) {
  switch (view) {
    case 'board':
      return <Board accountId={accountId} />;
    case 'review':
      return <ReviewView accountId={accountId} />;
    case 'people':
      return <PeopleListView accountId={accountId} />;
    case 'stats':
      return (
        <Suspense fallback={<main className="loading" aria-busy="true" />}>
          <StatsView accountId={accountId} />
        </Suspense>
      );
  }
}

export function App() {
  useCoreEvents();
  useDesktopRequests();
  const loaded = useAccountsStore((s) => s.loaded);
  const account = useSelectedAccount();
  const drawerOpen = useDrawerStore((s) => s.personId !== null);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const accountId = account?.id ?? null;
  const view = useViewStore((s) => s.view);
  useTriageShortcuts(accountId);

  useEffect(() => followSelectedAccount(), []);
  useEffect(() => {
    void useAccountsStore.getState().load();
  }, []);

  useEffect(() => {
    useViewStore.getState().reset(accountId);
    if (accountId === null) {
      openBoard(null);
      useDrawerStore.getState().close();
    } else {
      void useSyncStore.getState().loadStatus(accountId);
    }
  }, [accountId]);

  // While a modal is open the rest of the window is out of reach for keyboard and screen readers.
  const shortcutsOpen = useShortcutsDialogStore((s) => s.open);
  const paletteOpen = usePaletteStore((s) => s.open);
  const adding = useAccountsStore((s) => s.addingTab !== null);
  const modal = drawerOpen || confirmOpen || shortcutsOpen || paletteOpen || adding;
  return (
    <>
      <div className="app" inert={modal} aria-hidden={modal || undefined}>
        {!loaded ? (
          <main className="loading" aria-busy="true" />
        ) : account ? (
          <>
            <SkipLink />
            <TopBar account={account} onDialogChange={setConfirmOpen} />
            <div className="workspace">
              <Sidebar accountId={account.id} />
              <MainView view={view} accountId={account.id} />
            </div>
          </>
        ) : (
          <Welcome />
        )}
      </div>
      {account ? <ProfileDrawer /> : null}
      {account ? <ShortcutsDialog /> : null}
      {account ? <CommandPalette accountId={account.id} /> : null}
      <AddAccountDialog />
      <Announcer />
      <Toasts />
    </>
  );
}
