// The window comes back where it was, on a display that still exists, and its state is saved to a
// real file as it settles and on close.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { placeOnDisplays, rememberWindowState, SAVE_DEBOUNCE_MS } from './windowPlacement';
import { readWindowState, WINDOW_STATE_FILE, writeWindowState } from './windowStateFile';

const DEFAULTS = { width: 1280, height: 820 };
const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorRight = { x: 1440, y: -200, width: 2560, height: 1400 };

describe('placing the window on the displays there are', () => {
  it('restores size, place and maximized as saved when that place is on a display', () => {
    const saved = { x: 1600, y: 100, width: 1500, height: 900, maximized: true };
    expect(placeOnDisplays(saved, [laptop, monitorRight], DEFAULTS)).toEqual(saved);
  });

  it('lets the OS place a window whose monitor was unplugged, at a size that fits', () => {
    const saved = { x: 1600, y: 100, width: 2000, height: 1200, maximized: false };
    expect(placeOnDisplays(saved, [laptop], DEFAULTS)).toEqual({ width: 1440, height: 875, maximized: false });
  });

  it('pulls a window hanging off the edge back inside the display its title bar is on', () => {
    const saved = { x: 1300, y: 700, width: 1000, height: 600, maximized: false };
    expect(placeOnDisplays(saved, [laptop], DEFAULTS)).toEqual({ x: 440, y: 275, width: 1000, height: 600, maximized: false });
  });

  it('does not count a title bar above the top of every display as reachable', () => {
    const saved = { x: 100, y: -500, width: 800, height: 600, maximized: false };
    expect(placeOnDisplays(saved, [laptop], DEFAULTS)).toEqual({ width: 800, height: 600, maximized: false });
  });

  it('uses the default size the first time', () => {
    expect(placeOnDisplays(null, [laptop], DEFAULTS)).toEqual({ ...DEFAULTS, maximized: false });
  });
});

class FakeWindow extends EventEmitter {
  bounds = { x: 10, y: 20, width: 1000, height: 700 };
  maximized = false;
  destroyed = false;
  getNormalBounds = () => this.bounds;
  isMaximized = () => this.maximized;
  isDestroyed = () => this.destroyed;
}

describe('remembering the window state', () => {
  let dir: string;
  let file: string;
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-window-state-'));
    file = path.join(dir, WINDOW_STATE_FILE);
  });
  afterEach(() => {
    vi.useRealTimers();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('saves once a move or resize settles, not on every step', () => {
    vi.useFakeTimers();
    const window = new FakeWindow();
    rememberWindowState(window as never, file, log);
    window.emit('move');
    window.bounds = { ...window.bounds, x: 50 };
    window.emit('move');
    expect(readWindowState(file)).toBeNull();
    vi.advanceTimersByTime(SAVE_DEBOUNCE_MS);
    expect(readWindowState(file)).toEqual({ x: 50, y: 20, width: 1000, height: 700, maximized: false });
  });

  it('saves at once on maximize and on close, keeping the normal bounds of a maximized window', () => {
    const window = new FakeWindow();
    rememberWindowState(window as never, file, log);
    window.maximized = true;
    window.emit('maximize');
    expect(readWindowState(file)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
    window.maximized = false;
    window.bounds = { x: 0, y: 0, width: 900, height: 600 };
    window.emit('close');
    expect(readWindowState(file)).toEqual({ x: 0, y: 0, width: 900, height: 600, maximized: false });
    expect(fs.readdirSync(dir)).toEqual([WINDOW_STATE_FILE]);
  });

  it('reads a damaged or foreign file as no state at all', () => {
    expect(readWindowState(file)).toBeNull();
    fs.writeFileSync(file, '{"x": 1, "y"');
    expect(readWindowState(file)).toBeNull();
    fs.writeFileSync(file, JSON.stringify({ x: 1, y: 2, width: -5, height: 10, maximized: false }));
    expect(readWindowState(file)).toBeNull();
    writeWindowState(file, { x: 1, y: 2, width: 300, height: 200, maximized: false });
    expect(readWindowState(file)).toEqual({ x: 1, y: 2, width: 300, height: 200, maximized: false });
  });
});
