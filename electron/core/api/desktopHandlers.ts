// Desktop settings (stored by core so every window and restart agrees) and the waiting count.
// Main follows the settings through desktopSettings.changed.
import { readDesktopSettings, writeDesktopSettings } from '../desktop/desktopSettingsRepo';
import type { WaitingCountDuty } from '../desktop/waitingCountDuty';
import type { HandlerGroup } from './handlerTypes';

export function createDesktopHandlers(waiting: Pick<WaitingCountDuty, 'current'>): HandlerGroup {
  return {
    getDesktopSettings: (_input, ctx) => readDesktopSettings(ctx.db),
    setDesktopSettings: (input, ctx) => {
      const before = JSON.stringify(readDesktopSettings(ctx.db));
      const settings = writeDesktopSettings(ctx.db, input);
      if (JSON.stringify(settings) !== before) ctx.emit('desktopSettings.changed', settings);
      return settings;
    },
    getWaitingCount: () => waiting.current(),
  };
}
