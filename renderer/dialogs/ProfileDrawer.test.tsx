import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { InMemoryRapportApi, makePeople, sampleAccount } from '../testing/inMemoryRapportApi';
import { renderWithApi, stubLayout } from '../testing/renderWithApi';

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
});
afterEach(() => {
  cleanup();
  restoreLayout();
  delete window.rapport;
});

const hostileBio = 'Hello <img src=x onerror=alert(1)>\nsecond line <b>bold</b>';

function apiWithHostileProfile(): InMemoryRapportApi {
  const people = makePeople(3);
  return new InMemoryRapportApi({
    accounts: [sampleAccount()],
    people,
    profiles: {
      2: {
        bio: hostileBio,
        displayName: 'Ada <script>alert(2)</script> Lovelace',
        postsCount: 42,
        recentPosts: [
          { id: 7, remoteId: 'p7', text: 'First post <img src=y onerror=alert(3)>', createdAt: new Date(Date.now() - 3 * 86_400_000).toISOString(), isReply: false, isRepost: false },
          { id: 8, remoteId: 'p8', text: 'A reply', createdAt: new Date(Date.now() - 3_600_000).toISOString(), isReply: true, isRepost: false },
        ],
      },
    },
  });
}

describe('ProfileDrawer', () => {
  it('opens with Enter on a card and shows bio and posts as plain text', async () => {
    const api = apiWithHostileProfile();
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
    renderWithApi(apiWithHostileProfile());
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
    const api = apiWithHostileProfile();
    api.getProfile = () => Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: 'This profile is not cached yet.' } });
    renderWithApi(api);
    await waitFor(() => expect(screen.getAllByTestId('card')).toHaveLength(3));
    fireEvent.click(screen.getAllByTestId('card')[0] as HTMLElement);
    const dialog = await screen.findByRole('dialog');
    expect((await within(dialog).findByRole('alert')).textContent).toBe('This profile is not cached yet.');
  });
});
