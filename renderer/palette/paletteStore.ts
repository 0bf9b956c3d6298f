// Whether the command palette (Ctrl/Cmd+K) is open.
import { create } from 'zustand';

interface PaletteState {
  open: boolean;
  setOpen(open: boolean): void;
}

export const usePaletteStore = create<PaletteState>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
