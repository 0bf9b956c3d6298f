import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

const electron = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class FakeBrowserWindow extends Emitter {
    static created: FakeBrowserWindow[] = [];
    readonly loadURL = vi.fn(async (_url: string) => undefined);
    readonly show = vi.fn();
    readonly maximize = vi.fn();
    readonly setBackgroundColor = vi.fn();
    readonly isDestroyed = (): boolean => false;
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      FakeBrowserWindow.created.push(this);
    }
  }
  const nativeTheme = Object.assign(new Emitter(), { shouldUseDarkColors: true });
  return { BrowserWindow: FakeBrowserWindow, nativeTheme };
});
vi.mock('electron', () => electron);

const { createMainWindow } = await import('./createMainWindow');
const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

describe('createMainWindow', () => {
  it('creates a sandboxed window on app://, shown once ready, following the OS theme', () => {
    createMainWindow({ preloadPath: '/out/preload/index.js', entryUrl: 'app://rapport/index.html', log });
    const window = electron.BrowserWindow.created.at(-1);
    if (!window) throw new Error('no window');

    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/out/preload/index.js',
    });
    expect(window.options.backgroundColor).toBe('#16171b');
    expect(window.loadURL).toHaveBeenCalledWith('app://rapport/index.html');

    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);

    electron.nativeTheme.shouldUseDarkColors = false;
    electron.nativeTheme.emit('updated');
    expect(window.setBackgroundColor).toHaveBeenCalledWith('#f7f7f5');

    window.emit('closed');
    expect(electron.nativeTheme.listenerCount('updated')).toBe(0);
    expect(EventEmitter.listenerCount(electron.nativeTheme, 'updated')).toBe(0);
  });

  it('opens where the saved state says, maximized before it is first shown', () => {
    const placement = { x: 1600, y: 80, width: 1500, height: 900, maximized: true };
    createMainWindow({ preloadPath: '/p.js', entryUrl: 'app://rapport/index.html', log, placement });
    const window = electron.BrowserWindow.created.at(-1)!;
    expect(window.options).toMatchObject({ x: 1600, y: 80, width: 1500, height: 900, minWidth: 880 });
    expect(window.options).not.toHaveProperty('maximized');
    window.emit('ready-to-show');
    expect(window.maximize).toHaveBeenCalledTimes(1);
    expect(window.maximize.mock.invocationCallOrder[0]).toBeLessThan(window.show.mock.invocationCallOrder[0]!);
  });
});
