// Restores the window where it was, as long as that place is still on a display (a monitor can be
// unplugged between runs), and remembers it: on move and resize (debounced) and on close.
import type { BrowserWindow, Rectangle } from 'electron';
import type { MainLog } from './mainLog';
import { writeWindowState, type WindowState } from './windowStateFile';

/** The part of a window that must stay on a display for it to be reachable (its title bar). */
const REACHABLE = { width: 120, height: 40 };
export const SAVE_DEBOUNCE_MS = 400;

export interface Placement {
  /** Absent: let the OS place the window (centred on the primary display). */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The saved state fitted to the displays there are now (their work areas, from
 * screen.getAllDisplays()): kept where its top strip is still on a display and shrunk to fit that
 * display; otherwise the size is kept (shrunk to the largest display) and the OS picks the place.
 */
export function placeOnDisplays(saved: WindowState | null, workAreas: Rectangle[], defaults: { width: number; height: number }): Placement {
  if (saved === null || workAreas.length === 0) return { ...defaults, maximized: false };
  const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: REACHABLE.height };
  const home = workAreas.find((area) => {
    const shared = overlap(titleBar, area);
    return shared.width >= Math.min(REACHABLE.width, saved.width) && shared.height >= Math.min(REACHABLE.height, saved.height);
  });
  if (home === undefined) {
    const largest = workAreas.reduce((a, b) => (a.width * a.height >= b.width * b.height ? a : b));
    return { width: Math.min(saved.width, largest.width), height: Math.min(saved.height, largest.height), maximized: saved.maximized };
  }
  const width = Math.min(saved.width, home.width);
  const height = Math.min(saved.height, home.height);
  const x = Math.min(Math.max(saved.x, home.x), home.x + home.width - width);
  const y = Math.min(Math.max(saved.y, home.y), home.y + home.height - height);
  return { x, y, width, height, maximized: saved.maximized };
}

/** Saves the window's normal bounds and maximized state whenever they settle, and on close. */
export function rememberWindowState(window: BrowserWindow, file: string, log: MainLog, debounceMs = SAVE_DEBOUNCE_MS): void {
  let timer: NodeJS.Timeout | null = null;
  const save = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (window.isDestroyed()) return;
    // Normal bounds: a maximized or minimized window still restores to the size the user chose.
    const bounds = window.getNormalBounds();
    try {
      writeWindowState(file, { ...bounds, maximized: window.isMaximized() });
    } catch (error) {
      log.warn('The window size and place were not saved:', error instanceof Error ? error.message : String(error));
    }
  };
  const later = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', save);
  window.on('unmaximize', save);
  window.on('close', save);
}

/** The first run's size (and the fallback when the saved state is unreadable). */
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
