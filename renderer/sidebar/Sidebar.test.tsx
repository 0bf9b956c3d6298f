import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { closeAllCoreApis, type CoreApi } from '../../test/renderer/coreApi';
import { coreWithPeople } from '../../test/renderer/seedCore';
import { renderWithApi } from '../../test/renderer/renderWithApi';
import { useViewStore } from '../stores/viewStore';
import { useSavedFiltersStore } from '../stores/savedFiltersStore';
import { useTagsStore } from '../stores/tagsStore';
import { Sidebar } from './Sidebar';

beforeEach(() => {
  useSavedFiltersStore.setState({ accountId: null, filters: [], error: null });
  useTagsStore.setState({ accountId: null, tags: [], error: null });
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  delete window.rapport;
  await closeAllCoreApis();
});

/** Twelve followers, tagged friend (1-3) and later (4-10), and two saved filters. */
async function coreWithData(): Promise<CoreApi> {
  const api = await coreWithPeople([12]);
  for (let personId = 1; personId <= 10; personId++) {
    await api.core.call('setTags', { accountId: 1, personId, tags: [personId <= 3 ? 'friend' : 'later'] });
  }
  await api.core.call('saveFilter', { accountId: 1, name: 'Bait', filter: { signals: ['follow-bait'] } });
  await api.core.call('saveFilter', { accountId: 1, name: 'Friends', filter: { tags: ['friend'] } });
  return api;
}

async function savedFilterNames(api: CoreApi): Promise<string[]> {
  const listed = await api.core.call('listSavedFilters', { accountId: 1 });
  if (!listed.ok) throw new Error(listed.error.message);
  return (listed.value as { name: string }[]).map((f) => f.name);
}

function nav(name: string): HTMLElement {
  return within(screen.getByRole('navigation', { name: 'Views' })).getByRole('button', { name });
}

describe('Sidebar', () => {
  it('switches views and marks the active one with aria-current', async () => {
    renderWithApi(await coreWithData(), <Sidebar accountId={1} />);
    expect(nav('Board').getAttribute('aria-current')).toBe('page');
    fireEvent.click(nav('Stats'));
    expect(useViewStore.getState().view).toBe('stats');
    expect(nav('Stats').getAttribute('aria-current')).toBe('page');
    expect(nav('Board').getAttribute('aria-current')).toBeNull();

    fireEvent.click(nav('Not following back'));
    expect(useViewStore.getState()).toMatchObject({ view: 'people', filter: { relationship: 'notFollowingBack' }, sort: 'lastActivity' });
    expect(nav('Not following back').getAttribute('aria-current')).toBe('page');
    fireEvent.click(nav('Review'));
    expect(useViewStore.getState().view).toBe('review');
  });

  it('lists saved filters and tags with counts; a click shows the people list with one', async () => {
    renderWithApi(await coreWithData(), <Sidebar accountId={1} />);
    expect(screen.getByRole('heading', { name: 'Saved filters' })).toBeTruthy();
    const saved = await screen.findByRole('button', { name: 'Friends' });
    fireEvent.click(saved);
    expect(useViewStore.getState()).toMatchObject({ view: 'people', filter: { tags: ['friend'] }, savedFilterId: 2 });
    expect(saved.getAttribute('aria-current')).toBe('page');

    fireEvent.click(await screen.findByRole('button', { name: 'Tag later, 7 people' }));
    expect(useViewStore.getState()).toMatchObject({ view: 'people', filter: { tags: ['later'] }, savedFilterId: null });
    expect(screen.getByRole('button', { name: 'Tag friend, 3 people' }).textContent).toContain('3');
  });

  it('deletes a saved filter only after confirming', async () => {
    const api = await coreWithData();
    renderWithApi(api, <Sidebar accountId={1} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete saved filter Bait' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Delete “Bait”?' })).getByRole('button', { name: 'Cancel' }));
    expect(await savedFilterNames(api)).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: 'Delete saved filter Bait' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Bait' })).toBeNull());
    expect(await savedFilterNames(api)).toEqual(['Friends']);
  });

  it('exports the list on screen as a file download', async () => {
    const api = await coreWithData();
    const created: Blob[] = [];
    const clicked: string[] = [];
    // jsdom has no object URLs or downloads: record what the page hands the browser.
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return 'blob:export';
    };
    URL.revokeObjectURL = () => undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    renderWithApi(api, <Sidebar accountId={1} />);
    act(() => useViewStore.getState().showPeople({ tags: ['friend'] }));
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Exported 3 people as CSV.'));
    expect(api.callsOf('exportPeople')).toEqual([{ accountId: 1, format: 'csv', filter: { tags: ['friend'] } }]);
    // The name core gives the file (account and day) is what the browser saves it as.
    expect(clicked).toHaveLength(1);
    expect(clicked[0]).toMatch(/^rapport-.*\.csv$/);
    const blob = created[0];
    if (!blob) throw new Error('no file was offered');
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blob);
    });
    // A header and the three friends.
    expect(text.trimEnd().split(/\r?\n/)).toHaveLength(4);
  });

  it('collapses to named icons and expands again', async () => {
    renderWithApi(await coreWithData(), <Sidebar accountId={1} />);
    fireEvent.click(screen.getByRole('button', { name: 'Collapse sidebar' }));
    expect(screen.queryByRole('heading', { name: 'Saved filters' })).toBeNull();
    expect(nav('Stats')).toBeTruthy();
    const expand = screen.getByRole('button', { name: 'Expand sidebar' });
    expect(expand.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(expand);
    expect(screen.getByRole('heading', { name: 'Saved filters' })).toBeTruthy();
  });
});
