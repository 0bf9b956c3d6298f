// The tray (menu-bar on macOS) icon: how many people wait in New, and a short menu. The count is
// in the tooltip everywhere and beside the icon in the macOS menu bar (Tray.setTitle is macOS-only).
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';

export interface TrayActions {
  open(): void;
  reviewNew(): void;
  syncNow(): void;
  quit(): void;
}

/** "Rapport — 3 people waiting in New" */
export function waitingSentence(waiting: number): string {
  if (waiting === 0) return 'Nobody waiting in New';
  return `${waiting.toLocaleString('en')} ${waiting === 1 ? 'person' : 'people'} waiting in New`;
}

export function trayToolTip(waiting: number): string {
  return `Rapport — ${waitingSentence(waiting)}`;
}

export function trayMenuTemplate(waiting: number, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { label: waitingSentence(waiting), enabled: false },
    { type: 'separator' },
    { label: 'Open Rapport', click: () => actions.open() },
    { label: 'Review new followers', enabled: waiting > 0, click: () => actions.reviewNew() },
    { label: 'Sync now', click: () => actions.syncNow() },
    { type: 'separator' },
    { label: 'Quit Rapport', click: () => actions.quit() },
  ];
}

export interface TrayIcon {
  setWaiting(waiting: number): void;
  destroy(): void;
}

export function createTrayIcon({ image, actions, isMac }: { image: NativeImage | string; actions: TrayActions; isMac: boolean }): TrayIcon {
  const tray = new Tray(image);
  // On Windows and Linux a click on the icon is how people open an app from the tray; on macOS a
  // click opens the menu, as menu-bar items do.
  if (!isMac) tray.on('click', () => actions.open());
  const setWaiting = (waiting: number): void => {
    tray.setToolTip(trayToolTip(waiting));
    if (isMac) tray.setTitle(waiting > 0 ? String(waiting) : '');
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(waiting, actions)));
  };
  setWaiting(0);
  return { setWaiting, destroy: () => tray.destroy() };
}

/** The tray picture: the app icon, at menu-bar size on macOS. */
export function trayIconImage(file: string, isMac: boolean): NativeImage {
  const image = nativeImage.createFromPath(file);
  return isMac ? image.resize({ width: 16, height: 16 }) : image;
}
