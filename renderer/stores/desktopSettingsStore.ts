// The desktop settings (new-follower notifications, keep syncing in the background, open at
// login), stored by core; main applies them as they change.
import { create } from 'zustand';
import type { DesktopSettings } from '../../shared/api/desktopEvents';
import { call } from '../api/rapportClient';
import { showError } from './toastStore';

interface DesktopSettingsState {
  settings: DesktopSettings | null;
  load(): Promise<void>;
  change(change: Partial<DesktopSettings>): Promise<void>;
}

export const useDesktopSettingsStore = create<DesktopSettingsState>()((set) => ({
  settings: null,
  load: async () => {
    try {
      set({ settings: await call('getDesktopSettings', {}) });
    } catch (error) {
      showError(error);
    }
  },
  change: async (change) => {
    try {
      set({ settings: await call('setDesktopSettings', change) });
    } catch (error) {
      showError(error);
    }
  },
}));
