// Transient messages (mostly errors from RapportError) shown in the corner; they fade by themselves.
import { create } from 'zustand';
import { toRapportError } from '../api/rapportClient';

export interface Toast {
  id: number;
  tone: 'error' | 'info';
  message: string;
}

interface ToastState {
  toasts: Toast[];
  push(tone: Toast['tone'], message: string): number;
  dismiss(id: number): void;
}

const TOAST_LIFETIME_MS = 8000;
let nextId = 1;

export const useToastStore = create<ToastState>()((set, get) => ({
  toasts: [],
  push: (tone, message) => {
    const id = nextId++;
    // Keep a handful: a burst of failures should not bury the board.
    set((s) => ({ toasts: [...s.toasts.slice(-3), { id, tone, message }] }));
    setTimeout(() => get().dismiss(id), TOAST_LIFETIME_MS);
    return id;
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

/** Shows what went wrong, in the words the engine gave (RapportError.message). */
export function showError(error: unknown): void {
  useToastStore.getState().push('error', toRapportError(error).message);
}
