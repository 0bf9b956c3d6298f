// How Rapport lives on the desktop, wired to core: notifications when syncs find new followers,
// the tray and the badge with the number of people waiting in New, and the desktop settings
// (stored by core, changed from the window) applied as they change. Every click — a notification,
// the tray — lands in the one main window.
import type { BrowserWindow, NativeImage } from 'electron';
import {
  DEFAULT_DESKTOP_SETTINGS,
  desktopSettingsSchema,
  waitingCountSchema,
  type DesktopSettings,
  type WaitingCount,
} from '../../shared/api/desktopEvents';
import { IPC_EVENT_CHANNEL } from '../preload/ipcChannels';
import type { RapportEvent } from '../../shared/api/events';
import type { CoreCaller, CoreEventSource } from './ipcHandlers';
import { applyOpenAtLogin } from './loginItem';
import type { MainLog } from './mainLog';
import { createNewFollowerNotifier } from './newFollowerNotifications';
import { overlayDot } from './overlayDot';
import { createTrayIcon } from './trayIcon';
import { createWaitingBadge } from './waitingBadge';

export interface DesktopShellOptions {
  core: CoreCaller & CoreEventSource;
  /** Creates the main window or brings the existing one forward; returns it. */
  showWindow(): BrowserWindow;
  getWindow(): BrowserWindow | null;
  platform: NodeJS.Platform;
  trayImage: NativeImage | string;
  quit(): void;
  log: MainLog;
}

export interface DesktopShell {
  settings(): DesktopSettings;
  /** Brings the window forward on Review for the account. */
  openReview(accountId: number): void;
  /** Reads the settings and the waiting count from core; events keep them current after. */
  start(): Promise<void>;
}

export function createDesktopShell(options: DesktopShellOptions): DesktopShell {
  const { core, log } = options;
  let settings: DesktopSettings = { ...DEFAULT_DESKTOP_SETTINGS };
  let waiting: WaitingCount = { total: 0, byAccount: [] };

  const send = (window: BrowserWindow, message: RapportEvent): void => {
    if (window.isDestroyed()) return;
    // A window created just now has no listener yet: its page subscribes as it loads.
    if (window.webContents.isLoading()) window.webContents.once('did-finish-load', () => window.webContents.send(IPC_EVENT_CHANNEL, message));
    else window.webContents.send(IPC_EVENT_CHANNEL, message);
  };
  const openReview = (accountId: number): void => {
    send(options.showWindow(), { event: 'desktop.openReview', payload: { accountId } });
  };
  const reviewNew = (): void => {
    const busiest = [...waiting.byAccount].sort((a, b) => b.waiting - a.waiting)[0];
    if (busiest && busiest.waiting > 0) openReview(busiest.accountId);
    else options.showWindow();
  };
  const syncNow = async (): Promise<void> => {
    const accounts = await core.call('listAccounts', {});
    if (!accounts.ok) return;
    for (const account of accounts.value as Array<{ id: number }>) {
      // CONFLICT (a sync already running) is the answer we want anyway.
      const started = await core.call('startSync', { accountId: account.id });
      if (!started.ok && started.error.code !== 'CONFLICT') log.warn(`Sync now of account ${account.id}:`, started.error.code);
    }
  };

  const notifier = createNewFollowerNotifier({
    enabled: () => settings.newFollowerNotifications,
    windowFocused: () => {
      const window = options.getWindow();
      return window !== null && !window.isDestroyed() && window.isVisible() && window.isFocused();
    },
    openReview,
    log,
  });
  const tray = createTrayIcon({
    image: options.trayImage,
    isMac: options.platform === 'darwin',
    actions: { open: () => options.showWindow(), reviewNew, syncNow: () => void syncNow(), quit: options.quit },
  });
  const badge = createWaitingBadge({ platform: options.platform, getWindow: options.getWindow, overlayImage: overlayDot });

  const applyWaiting = (payload: unknown): void => {
    const parsed = waitingCountSchema.safeParse(payload);
    if (!parsed.success) return;
    waiting = parsed.data;
    tray.setWaiting(waiting.total);
    badge.show(waiting.total);
  };
  const applySettings = (payload: unknown, { fromChange }: { fromChange: boolean }): void => {
    const parsed = desktopSettingsSchema.safeParse(payload);
    if (!parsed.success) return;
    const before = settings;
    settings = parsed.data;
    // Only a change touches the OS login items: one the user added in System Settings stays.
    if (fromChange && before.openAtLogin !== settings.openAtLogin) applyOpenAtLogin(settings.openAtLogin, options.platform);
  };

  core.onEvent(({ event, payload }) => {
    if (event === 'followers.arrived') notifier.arrived(payload);
    else if (event === 'waiting.changed') applyWaiting(payload);
    else if (event === 'desktopSettings.changed') applySettings(payload, { fromChange: true });
  });

  return {
    settings: () => settings,
    openReview,
    async start() {
      // Each applies as soon as it arrives: settings must not wait on a count, nor the reverse.
      await Promise.all([
        core.call('getDesktopSettings', {}).then((stored) => stored.ok && applySettings(stored.value, { fromChange: false })),
        core.call('getWaitingCount', {}).then((count) => count.ok && applyWaiting(count.value)),
      ]);
    },
  };
}
