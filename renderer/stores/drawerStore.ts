// Which profile the drawer shows, and what getProfile returned for it.
import { create } from 'zustand';
import type { PersonProfile } from '../../shared/domain';
import { rapportClient, toRapportError } from '../api/rapportClient';

interface DrawerState {
  accountId: number | null;
  personId: number | null;
  /** The name shown while the profile loads, taken from the card that opened the drawer. */
  displayName: string;
  profile: PersonProfile | null;
  error: string | null;
  open(accountId: number, personId: number, displayName: string): Promise<void>;
  /** The open profile changed here (note, tags, snooze): keep the shown copy current. */
  update(profile: PersonProfile): void;
  close(): void;
}

let requestSeq = 0;

export const useDrawerStore = create<DrawerState>()((set) => ({
  accountId: null,
  personId: null,
  displayName: '',
  profile: null,
  error: null,
  open: async (accountId, personId, displayName) => {
    const seq = ++requestSeq;
    set({ accountId, personId, displayName, profile: null, error: null });
    try {
      const profile = await rapportClient.getProfile(accountId, personId);
      if (seq === requestSeq) set({ profile, displayName: profile.displayName });
    } catch (error) {
      if (seq === requestSeq) set({ error: toRapportError(error).message });
    }
  },
  update: (profile) => set((s) => (s.personId === profile.personId ? { profile } : s)),
  close: () => {
    requestSeq++;
    set({ personId: null, profile: null, error: null });
  },
}));
