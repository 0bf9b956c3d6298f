// Whether the "Keyboard shortcuts" dialog is open.
import { create } from 'zustand';

interface ShortcutsDialogState {
  open: boolean;
  setOpen(open: boolean): void;
}

export const useShortcutsDialogStore = create<ShortcutsDialogState>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
