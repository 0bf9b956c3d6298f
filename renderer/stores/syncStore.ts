// Sync progress per account, fed by sync.progress events and getSyncStatus.
import { create } from 'zustand';
import type { SyncProgress } from '../../shared/domain';
import { rapportClient } from '../api/rapportClient';
import { showError } from './toastStore';

interface SyncState {
  byAccount: Record<number, SyncProgress | null>;
  update(progress: SyncProgress): void;
  loadStatus(accountId: number): Promise<void>;
  start(accountId: number): Promise<void>;
  cancel(accountId: number): Promise<void>;
}

export const useSyncStore = create<SyncState>()((set, get) => ({
  byAccount: {},
  update: (progress) => {
    const current = get().byAccount[progress.accountId];
    // Events of an older run may arrive after a newer run started; keep the newest run.
    if (current && current.runId > progress.runId) return;
    set((s) => ({ byAccount: { ...s.byAccount, [progress.accountId]: progress } }));
  },
  loadStatus: async (accountId) => {
    try {
      const status = await rapportClient.getSyncStatus(accountId);
      if (status) get().update(status);
      else if (!(accountId in get().byAccount)) set((s) => ({ byAccount: { ...s.byAccount, [accountId]: null } }));
    } catch (error) {
      showError(error);
    }
  },
  start: async (accountId) => {
    try {
      get().update(await rapportClient.startSync(accountId));
    } catch (error) {
      showError(error);
    }
  },
  cancel: async (accountId) => {
    try {
      await rapportClient.cancelSync(accountId);
    } catch (error) {
      showError(error);
    }
  },
}));

export function useSyncProgress(accountId: number | null): SyncProgress | null {
  return useSyncStore((s) => (accountId === null ? null : (s.byAccount[accountId] ?? null)));
}
