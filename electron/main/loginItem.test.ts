import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ app: { setLoginItemSettings: vi.fn() } }));
vi.mock('electron', () => electron);
const { applyOpenAtLogin } = await import('./loginItem');

beforeEach(() => vi.clearAllMocks());

describe('open at login', () => {
  it('registers and removes the login item on macOS and Windows', () => {
    expect(applyOpenAtLogin(true, 'darwin')).toBe(true);
    expect(applyOpenAtLogin(false, 'win32')).toBe(true);
    expect(electron.app.setLoginItemSettings.mock.calls).toEqual([[{ openAtLogin: true }], [{ openAtLogin: false }]]);
  });

  it('does nothing on Linux, where Electron has no login items', () => {
    expect(applyOpenAtLogin(true, 'linux')).toBe(false);
    expect(electron.app.setLoginItemSettings).not.toHaveBeenCalled();
  });
});
