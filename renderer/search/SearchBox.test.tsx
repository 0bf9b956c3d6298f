import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { closeAllCoreApis } from '../../test/renderer/coreApi';
import { coreWithPeople } from '../../test/renderer/seedCore';
import { renderWithApi } from '../../test/renderer/renderWithApi';
import { useViewStore } from '../stores/viewStore';
import { SearchBox } from './SearchBox';

afterEach(async () => {
  cleanup();
  delete window.rapport;
  await closeAllCoreApis();
});

function box(): HTMLInputElement {
  return screen.getByRole('searchbox', { name: 'Search people' }) as HTMLInputElement;
}

describe('SearchBox', () => {
  it('searches inside the list on screen, keeping its other filters, and Escape only drops the words', async () => {
    renderWithApi(await coreWithPeople(), <SearchBox accountId={1} />);
    act(() => useViewStore.getState().showPeople({ stages: ['new'] }, { sort: 'score' }));
    fireEvent.change(box(), { target: { value: '  pottery ' } });
    await waitFor(() => expect(useViewStore.getState().filter).toEqual({ stages: ['new'], query: 'pottery' }));
    expect(useViewStore.getState().sort).toBe('score');

    fireEvent.keyDown(box(), { key: 'Escape' });
    expect(box().value).toBe('');
    expect(useViewStore.getState()).toMatchObject({ view: 'people', filter: { stages: ['new'] } });
  });

  it('Enter searches at once; a query set elsewhere shows in the box', async () => {
    renderWithApi(await coreWithPeople(), <SearchBox accountId={1} />);
    act(() => useViewStore.getState().setView('stats'));
    fireEvent.change(box(), { target: { value: 'rust' } });
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(useViewStore.getState()).toMatchObject({ view: 'people', filter: { query: 'rust' }, viewBeforeSearch: 'stats' });

    act(() => useViewStore.getState().showPeople({ query: 'saved words' }, { savedFilterId: 4 }));
    expect(box().value).toBe('saved words');
    fireEvent.keyDown(box(), { key: 'Escape' });
    expect(useViewStore.getState().view).toBe('stats');
  });
});
