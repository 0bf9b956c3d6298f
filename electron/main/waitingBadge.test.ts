// The waiting count on the app icon: dock/launcher badge on macOS and Linux, taskbar overlay with a
// spoken description on Windows.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  app: { setBadgeCount: vi.fn((_count?: number) => true) },
  nativeImage: { createFromBitmap: vi.fn((buffer: Buffer, size: { width: number; height: number }) => ({ buffer, size })) },
}));
vi.mock('electron', () => electron);

const { createWaitingBadge } = await import('./waitingBadge');
const { overlayDot, overlayDotPixels } = await import('./overlayDot');

function fakeWindow() {
  return { destroyed: false, isDestroyed() { return this.destroyed; }, setOverlayIcon: vi.fn() };
}

beforeEach(() => vi.clearAllMocks());

describe('waiting badge', () => {
  it('sets the dock badge on macOS and the launcher badge on Linux, clearing it at zero', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      const window = fakeWindow();
      const badge = createWaitingBadge({ platform, getWindow: () => window as never, overlayImage: overlayDot });
      badge.show(12);
      badge.show(0);
      expect(window.setOverlayIcon).not.toHaveBeenCalled();
    }
    expect(electron.app.setBadgeCount.mock.calls).toEqual([[12], [0], [12], [0]]);
  });

  it('puts a described overlay on the Windows taskbar button, and removes it at zero', () => {
    const window = fakeWindow();
    const badge = createWaitingBadge({ platform: 'win32', getWindow: () => window as never, overlayImage: overlayDot });
    badge.show(3);
    expect(window.setOverlayIcon).toHaveBeenLastCalledWith(expect.objectContaining({ size: { width: 16, height: 16 } }), '3 people waiting in New');
    badge.show(0);
    expect(window.setOverlayIcon).toHaveBeenLastCalledWith(null, '');
    expect(electron.app.setBadgeCount).not.toHaveBeenCalled();
  });

  it('leaves a closed window alone', () => {
    const window = fakeWindow();
    window.destroyed = true;
    const badge = createWaitingBadge({ platform: 'win32', getWindow: () => window as never, overlayImage: overlayDot });
    badge.show(3);
    expect(window.setOverlayIcon).not.toHaveBeenCalled();
    createWaitingBadge({ platform: 'win32', getWindow: () => null, overlayImage: overlayDot }).show(3);
  });

  it('draws an opaque dot inside a transparent corner', () => {
    const pixels = overlayDotPixels();
    expect(pixels).toHaveLength(16 * 16 * 4);
    const alphaAt = (x: number, y: number) => pixels[(y * 16 + x) * 4 + 3];
    expect(alphaAt(0, 0)).toBe(0);
    expect(alphaAt(8, 8)).toBe(255);
  });
});
