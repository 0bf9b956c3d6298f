import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { closeAllCoreApis, failNext, type CoreApi } from '../../test/renderer/coreApi';
import { withCoreDatabase } from '../../test/renderer/coreDatabase';
import { coreWithPeople } from '../../test/renderer/seedCore';
import { seedInteractions } from '../../test/renderer/seedInteractions';
import { renderWithApi, stubLayout } from '../../test/renderer/renderWithApi';
import { useViewStore } from '../stores/viewStore';
import { resetReview, useReviewStore } from '../review/reviewStore';
import { LATEST_INTERACTIONS } from './LatestInteractions';

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
  resetReview();
});
afterEach(async () => {
  cleanup();
  restoreLayout();
  delete window.rapport;
  await closeAllCoreApis();
});

const HOSTILE = '<img src=x onerror="window.__owned=1">Thanks! \u202Eevil';

/**
 * Person 1 replied with hostile words and a link, liked six posts, and I replied once; Person 2
 * liked twice long ago (rows purged by retention, counts kept); Person 3 never engaged.
 */
async function coreWithInteractions(): Promise<CoreApi> {
  const api = await coreWithPeople([3]);
  seedInteractions(api, [
    { personId: 1, kind: 'like', count: 6, at: '2026-01-02T08:00:00.000Z' },
    { personId: 1, kind: 'reply', direction: 'mine', at: '2026-01-03T08:00:00.000Z', link: 'https://bsky.app/profile/you.sample/post/mine', excerpt: 'Glad you liked it' },
    {
      personId: 1,
      kind: 'reply',
      at: '2026-01-04T08:00:00.000Z',
      link: 'https://bsky.app/profile/person1.sample/post/3k',
      excerpt: HOSTILE,
    },
    { personId: 1, kind: 'mention', at: '2025-12-01T08:00:00.000Z', link: 'javascript:alert(1)', excerpt: 'hey @you' },
    { personId: 2, kind: 'like', count: 2, at: '2025-01-01T08:00:00.000Z' },
  ]);
  withCoreDatabase(api, (db) => db.prepare("DELETE FROM interactions WHERE person_remote_id = 'sample:2'").run());
  return api;
}

async function openDrawer(personId: number): Promise<HTMLElement> {
  await waitFor(() => expect(screen.getAllByTestId('card')).toHaveLength(3));
  const card = screen.getAllByTestId('card').find((c) => c.getAttribute('data-person-id') === String(personId));
  fireEvent.click(card!);
  const dialog = await screen.findByRole('dialog', { name: `Profile of Person ${personId}` });
  return within(dialog).getByRole('region', { name: 'Their latest interactions' });
}

