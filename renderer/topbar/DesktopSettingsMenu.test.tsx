// The desktop settings from the top bar: they show what core stores and each switch applies at once.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { InMemoryRapportApi } from '../testing/inMemoryRapportApi';
import { renderWithApi } from '../testing/renderWithApi';
import { useDesktopSettingsStore } from '../stores/desktopSettingsStore';
import { DesktopSettingsMenu } from './DesktopSettingsMenu';

afterEach(() => {
  cleanup();
  useDesktopSettingsStore.setState({ settings: null });
  delete window.rapport;
});

describe('desktop settings menu', () => {
  it('shows the stored settings, off by default for background syncing and open at login', async () => {
    renderWithApi(new InMemoryRapportApi(), <DesktopSettingsMenu />);
    fireEvent.click(screen.getByRole('button', { name: 'Desktop settings' }));
    const notifications = await screen.findByRole('checkbox', { name: 'Tell me about new followers' });
    expect((notifications as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Keep syncing when the window is closed' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: 'Open Rapport when I log in' }) as HTMLInputElement).checked).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(notifications));
  });

  it('applies a switch at once through the contract', async () => {
    const api = new InMemoryRapportApi();
    renderWithApi(api, <DesktopSettingsMenu />);
    fireEvent.click(screen.getByRole('button', { name: 'Desktop settings' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Keep syncing when the window is closed' }));
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'Keep syncing when the window is closed' }) as HTMLInputElement).checked).toBe(true));
    expect(api.callsOf('setDesktopSettings')).toEqual([{ keepSyncingInBackground: true }]);
    expect(api.desktopSettings.keepSyncingInBackground).toBe(true);

    fireEvent.keyDown(screen.getByRole('dialog', { name: 'Desktop' }), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Desktop settings' }));
  });
});
