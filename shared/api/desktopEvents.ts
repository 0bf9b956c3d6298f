// What the desktop shell (main) acts on: new followers after a sync (one notification per account
// and sync), the number of people waiting in New (tray, badge), the desktop settings, and the
// request main sends the window to open Review. Main validates these payloads with the schemas
// below before acting on them: they cross a process boundary and end up in OS notifications.
import { z } from 'zod';
import { NETWORKS } from '../domain';

const id = z.number().int().positive();
const count = z.number().int().min(0);

export const followersArrivedSchema = z.strictObject({
  accountId: id,
  runId: id,
  network: z.enum(NETWORKS),
  /** The network's display name (its label), for the notification text. */
  networkLabel: z.string().min(1).max(40),
  /** new followers this sync found */
  count: count.min(1),
  /** how many of them look promising (a positive stored score, see shared/signals/promising.ts) */
  promising: count,
});
export type FollowersArrived = z.infer<typeof followersArrivedSchema>;

export const waitingCountSchema = z.strictObject({
  /** people in New across accounts, snoozed people excluded */
  total: count,
  byAccount: z.array(z.strictObject({ accountId: id, waiting: count })),
});
export type WaitingCount = z.infer<typeof waitingCountSchema>;

export const desktopSettingsSchema = z.strictObject({
  /** A native notification when a sync finds new followers (never while the window is focused). */
  newFollowerNotifications: z.boolean(),
  /** Closing the window hides it; core keeps syncing until Quit. */
  keepSyncingInBackground: z.boolean(),
  /** Open Rapport when the user logs in (macOS and Windows). */
  openAtLogin: z.boolean(),
});
export type DesktopSettings = z.infer<typeof desktopSettingsSchema>;

export const DEFAULT_DESKTOP_SETTINGS: Readonly<DesktopSettings> = Object.freeze({
  newFollowerNotifications: true,
  keepSyncingInBackground: false,
  openAtLogin: false,
});

/** Main -> window: a notification or the tray asked to review this account's new followers. */
export const openReviewSchema = z.strictObject({ accountId: id });
export type OpenReview = z.infer<typeof openReviewSchema>;
