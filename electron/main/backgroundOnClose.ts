// "Keep syncing in the background": closing the window hides it, and core keeps running (and
// syncing every 30 minutes) until Quit in the tray or menu. Without the setting, closing behaves as
// before: Windows and Linux quit with the last window, macOS keeps the app in the dock.
import type { BrowserWindow } from 'electron';

export interface BackgroundOnCloseOptions {
  keepRunning(): boolean;
  /** true once the app is quitting (Quit, an update restart): then closing must close. */
  quitting(): boolean;
}

export function hideInsteadOfClosing(window: BrowserWindow, options: BackgroundOnCloseOptions): void {
  window.on('close', (event) => {
    if (options.quitting() || !options.keepRunning()) return;
    event.preventDefault();
    window.hide();
  });
}
