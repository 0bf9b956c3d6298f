// Connected accounts and which one the board shows.
import { create } from 'zustand';
import type { Account, Network } from '../../shared/domain';
import { rapportClient } from '../api/rapportClient';
import { showError } from './toastStore';

interface AccountsState {
  accounts: Account[];
  /** False until the first listAccounts answered, so first run is not flashed at returning users. */
  loaded: boolean;
  selectedId: number | null;
  /** True while a welcome button creates an account without a form (the sample one). */
  creating: boolean;
  /** The open tab of the Add account dialog, or null while it is closed. */
  addingTab: Network | null;
  load(): Promise<void>;
  setAccounts(accounts: Account[]): void;
  select(accountId: number): void;
  /** Creates an account the network needs no form for, and shows it. */
  signInWithoutForm(signIn: () => Promise<Account>): Promise<void>;
  remove(accountId: number): Promise<boolean>;
  /** Opens the dialog on this network's tab; null keeps it closed. */
  openAddAccount(tab: Network | null): void;
  closeAddAccount(): void;
  /** A sign-in created (or renewed) an account: list it, show its board, close the dialog. */
  added(account: Account): void;
}

function keepSelection(accounts: Account[], selectedId: number | null): number | null {
  if (selectedId !== null && accounts.some((a) => a.id === selectedId)) return selectedId;
  return accounts[0]?.id ?? null;
}

/** The listAccounts in flight, so the early load in main.tsx and App's mount share one request. */
let loading: Promise<void> | null = null;

export const useAccountsStore = create<AccountsState>()((set, get) => ({
  accounts: [],
  loaded: false,
  selectedId: null,
  creating: false,
  addingTab: null,
  load: () => {
    loading ??= (async () => {
      try {
        get().setAccounts(await rapportClient.listAccounts());
      } catch (error) {
        set({ loaded: true });
        showError(error);
      } finally {
        loading = null;
      }
    })();
    return loading;
  },
  setAccounts: (accounts) => set((s) => ({ accounts, loaded: true, selectedId: keepSelection(accounts, s.selectedId) })),
  select: (accountId) => set({ selectedId: accountId }),
  signInWithoutForm: async (signIn) => {
    if (get().creating) return;
    set({ creating: true });
    try {
      const account = await signIn();
      const others = get().accounts.filter((a) => a.id !== account.id);
      set({ accounts: [...others, account], loaded: true, selectedId: account.id });
    } catch (error) {
      showError(error);
    } finally {
      set({ creating: false });
    }
  },
  remove: async (accountId) => {
    try {
      await rapportClient.removeAccount(accountId);
      const accounts = get().accounts.filter((a) => a.id !== accountId);
      set((s) => ({ accounts, selectedId: keepSelection(accounts, s.selectedId === accountId ? null : s.selectedId) }));
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  },
  openAddAccount: (tab) => set({ addingTab: tab }),
  closeAddAccount: () => set({ addingTab: null }),
  added: (account) => {
    const others = get().accounts.filter((a) => a.id !== account.id);
    set({ accounts: [...others, account], loaded: true, selectedId: account.id, addingTab: null });
  },
}));

export function useSelectedAccount(): Account | null {
  return useAccountsStore((s) => s.accounts.find((a) => a.id === s.selectedId) ?? null);
}
