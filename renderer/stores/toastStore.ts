// Transient messages in the corner: what a decision did ("Moved Giles Sporer to Declined", with
// Undo), and errors from RapportError. They fade by themselves.
import { create } from 'zustand';
import { toRapportError } from '../api/rapportClient';

/** A button on the toast; `keyHint` names the key that does the same ("u"). */
export interface ToastAction {
  label: string;
  keyHint?: string;
  run(): void;
}

export interface Toast {
  id: number;
  tone: 'error' | 'info';
  message: string;
  action?: ToastAction;
}

interface ToastState {
  toasts: Toast[];
  push(tone: Toast['tone'], message: string, action?: ToastAction): number;
  dismiss(id: number): void;
}

const TOAST_LIFETIME_MS = 8000;
let nextId = 1;

export const useToastStore = create<ToastState>()((set, get) => ({
  toasts: [],
  push: (tone, message, action) => {
    const id = nextId++;
    // Keep a handful: a burst of decisions or failures should not bury the board.
    set((s) => ({ toasts: [...s.toasts.slice(-3), action ? { id, tone, message, action } : { id, tone, message }] }));
    setTimeout(() => get().dismiss(id), TOAST_LIFETIME_MS);
    return id;
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

/** Shows what went wrong, in the words the engine gave (RapportError.message). */
export function showError(error: unknown): void {
  useToastStore.getState().push('error', toRapportError(error).message);
}

/** Says what an action did, optionally with a way back. */
export function showInfo(message: string, action?: ToastAction): number {
  return useToastStore.getState().push('info', message, action);
}
