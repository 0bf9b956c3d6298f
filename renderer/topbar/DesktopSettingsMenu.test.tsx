// The desktop settings from the top bar, against a real core: they show what core stores, each
// switch is stored at once, and core announces the change main follows.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { RapportEvent } from '../../shared/api/events';
import { closeAllCoreApis, openCoreApi } from '../../test/renderer/coreApi';
import { renderWithApi } from '../../test/renderer/renderWithApi';
import { useDesktopSettingsStore } from '../stores/desktopSettingsStore';
import { DesktopSettingsMenu } from './DesktopSettingsMenu';

afterEach(async () => {
  cleanup();
  useDesktopSettingsStore.setState({ settings: null });
  delete window.rapport;
  await closeAllCoreApis();
});

const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

describe('desktop settings menu', () => {
  it('shows the stored settings: notifications on, background syncing and open at login off', async () => {
    renderWithApi(await openCoreApi(), <DesktopSettingsMenu />);
    fireEvent.click(screen.getByRole('button', { name: 'Desktop settings' }));
    const notifications = (await screen.findByRole('checkbox', { name: 'Tell me about new followers' })) as HTMLInputElement;
    expect(notifications.checked).toBe(true);
    expect(box('Keep syncing when the window is closed').checked).toBe(false);
    expect(box('Open Rapport when I log in').checked).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(notifications));
  });

  it('stores a switch in core at once, and core tells main', async () => {
    const api = await openCoreApi();
    const told: RapportEvent[] = [];
    api.core.onEvent((event) => {
      if (event.event === 'desktopSettings.changed') told.push(event);
    });
    renderWithApi(api, <DesktopSettingsMenu />);
    fireEvent.click(screen.getByRole('button', { name: 'Desktop settings' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Keep syncing when the window is closed' }));
    await waitFor(() => expect(box('Keep syncing when the window is closed').checked).toBe(true));

    const stored = await api.core.call('getDesktopSettings', {});
    expect(stored).toEqual({ ok: true, value: { newFollowerNotifications: true, keepSyncingInBackground: true, openAtLogin: false } });
    expect(told.map((e) => e.payload)).toEqual([{ newFollowerNotifications: true, keepSyncingInBackground: true, openAtLogin: false }]);

    fireEvent.keyDown(screen.getByRole('dialog', { name: 'Desktop' }), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Desktop settings' }));
  });
});
