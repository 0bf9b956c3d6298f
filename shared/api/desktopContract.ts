// The desktop settings (notifications, background syncing, open at login) and the waiting count,
// stored and computed by core; main follows them through the desktopSettings.changed and
// waiting.changed events.
import { z } from 'zod';
import { method } from './contractMethod';
import type { DesktopSettings, WaitingCount } from './desktopEvents';

export const desktopContract = {
  getDesktopSettings: method<DesktopSettings>()(z.strictObject({})),
  /** Changes the settings given, keeps the others; answers with all of them. */
  setDesktopSettings: method<DesktopSettings>()(
    z.strictObject({
      newFollowerNotifications: z.boolean().optional(),
      keepSyncingInBackground: z.boolean().optional(),
      openAtLogin: z.boolean().optional(),
    }),
  ),
  /** People waiting in New across accounts (snoozed excluded), e.g. for the tray at start. */
  getWaitingCount: method<WaitingCount>()(z.strictObject({})),
} as const;
