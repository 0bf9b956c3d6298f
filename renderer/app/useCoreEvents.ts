// Wires core's events to the stores for as long as the app is mounted.
import { useEffect } from 'react';
import { rapportClient } from '../api/rapportClient';
import { useAccountsStore } from '../stores/accountsStore';
import { useSyncStore } from '../stores/syncStore';
import { useBoardStore } from '../stores/boardStore';
import { requestRefresh } from '../stores/boardSession';
import { useActionsStore } from '../stores/actionsStore';
import { useBudgetStore } from '../stores/budgetStore';
import { refreshActionCards } from '../actions/refreshActionCards';

export function useCoreEvents(): void {
  useEffect(() => {
    const unsubscribers = [
      rapportClient.subscribe('accounts.changed', ({ accounts }) => useAccountsStore.getState().setAccounts(accounts)),
      rapportClient.subscribe('sync.progress', (progress) => {
        useSyncStore.getState().update(progress);
        // Counts grow while a sync runs; the last event means the board is complete.
        if (progress.accountId === useBoardStore.getState().accountId) requestRefresh(null);
      }),
      rapportClient.subscribe('people.changed', ({ accountId, personIds }) => {
        if (accountId === useBoardStore.getState().accountId) requestRefresh(personIds);
      }),
      rapportClient.subscribe('outbox.changed', ({ accountId, actionIds, personIds }) => {
        useActionsStore.getState().changed(accountId, actionIds, personIds);
        refreshActionCards(accountId, personIds);
        if (accountId in useBudgetStore.getState().byAccount) void useBudgetStore.getState().load(accountId);
      }),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, []);
}
