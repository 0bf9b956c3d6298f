import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { InMemoryRapportApi, makePeople, sampleAccount } from '../testing/inMemoryRapportApi';
import { triageOf } from '../testing/inMemoryTriage';
import { renderWithApi } from '../testing/renderWithApi';
import { useViewStore } from '../stores/viewStore';
import { useSavedFiltersStore } from '../stores/savedFiltersStore';
import { useTagsStore } from '../stores/tagsStore';
import { Sidebar } from './Sidebar';

beforeEach(() => {
  useSavedFiltersStore.setState({ accountId: null, filters: [], error: null });
  useTagsStore.setState({ accountId: null, tags: [], error: null });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  delete window.rapport;
});

function doubleWithData(): InMemoryRapportApi {
  const people = makePeople(12).map((p) => ({ ...p, tags: p.personId <= 3 ? ['friend'] : p.personId <= 10 ? ['later'] : [] }));
  const api = new InMemoryRapportApi({ accounts: [sampleAccount()], people });
  triageOf(api).saveFilter({ accountId: 1, name: 'Bait', filter: { signals: ['follow-bait'] } });
  triageOf(api).saveFilter({ accountId: 1, name: 'Friends', filter: { tags: ['friend'] } });
  return api;
}

function nav(name: string): HTMLElement {
  return within(screen.getByRole('navigation', { name: 'Views' })).getByRole('button', { name });
}

describe('Sidebar', () => {
  it('switches views and marks the active one with aria-current', () => {
    renderWithApi(doubleWithData(), <Sidebar accountId={1} />);
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
    renderWithApi(doubleWithData(), <Sidebar accountId={1} />);
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
    const api = doubleWithData();
    renderWithApi(api, <Sidebar accountId={1} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete saved filter Bait' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Delete “Bait”?' })).getByRole('button', { name: 'Cancel' }));
    expect(triageOf(api).savedFilters).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: 'Delete saved filter Bait' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Bait' })).toBeNull());
    expect(triageOf(api).savedFilters.map((f) => f.name)).toEqual(['Friends']);
  });

  it('exports the list on screen as a file download', async () => {
    const api = doubleWithData();
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
    expect(clicked).toEqual(['rapport-people.csv']);
    const blob = created[0];
    if (!blob) throw new Error('no file was offered');
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blob);
    });
    expect(text.split('\n')).toHaveLength(4);
  });

  it('collapses to named icons and expands again', () => {
    renderWithApi(doubleWithData(), <Sidebar accountId={1} />);
    fireEvent.click(screen.getByRole('button', { name: 'Collapse sidebar' }));
    expect(screen.queryByRole('heading', { name: 'Saved filters' })).toBeNull();
    expect(nav('Stats')).toBeTruthy();
    const expand = screen.getByRole('button', { name: 'Expand sidebar' });
    expect(expand.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(expand);
    expect(screen.getByRole('heading', { name: 'Saved filters' })).toBeTruthy();
  });
});
