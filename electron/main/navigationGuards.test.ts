import type { HandlerDetails, WebContents, WindowOpenHandlerResponse } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  return {
    app: new EventEmitter(),
    shell: { openExternal: vi.fn(async (_url: string) => undefined) },
  };
});
vi.mock('electron', () => electron);

const { installNavigationGuards } = await import('./navigationGuards');
const { openExternalSafely } = await import('./externalLinks');
const { ExternalHostAllowList } = await import('./externalUrlPolicy');
const { EventEmitter } = await import('node:events');

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string) => boolean;

/** The parts of a WebContents the guards touch, recording what they install. */
class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  readonly session = {
    requestHandler: null as PermissionRequestHandler | null,
    checkHandler: null as PermissionCheckHandler | null,
    setPermissionRequestHandler(handler: PermissionRequestHandler) {
      this.requestHandler = handler;
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler) {
      this.checkHandler = handler;
    },
  };
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn(), defaultPrevented: false, isSameDocument: false, isMainFrame: true, frame: null };
}

const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const allowList = new ExternalHostAllowList(['bsky.app']);
let contents: FakeWebContents;

installNavigationGuards({
  trustedOrigins: new Set(['app://rapport']),
  openExternal: (url) => openExternalSafely(url, allowList, log),
  log,
});

beforeEach(() => {
  electron.shell.openExternal.mockClear();
  contents = new FakeWebContents();
  electron.app.emit('web-contents-created', {}, contents as unknown as WebContents);
});

describe('navigation guards', () => {
  it('lets the window navigate inside the app origin', () => {
    const event = navigationEvent('app://rapport/index.html#board');
    contents.emit('will-navigate', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it.each(['https://evil.example/phish', 'file:///etc/passwd', 'http://127.0.0.1:8080/', 'app://other/index.html'])(
    'prevents navigation to another origin: %s',
    (url) => {
      const event = navigationEvent(url);
      contents.emit('will-navigate', event);
      expect(event.preventDefault).toHaveBeenCalled();
      expect(electron.shell.openExternal).not.toHaveBeenCalled();
    },
  );

  it('opens an allow-listed https link in the browser instead of navigating to it', async () => {
    const event = navigationEvent('https://bsky.app/profile/ada.bsky.social');
    contents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() =>
      expect(electron.shell.openExternal).toHaveBeenCalledWith('https://bsky.app/profile/ada.bsky.social'),
    );
  });

  it('prevents redirects away from the app', () => {
    const away = navigationEvent('https://evil.example/');
    contents.emit('will-redirect', away);
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = navigationEvent('app://rapport/index.html');
    contents.emit('will-redirect', inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('denies window.open, routing allow-listed https URLs to the browser', async () => {
    const open = contents.windowOpenHandler;
    if (!open) throw new Error('no window open handler installed');
    const details = (url: string) =>
      ({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' } }) as HandlerDetails;

    expect(open(details('https://evil.example/'))).toEqual({ action: 'deny' });
    expect(open(details('app://rapport/index.html'))).toEqual({ action: 'deny' });
    expect(open(details('https://bsky.app/profile/ada'))).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(electron.shell.openExternal).toHaveBeenCalledTimes(1));
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://bsky.app/profile/ada');
  });

  it('prevents attaching a <webview>', () => {
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, { nodeIntegration: true }, { src: 'https://evil.example/' });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every permission request and check', () => {
    const request = contents.session.requestHandler;
    const check = contents.session.checkHandler;
    if (!request || !check) throw new Error('permission handlers not installed');
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      request(contents, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check(contents, permission, 'app://rapport')).toBe(false);
    }
  });
});