describe('Their latest interactions', () => {
  it('lists the latest few both ways, newest first, words as plain text and links out only over https', async () => {
    renderWithApi(await coreWithInteractions());
    const section = await openDrawer(1);
    await waitFor(() => expect(within(section).getAllByTestId('interaction')).toHaveLength(LATEST_INTERACTIONS));
    const rows = within(section).getAllByTestId('interaction');
    expect(rows.map((row) => row.querySelector('.interaction-label')?.textContent)).toEqual([
      'Replied to you',
      'You replied',
      'Liked your post',
      'Liked your post',
      'Liked your post',
    ]);
    const reply = rows[0]!;
    expect(reply.querySelector('time')?.getAttribute('dateTime')).toBe('2026-01-04T08:00:00.000Z');
    // Hostile words stay words: no element made of them, no direction override left in them.
    expect(reply.querySelector('.interaction-excerpt img')).toBeNull();
    expect(reply.querySelector('.interaction-excerpt')?.textContent).toContain('<img src=x onerror="window.__owned=1">Thanks!');
    expect(reply.querySelector('.interaction-excerpt')?.textContent).not.toContain('\u202E');
    const link = within(reply).getByRole('link', { name: 'Replied to you: open on the sample network' });
    expect(link.getAttribute('href')).toBe('https://bsky.app/profile/person1.sample/post/3k');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');

    // Older ones on request, and a javascript: link never becomes a link.
    fireEvent.click(within(section).getByRole('button', { name: 'Show older' }));
    await waitFor(() => expect(within(section).getAllByTestId('interaction')).toHaveLength(9));
    const mention = within(section).getAllByTestId('interaction')[8]!;
    expect(mention.getAttribute('data-kind')).toBe('mention');
    expect(within(mention).queryByRole('link')).toBeNull();
    expect(within(section).queryByRole('button', { name: 'Show older' })).toBeNull();
  });

  it('says truthfully why it is empty: nothing yet, or cleared by retention while the counts remain', async () => {
    renderWithApi(await coreWithInteractions());
    const none = await openDrawer(3);
    expect(await within(none).findByText('No replies, mentions, likes or reposts between you are recorded yet.')).toBeTruthy();
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const purged = await openDrawer(2);
    expect(await within(purged).findByText(/cleared by the retention setting/)).toBeTruthy();
  });

  it('says when they cannot be read', async () => {
    const api = await coreWithInteractions();
    renderWithApi(api);
    failNext(api, 'listInteractions', () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'The database is busy.' } }));
    const section = await openDrawer(1);
    expect(await within(section).findByText('Interactions are not available: The database is busy.')).toBeTruthy();
  });

  it('the timeline groups them per kind and day instead of a line per like', async () => {
    const api = await coreWithPeople([3]);
    seedInteractions(api, [
      { personId: 1, kind: 'like', at: '2026-01-02T08:00:00.000Z' },
      { personId: 1, kind: 'like', at: '2026-01-02T09:00:00.000Z' },
      { personId: 1, kind: 'like', at: '2026-01-02T10:00:00.000Z' },
      { personId: 1, kind: 'reply', at: '2026-01-02T11:00:00.000Z' },
    ]);
    renderWithApi(api);
    await openDrawer(1);
    const timeline = await screen.findByTestId('timeline');
    await waitFor(() => expect(timeline.querySelectorAll('[data-kind="interactions"]')).toHaveLength(2));
    expect(Array.from(timeline.querySelectorAll('[data-kind="interactions"]'), (entry) => entry.querySelector('.remote-plain')?.textContent)).toContain(
      'Liked 3 of your posts',
    );
  });

  it('shows in Review for the person under review', async () => {
    renderWithApi(await coreWithInteractions());
    await waitFor(() => expect(screen.getAllByTestId('card')).toHaveLength(3));
    act(() => useViewStore.getState().setView('review'));
    const person = await screen.findByRole('region', { name: 'Reviewing Person 1' });
    const section = await within(person).findByRole('region', { name: 'Their latest interactions' });
    await waitFor(() => expect(within(section).getAllByTestId('interaction')[0]?.querySelector('.interaction-label')?.textContent).toBe('Replied to you'));
  });

  it('in Review, the next person\'s interactions are read ahead and show the moment they come up', async () => {
    const api = await coreWithInteractions();
    seedInteractions(api, [{ personId: 2, kind: 'quote', at: '2026-01-05T08:00:00.000Z', excerpt: 'So true' }]);
    renderWithApi(api);
    await waitFor(() => expect(screen.getAllByTestId('card')).toHaveLength(3));
    act(() => useViewStore.getState().setView('review'));
    await screen.findByRole('region', { name: 'Reviewing Person 1' });
    await waitFor(() => expect(useReviewStore.getState().interactions[2]?.items).toHaveLength(1));
    fireEvent.keyDown(document.body, { key: 'd' });
    const next = screen.getByRole('region', { name: 'Reviewing Person 2' });
    const section = within(next).getByRole('region', { name: 'Their latest interactions' });
    // No placeholder in between: the quote is there on the first paint.
    expect(within(section).queryByTestId('interactions-loading')).toBeNull();
    expect(within(section).getByTestId('interaction').querySelector('.interaction-label')?.textContent).toBe('Quoted you');
  });
});
