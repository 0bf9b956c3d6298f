// What the desktop shell asks of the window: "open Review for account X", after a click on a
// new-follower notification or the tray's "Review new followers".
import { useEffect } from 'react';
import { rapportClient } from '../api/rapportClient';
import { useAccountsStore } from '../stores/accountsStore';
import { useViewStore } from '../stores/viewStore';

export function openReviewFor(accountId: number): void {
  const accounts = useAccountsStore.getState();
  if (!accounts.accounts.some((account) => account.id === accountId)) return;
  if (accounts.selectedId === accountId) {
    useViewStore.getState().setView('review');
    return;
  }
  // Switching accounts resets the view (App); Review waits for that reset.
  useViewStore.getState().showAfterSwitch('review');
  accounts.select(accountId);
}

export function useDesktopRequests(): void {
  useEffect(() => rapportClient.subscribe('desktop.openReview', ({ accountId }) => openReviewFor(accountId)), []);
}
