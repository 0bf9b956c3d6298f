// Sync progress per account, fed by sync.progress events and getSyncStatus, with the time left
// in the running phase estimated from its rate so far.
import { create } from 'zustand';
import type { SyncProgress } from '../../shared/domain';
import { call } from '../api/rapportClient';
import { nextPhaseStart, secondsLeft, type PhaseStart } from '../topbar/syncEta';
import { showError } from './toastStore';

interface SyncState {
  byAccount: Record<number, SyncProgress | null>;
  phaseStart: Record<number, PhaseStart>;
  /** Seconds the running phase has left, or null while it cannot be told. */
  secondsLeft: Record<number, number | null>;
  update(progress: SyncProgress, now?: number): void;
  loadStatus(accountId: number): Promise<void>;
  /** `full` walks every list and re-checks who is gone; otherwise only new people are read. */
  start(accountId: number, full?: boolean): Promise<void>;
  cancel(accountId: number): Promise<void>;
}

export const useSyncStore = create<SyncState>()((set, get) => ({
  byAccount: {},
  phaseStart: {},
  secondsLeft: {},
  update: (progress, now = Date.now()) => {
    const current = get().byAccount[progress.accountId];
    // Events of an older run may arrive after a newer run started; keep the newest run.
    if (current && current.runId > progress.runId) return;
    const start = nextPhaseStart(get().phaseStart[progress.accountId], progress, now);
    set((s) => ({
      byAccount: { ...s.byAccount, [progress.accountId]: progress },
      phaseStart: { ...s.phaseStart, [progress.accountId]: start },
      secondsLeft: { ...s.secondsLeft, [progress.accountId]: secondsLeft(start, progress, now) },
    }));
  },
  loadStatus: async (accountId) => {
    try {
      const status = await call('getSyncStatus', { accountId });
      if (status) get().update(status);
      else if (!(accountId in get().byAccount)) set((s) => ({ byAccount: { ...s.byAccount, [accountId]: null } }));
    } catch (error) {
      showError(error);
    }
  },
  start: async (accountId, full) => {
    try {
      get().update(await call('startSync', full ? { accountId, full: true } : { accountId }));
    } catch (error) {
      showError(error);
    }
  },
  cancel: async (accountId) => {
    try {
      await call('cancelSync', { accountId });
    } catch (error) {
      showError(error);
    }
  },
}));

export function useSyncProgress(accountId: number | null): SyncProgress | null {
  return useSyncStore((s) => (accountId === null ? null : (s.byAccount[accountId] ?? null)));
}

export function useSecondsLeft(accountId: number): number | null {
  return useSyncStore((s) => s.secondsLeft[accountId] ?? null);
}
