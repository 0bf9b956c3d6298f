import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { closeAllCoreApis, type CoreApi } from '../../test/renderer/coreApi';
import { coreWithPeople } from '../../test/renderer/seedCore';
import { seedInteractions } from '../../test/renderer/seedInteractions';
import { renderWithApi, stubLayout } from '../../test/renderer/renderWithApi';
import { resetPeopleList } from '../stores/peopleListStore';
import { useViewStore } from '../stores/viewStore';

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout(800, 900);
  resetPeopleList();
});
afterEach(async () => {
  cleanup();
  restoreLayout();
  delete window.rapport;
  await closeAllCoreApis();
});

/**
 * Twelve followers; I follow 5 and 10 back (seedCore). Person 9 replied twice and liked once (7
 * points), 7 replied once (3), 3 liked twice (2); 5 replied but I already follow them; I replied
 * to 11, who never engaged with me.
 */
async function coreWithEngagement(): Promise<CoreApi> {
  const api = await coreWithPeople([12]);
  seedInteractions(api, [
    { personId: 9, kind: 'reply', count: 2 },
    { personId: 9, kind: 'like', count: 1 },
    { personId: 7, kind: 'reply', count: 1 },
    { personId: 3, kind: 'like', count: 2 },
    { personId: 5, kind: 'reply', count: 4 },
    { personId: 11, kind: 'reply', count: 3, direction: 'mine' },
  ]);
  return api;
}

const rowIds = () => screen.getAllByTestId('person-row').map((row) => Number(row.getAttribute('data-person-id')));

function nav(name: string): HTMLElement {
  return within(screen.getByRole('navigation', { name: 'Views' })).getByRole('button', { name });
}

describe('Engages with you, not followed back', () => {
  it('the sidebar view lists who engages with me and I do not follow, most engaged first, with their count', async () => {
    renderWithApi(await coreWithEngagement());
    await screen.findAllByTestId('card');
    fireEvent.click(nav('Engages with you, not followed back'));
    expect(await screen.findByRole('heading', { name: 'Engages with you, not followed back' })).toBeTruthy();
    await waitFor(() => expect(rowIds()).toEqual([9, 7, 3]));
    expect(screen.getByTestId('people-total').textContent).toBe('3');
    expect(nav('Engages with you, not followed back').getAttribute('aria-current')).toBe('page');
    // Each row says why it is there.
    const first = screen.getAllByTestId('person-row')[0]!;
    expect(within(first).getByTestId('row-engagement').textContent).toBe('Replied 2× · liked 1');
    // The filter bar shows what the view is made of, and the order.
    const bar = screen.getByTestId('filter-bar');
    expect(within(bar).getByRole('button', { name: 'Engages with me' }).getAttribute('aria-pressed')).toBe('true');
    expect((within(bar).getByRole('combobox', { name: 'Relationship' }) as HTMLSelectElement).value).toBe('notFollowedBack');
    expect((within(bar).getByRole('combobox', { name: 'Order people by' }) as HTMLSelectElement).value).toBe('engaged');
  });

  it('opens with g e, and the Engages with me toggle alone also lists people I follow', async () => {
    renderWithApi(await coreWithEngagement());
    await screen.findAllByTestId('card');
    fireEvent.keyDown(document.body, { key: 'g' });
    fireEvent.keyDown(document.body, { key: 'e' });
    expect(useViewStore.getState()).toMatchObject({ view: 'people', filter: { engages: true, relationship: 'notFollowedBack' }, sort: 'engaged' });
    await waitFor(() => expect(rowIds()).toEqual([9, 7, 3]));

    // Dropping the relationship keeps "engages": the mutual follower who replied comes in.
    fireEvent.change(within(screen.getByTestId('filter-bar')).getByRole('combobox', { name: 'Relationship' }), { target: { value: '' } });
    await waitFor(() => expect(rowIds()).toEqual([5, 9, 7, 3]));
    expect(screen.getByRole('heading', { name: 'People' })).toBeTruthy();
    // Toggling it off lists everyone again.
    fireEvent.click(screen.getByRole('button', { name: 'Engages with me' }));
    await waitFor(() => expect(screen.getByTestId('people-total').textContent).toBe('12'));
  });
});
