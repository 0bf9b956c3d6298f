// The whole window: first run, or the top bar and the board of the selected account.
import { useEffect, useState } from 'react';
import { useAccountsStore, useSelectedAccount } from '../stores/accountsStore';
import { useSyncStore } from '../stores/syncStore';
import { useDrawerStore } from '../stores/drawerStore';
import { followSelectedAccount, openBoard } from '../stores/boardSession';
import { Welcome } from '../welcome/Welcome';
import { TopBar } from '../topbar/TopBar';
import { Board } from '../board/Board';
import { ProfileDrawer } from '../dialogs/ProfileDrawer';
import { Announcer } from '../feedback/Announcer';
import { Toasts } from '../feedback/Toasts';
import { useCoreEvents } from './useCoreEvents';

export function App() {
  useCoreEvents();
  const loaded = useAccountsStore((s) => s.loaded);
  const account = useSelectedAccount();
  const drawerOpen = useDrawerStore((s) => s.personId !== null);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const accountId = account?.id ?? null;

  useEffect(() => followSelectedAccount(), []);
  useEffect(() => {
    void useAccountsStore.getState().load();
  }, []);

  useEffect(() => {
    if (accountId === null) {
      openBoard(null);
      useDrawerStore.getState().close();
    } else {
      void useSyncStore.getState().loadStatus(accountId);
    }
  }, [accountId]);

  // While a modal is open the rest of the window is out of reach for keyboard and screen readers.
  const modal = drawerOpen || confirmOpen;
  return (
    <>
      <div className="app" inert={modal} aria-hidden={modal || undefined}>
        {!loaded ? (
          <main className="loading" aria-busy="true" />
        ) : account ? (
          <>
            <TopBar account={account} onDialogChange={setConfirmOpen} />
            <Board accountId={account.id} />
          </>
        ) : (
          <Welcome />
        )}
      </div>
      {account ? <ProfileDrawer /> : null}
      <Announcer />
      <Toasts />
    </>
  );
}
