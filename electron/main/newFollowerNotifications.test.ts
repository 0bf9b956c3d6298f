// Notifications against a scripted Electron Notification: the text, one per account and sync,
// the setting and focus rules, and the click that opens Review for the right account.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const shown: Array<{ options: { title: string; body: string }; emit(event: string): void }> = [];
  return { shown, supported: { value: true } };
});
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class Notification extends Emitter {
    static isSupported = (): boolean => electron.supported.value;
    constructor(readonly options: { title: string; body: string }) {
      super();
    }
    show(): void {
      electron.shown.push(this);
    }
  }
  return { Notification };
});

const { createNewFollowerNotifier, newFollowersText } = await import('./newFollowerNotifications');

const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const arrived = (accountId: number, count: number, promising: number, networkLabel = 'Bluesky') => ({
  accountId,
  runId: 40 + accountId,
  network: networkLabel === 'Bluesky' ? ('bluesky' as const) : ('mastodon' as const),
  networkLabel,
  count,
  promising,
});

let settings: { enabled: boolean; focused: boolean };
let opened: number[];
function notifier() {
  return createNewFollowerNotifier({
    enabled: () => settings.enabled,
    windowFocused: () => settings.focused,
    openReview: (accountId) => opened.push(accountId),
    log,
  });
}
beforeEach(() => {
  electron.shown.length = 0;
  electron.supported.value = true;
  settings = { enabled: true, focused: false };
  opened = [];
});

describe('new-follower notifications', () => {
  it('say how many arrived on which network and how many look promising', () => {
    expect(newFollowersText(arrived(1, 12, 3))).toEqual({ title: '12 new followers on Bluesky', body: '3 look promising' });
    expect(newFollowersText(arrived(1, 1, 1, 'Mastodon'))).toEqual({ title: '1 new follower on Mastodon', body: 'Looks promising' });
    expect(newFollowersText(arrived(1, 4, 1))).toEqual({ title: '4 new followers on Bluesky', body: '1 looks promising' });
    expect(newFollowersText(arrived(1, 5, 5)).body).toBe('All 5 look promising');
    expect(newFollowersText(arrived(1, 5, 0)).body).toBe('Open Review to decide who you build ties with.');
  });

  it('show one notification per account and sync, never one per person', () => {
    const n = notifier();
    n.arrived(arrived(1, 12, 3));
    n.arrived(arrived(2, 250, 40, 'Mastodon'));
    expect(electron.shown.map((s) => s.options)).toEqual([
      { title: '12 new followers on Bluesky', body: '3 look promising' },
      { title: '250 new followers on Mastodon', body: '40 look promising' },
    ]);
  });

  it('open Review for the account the clicked notification is about', () => {
    const n = notifier();
    n.arrived(arrived(1, 12, 3));
    n.arrived(arrived(2, 3, 0, 'Mastodon'));
    electron.shown[1]!.emit('click');
    expect(opened).toEqual([2]);
    electron.shown[0]!.emit('click');
    expect(opened).toEqual([2, 1]);
  });

  it('stay quiet when turned off, while the window has focus, or where the OS has none', () => {
    const n = notifier();
    settings.enabled = false;
    n.arrived(arrived(1, 12, 3));
    settings = { enabled: true, focused: true };
    n.arrived(arrived(1, 12, 3));
    settings.focused = false;
    electron.supported.value = false;
    n.arrived(arrived(1, 12, 3));
    expect(electron.shown).toHaveLength(0);
  });

  it('refuse a malformed event instead of showing it', () => {
    const n = notifier();
    n.arrived({ ...arrived(1, 12, 3), networkLabel: '' });
    n.arrived({ ...arrived(1, 0, 0) });
    n.arrived({ ...arrived(1, 2, 1), html: '<b>x</b>' });
    expect(electron.shown).toHaveLength(0);
    expect(log.warn).toHaveBeenCalledTimes(3);
  });
});

