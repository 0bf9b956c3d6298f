// What the aria-live region says. A sequence number makes a repeated sentence announce again.
import { create } from 'zustand';

interface AnnouncerState {
  message: string;
  seq: number;
  announce(message: string): void;
}

export const useAnnouncerStore = create<AnnouncerState>()((set) => ({
  message: '',
  seq: 0,
  announce: (message) => set((s) => ({ message, seq: s.seq + 1 })),
}));

export function announce(message: string): void {
  useAnnouncerStore.getState().announce(message);
}
