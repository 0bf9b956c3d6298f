import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { closeAllCoreApis, failNext, type CoreApi } from '../../test/renderer/coreApi';
import { withCoreDatabase } from '../../test/renderer/coreDatabase';
import { coreWithPeople } from '../../test/renderer/seedCore';
import { renderWithApi, stubLayout } from '../../test/renderer/renderWithApi';

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
});
afterEach(async () => {
  cleanup();
  restoreLayout();
  delete window.rapport;
  await closeAllCoreApis();
});

const hostileBio = 'Hello <img src=x onerror=alert(1)>\nsecond line <b>bold</b>';

/** Three followers; the second one's name, bio and posts are hostile text, stored as a sync stores them. */
async function apiWithHostileProfile(): Promise<CoreApi> {
  const api = await coreWithPeople([3]);
  withCoreDatabase(api, (db) => {
    db.prepare('UPDATE people SET display_name = ?, bio = ?, posts_count = 42 WHERE id = 2').run('Ada <script>alert(2)</script> Lovelace', hostileBio);
    const post = db.prepare('INSERT INTO posts (person_id, remote_id, text, created_at, is_reply, is_repost) VALUES (2, ?, ?, ?, ?, 0)');
    // Core lists posts newest first.
    post.run('p7', 'First post <img src=y onerror=alert(3)>', new Date(Date.now() - 3_600_000).toISOString(), 0);
    post.run('p8', 'A reply', new Date(Date.now() - 3 * 86_400_000).toISOString(), 1);
  });
  return api;
}

describe('ProfileDrawer', () => {
  it('opens with Enter on a card and shows bio and posts as plain text', async () => {
    const api = await apiWithHostileProfile();
    renderWithApi(api);
    await waitFor(() => expect(within(screen.getByTestId('list-new')).getAllByTestId('card')).toHaveLength(3));
    const card = screen.getAllByTestId('card')[1];
    if (!card) throw new Error('no card');
    card.focus();
    fireEvent.keyDown(card, { key: 'Enter' });

    const dialog = await screen.findByRole('dialog', { name: 'Profile of Ada <script>alert(2)</script> Lovelace' });
    const bio = await within(dialog).findByTestId('drawer-bio');
    expect(bio.textContent).toBe(hostileBio);
    expect(within(dialog).getAllByTestId('drawer-post').map((post) => post.querySelector('.drawer-post-text')?.textContent)).toEqual([
      'First post <img src=y onerror=alert(3)>',
      'A reply',
    ]);
    // Nothing remote became markup: no img (the avatar falls back to initials), no script, no b.
    expect(dialog.querySelector('img, script, b')).toBeNull();
    expect(within(dialog).getByText('42')).toBeTruthy();
    expect(within(dialog).getByText(/^Joined /)).toBeTruthy();
    expect(api.callsOf('getProfile')).toEqual([{ accountId: 1, personId: 2 }]);
  });

  it('keeps focus inside while open, closes with Escape and gives focus back to the card', async () => {
    renderWithApi(await apiWithHostileProfile());
    await waitFor(() => expect(screen.getAllByTestId('card')).toHaveLength(3));
    const card = screen.getAllByTestId('card')[0];
    if (!card) throw new Error('no card');
    card.focus();
    fireEvent.click(card);
    const dialog = await screen.findByRole('dialog', { name: 'Profile of Person 1' });
    const close = within(dialog).getByRole('button', { name: 'Close profile' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(document, { key: 'Tab' });
    expect(dialog.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(card);
  });

  it('says why when the profile is not in the cache', async () => {
    const api = await apiWithHostileProfile();
    failNext(api, 'getProfile', () => Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: 'This profile is not cached yet.' } }));
    renderWithApi(api);
    await waitFor(() => expect(screen.getAllByTestId('card')).toHaveLength(3));
    fireEvent.click(screen.getAllByTestId('card')[0] as HTMLElement);
    const dialog = await screen.findByRole('dialog');
    expect((await within(dialog).findByRole('alert')).textContent).toBe('This profile is not cached yet.');
  });

  it('says a key pressed while loading was not carried out when the profile could not be read', async () => {
    const api = await apiWithHostileProfile();
    failNext(api, 'getProfile', () => Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: 'This profile is not cached yet.' } }));
    renderWithApi(api);
    await waitFor(() => expect(screen.getAllByTestId('card')).toHaveLength(3));
    fireEvent.click(screen.getAllByTestId('card')[0] as HTMLElement);
    const dialog = screen.getByRole('dialog');
    fireEvent.keyDown(dialog, { key: 'd' });
    expect((await within(dialog).findByRole('alert')).textContent).toBe('This profile is not cached yet. Nothing was moved to Declined.');
    expect(api.callsOf('moveCard')).toEqual([]);
  });
});
