// Update flows against a scripted autoUpdater and dialog: no update, update ready (restart now or
// later, never forced), errors, and no checks where there is nothing to update.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const boxes: Array<{ message: string; buttons?: string[] }> = [];
  const answers: number[] = [];
  return {
    boxes,
    answers,
    dialog: {
      showMessageBox: vi.fn(async (...args: unknown[]) => {
        const box = args.at(-1) as { message: string; buttons?: string[] };
        boxes.push(box);
        return { response: answers.shift() ?? 0, checkboxChecked: false };
      }),
    },
  };
});
vi.mock('electron', () => ({ dialog: electron.dialog }));
const { createAppUpdates } = await import('./appUpdates');

class FakeUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  checks = 0;
  result: 'ok' | 'fail' = 'ok';
  readonly quitAndInstall = vi.fn();
  async checkForUpdates(): Promise<unknown> {
    this.checks++;
    this.emit('checking-for-update');
    if (this.result === 'fail') {
      const error = new Error('net::ERR_INTERNET_DISCONNECTED');
      this.emit('error', error);
      throw error;
    }
    return null;
  }
}

const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const window = { isDestroyed: () => false, setProgressBar: vi.fn() };
let updater: FakeUpdater;
let restarting: string[];
const settle = () => new Promise((resolve) => setImmediate(resolve));
function start(canUpdate = true) {
  return createAppUpdates({
    updater,
    canUpdate,
    currentVersion: '0.1.0',
    getWindow: () => window as never,
    beforeRestart: () => restarting.push('before'),
    log,
  });
}
beforeEach(() => {
  vi.clearAllMocks();
  electron.boxes.length = 0;
  electron.answers.length = 0;
  updater = new FakeUpdater();
  restarting = [];
});

describe('updates', () => {
  it('download on their own and install on quit when the user chooses Later', () => {
    start();
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
  });

  it('check quietly at start: no update means no dialog at all', async () => {
    const updates = start();
    updates.checkQuietly();
    updater.emit('update-not-available');
    await settle();
    expect(updater.checks).toBe(1);
    expect(electron.boxes).toEqual([]);
  });

  it('answer a check from the menu that found nothing', async () => {
    const updates = start();
    await updates.checkFromMenu();
    updater.emit('update-not-available');
    await settle();
    expect(electron.boxes.map((b) => b.message)).toEqual(['Rapport is up to date']);
  });

  it('offer a restart once the update is ready, and restart only when the user says so', async () => {
    const updates = start();
    updates.checkQuietly();
    updater.emit('update-available', { version: '0.2.0' });
    updater.emit('download-progress', { percent: 50 });
    expect(window.setProgressBar).toHaveBeenLastCalledWith(0.5);
    electron.answers.push(1); // Later
    updater.emit('update-downloaded', { version: '0.2.0' });
    await settle();
    expect(electron.boxes).toEqual([expect.objectContaining({ message: 'Rapport 0.2.0 is ready to install', buttons: ['Restart now', 'Later'] })]);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect(window.setProgressBar).toHaveBeenLastCalledWith(-1);

    // Later, from the menu: the same offer, no new check; this time Restart now.
    electron.answers.push(0);
    await updates.checkFromMenu();
    expect(updater.checks).toBe(1);
    expect(restarting).toEqual(['before']);
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  it('log a failed quiet check and say nothing; tell the user when they asked', async () => {
    updater.result = 'fail';
    const updates = start();
    updates.checkQuietly();
    await settle();
    expect(electron.boxes).toEqual([]);
    expect(log.warn).toHaveBeenCalledWith('Update check failed:', 'net::ERR_INTERNET_DISCONNECTED');

    await updates.checkFromMenu();
    await settle();
    expect(electron.boxes.map((b) => b.message)).toEqual(['Rapport could not check for updates']);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('never check in development or an unpackaged run', async () => {
    const updates = start(false);
    updates.checkQuietly();
    await updates.checkFromMenu();
    expect(updater.checks).toBe(0);
    expect(electron.boxes.map((b) => b.message)).toEqual(['Updates come with the installed app']);
  });
});
