// Who may call the contract: the top frame of our main window, showing our own origin.
// A subframe, another window, or a page that navigated elsewhere is refused.
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { isTrustedUrl } from './appOrigin';

/** null when the sender is trusted, else the reason it is not (for the log). */
export function senderRefusal(
  event: IpcMainInvokeEvent,
  window: BrowserWindow | null,
  trustedOrigins: ReadonlySet<string>,
): string | null {
  if (window === null || window.isDestroyed()) return 'no main window';
  if (event.sender !== window.webContents) return 'sender is not the main window';
  const frame = event.senderFrame;
  if (frame === null) return 'sender frame is gone';
  if (frame.parent !== null) return 'sender is a subframe';
  if (!isTrustedUrl(frame.url, trustedOrigins)) return 'sender frame is not on the app origin';
  return null;
}
