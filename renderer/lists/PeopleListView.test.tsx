import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { PersonCard, Stage } from '../../shared/domain';
import type { SavedFilter } from '../../shared/triageTypes';
import { closeAllCoreApis, type CoreApi } from '../../test/renderer/coreApi';
import { recomputeCoreSignals, withCoreDatabase } from '../../test/renderer/coreDatabase';
import { coreOffBluesky } from '../../test/renderer/offlineBlueskyCore';
import { coreWithPeople, seedPeople } from '../../test/renderer/seedCore';
import { spendBudget } from '../../test/renderer/seedOutbox';
import { removeSignInKeys } from '../../test/renderer/signInCoreApi';
import { renderWithApi, stubLayout } from '../../test/renderer/renderWithApi';
import { useViewStore } from '../stores/viewStore';
import { resetPeopleList } from '../stores/peopleListStore';
import { useDrawerStore } from '../stores/drawerStore';
import { SearchBox } from '../search/SearchBox';
import { PeopleListView } from './PeopleListView';
import { CONNECTED_REFUSAL } from './peopleListActions';

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
  removeSignInKeys();
});

/** The search box and, once a list is asked for, the people view (as App lays them out). */
function Screens() {
  const view = useViewStore((s) => s.view);
  return (
    <>
      <SearchBox accountId={1} />
      {view === 'people' ? <PeopleListView accountId={1} /> : <p>board</p>}
    </>
  );
}

function rows(): HTMLElement[] {
  return screen.queryAllByTestId('person-row');
}

function rowIds(): number[] {
  return rows().map((row) => Number(row.getAttribute('data-person-id')));
}

function row(personId: number): HTMLElement {
  const found = rows().find((r) => r.getAttribute('data-person-id') === String(personId));
  if (!found) throw new Error(`no row for person ${personId}`);
  return found;
}

function total(): string {
  return screen.getByTestId('people-total').textContent ?? '';
}

/** Runs SQL on core's database, as a sync or earlier edits would have left it. */
function stored(api: CoreApi, sql: string, ...params: unknown[]): void {
  withCoreDatabase(api, (db) => db.prepare(sql).run(...params));
}

/** Tags people in core's database (one tag row, many person_tags), as setTags would. */
function tagPeople(api: CoreApi, tag: string, personIds: number[]): void {
  withCoreDatabase(api, (db) => {
    const at = new Date().toISOString();
    const tagId = db.prepare('INSERT INTO tags (account_id, name, created_at) VALUES (1, ?, ?)').run(tag, at).lastInsertRowid;
    const link = db.prepare('INSERT INTO person_tags (tag_id, person_id, created_at) VALUES (?, ?, ?)');
    db.transaction(() => personIds.forEach((id) => link.run(tagId, id, at)))();
  });
}

/** Who core has in a stage now. */
async function idsIn(api: CoreApi, stage: Stage): Promise<number[]> {
  const page = await api.core.call('queryPeople', { accountId: 1, filter: { stages: [stage] }, sort: 'newest', limit: 500 });
  if (!page.ok) throw new Error(page.error.message);
  return (page.value as { items: PersonCard[] }).items.map((p) => p.personId).sort((a, b) => a - b);
}

async function countIn(api: CoreApi, stage: Stage): Promise<number> {
  const page = await api.core.call('queryPeople', { accountId: 1, filter: { stages: [stage] }, sort: 'newest', limit: 1 });
  if (!page.ok) throw new Error(page.error.message);
  return (page.value as { total: number }).total;
}

describe('people list', () => {
  it('typing in search shows matching people after a pause; Escape clears and goes back', async () => {
    const api = await coreWithPeople([300]);
    stored(api, "UPDATE people SET bio = 'Gardener and ceramicist ' || id WHERE id % 10 = 0");
    renderWithApi(api, <Screens />);
    const box = screen.getByRole('searchbox', { name: 'Search people' });
    expect(box.id).toBe('global-search');

    fireEvent.change(box, { target: { value: 'ceram' } });
    fireEvent.change(box, { target: { value: 'ceramicist' } });
    await waitFor(() => expect(total()).toBe('30'));
    // One query for the words typed, not one per keystroke.
    expect(api.callsOf('queryPeople').filter((c) => (c as { filter: { query?: string } }).filter.query === 'ceram')).toHaveLength(0);
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(rowIds().every((id) => id % 10 === 0)).toBe(true);

    fireEvent.keyDown(box, { key: 'Escape' });
    expect((box as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(screen.getByText('board')).toBeTruthy());
  });

  it('pages through a long list by offset, holding only the rows on screen', async () => {
    const api = await coreWithPeople([5000]);
    renderWithApi(api, <PeopleListView accountId={1} />);
    act(() => useViewStore.getState().showPeople({}));
    await waitFor(() => expect(total()).toBe('5,000'));
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(rows().length).toBeLessThan(60);
    const list = screen.getByTestId('people-list');
    await act(async () => {
      list.scrollTop = 2500 * 84;
      fireEvent.scroll(list);
      await Promise.resolve();
    });
    await waitFor(() => expect(rowIds()).toContain(2501));
    const offsets = api.callsOf('queryPeople').map((c) => (c as { offset?: number }).offset ?? 0);
    expect(offsets).toContain(2500);
    expect(rows().length).toBeLessThan(60);
  });

  it('click opens the profile; shift-click selects a range; ctrl-click toggles', async () => {
    const api = await coreWithPeople([40]);
    renderWithApi(api, <PeopleListView accountId={1} />);
    act(() => useViewStore.getState().showPeople({}));
    await waitFor(() => expect(rows().length).toBeGreaterThan(10));

    fireEvent.click(row(3));
    expect(useDrawerStore.getState().personId).toBe(3);

    fireEvent.click(within(row(2)).getByRole('checkbox', { name: 'Select Person 2' }));
    fireEvent.click(row(6), { shiftKey: true });
    await waitFor(() => expect(screen.getByText('5 selected')).toBeTruthy());
    fireEvent.click(row(4), { ctrlKey: true });
    await waitFor(() => expect(screen.getByText('4 selected')).toBeTruthy());
    expect((within(row(4)).getByRole('checkbox') as HTMLInputElement).checked).toBe(false);
    expect((within(row(5)).getByRole('checkbox') as HTMLInputElement).checked).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Move selected to Evaluated' }));
    await waitFor(() => expect(screen.getByTestId('bulk-summary').textContent).toContain('Moved 4 people to Evaluated'));
    expect(api.callsOf('bulkMove')).toEqual([{ accountId: 1, selection: { personIds: [2, 3, 5, 6] }, stage: 'evaluated' }]);
    expect(await idsIn(api, 'evaluated')).toEqual([2, 3, 5, 6]);
  });

  it('"Select all matching" moves everyone the filter matches in one call, undoes it, and refuses Connected', async () => {
    const api = await coreWithPeople([1500]);
    tagPeople(api, 'spam', Array.from({ length: 1234 }, (_, i) => i + 1));
    renderWithApi(api, <PeopleListView accountId={1} />);
    act(() => useViewStore.getState().showPeople({ tags: ['spam'] }));
    await waitFor(() => expect(total()).toBe('1,234'));

    fireEvent.click(screen.getByRole('button', { name: 'Select all matching' }));
    expect(screen.getByText('All 1,234 people matching selected')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Move selected to Connected' }));
    await waitFor(() => expect(screen.getByTestId('people-notice').textContent).toBe(CONNECTED_REFUSAL));
    expect(api.callsOf('bulkMove')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Move selected to Declined' }));
    await waitFor(() => expect(screen.getByTestId('bulk-summary').textContent).toContain('Moved 1,234 people to Declined'));
    expect(api.callsOf('bulkMove')).toEqual([{ accountId: 1, selection: { filter: { tags: ['spam'] } }, stage: 'declined' }]);
    expect(await countIn(api, 'declined')).toBe(1234);

    fireEvent.click(within(screen.getByTestId('bulk-summary')).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.getByTestId('bulk-summary').textContent).toContain('Put 1,234 people back'));
    expect(await countIn(api, 'declined')).toBe(0);
    expect(await countIn(api, 'new')).toBe(1500);
    expect(api.callsOf('restoreStages')).toHaveLength(1);
  });

  it('filters by stage, relationship, tag and signal through the filter bar', async () => {
    // Even ids in Evaluated, multiples of 3 tagged friend, multiples of 5 asking for follow-backs
    // in their bio (core's recompute stores the signal), and I follow every fifth (mutual).
    const api = await coreWithPeople([50]);
    stored(api, "UPDATE triage SET stage = 'evaluated' WHERE person_id % 2 = 0");
    tagPeople(api, 'friend', Array.from({ length: 16 }, (_, i) => (i + 1) * 3));
    stored(api, "UPDATE people SET bio = 'I follow back everyone' WHERE id % 5 = 0");
    recomputeCoreSignals(api, 1, null);
    renderWithApi(api, <PeopleListView accountId={1} />);
    act(() => useViewStore.getState().showPeople({}));
    await waitFor(() => expect(total()).toBe('50'));

    fireEvent.click(screen.getByRole('button', { name: 'Evaluated', pressed: false }));
    await waitFor(() => expect(total()).toBe('25'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Add signal filter' }), { target: { value: 'follow-bait' } });
    // even ids that are multiples of 5: 10, 20, 30, 40, 50
    await waitFor(() => expect(total()).toBe('5'));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Add tag filter' }).hasAttribute('disabled')).toBe(false));
    fireEvent.change(screen.getByRole('combobox', { name: 'Add tag filter' }), { target: { value: 'friend' } });
    await waitFor(() => expect(total()).toBe('1'));
    await waitFor(() => expect(rowIds()).toEqual([30]));
    expect(useViewStore.getState().filter).toEqual({ stages: ['evaluated'], signals: ['follow-bait'], tags: ['friend'] });

    fireEvent.click(screen.getByRole('button', { name: 'Remove tag filter friend' }));
    await waitFor(() => expect(total()).toBe('5'));
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(total()).toBe('50'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Relationship' }), { target: { value: 'mutual' } });
    await waitFor(() => expect(total()).toBe('10'));
  });

  it('saves the current filter under a name', async () => {
    const api = await coreWithPeople([10]);
    renderWithApi(api, <PeopleListView accountId={1} />);
    act(() => useViewStore.getState().showPeople({ stages: ['new'] }));
    fireEvent.click(screen.getByRole('button', { name: 'Save filter…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toBe('Give the filter a name.');
    fireEvent.change(screen.getByRole('textbox', { name: 'Filter name' }), { target: { value: 'Fresh faces' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const savedInCore = async (): Promise<SavedFilter[]> => {
      const listed = await api.core.call('listSavedFilters', { accountId: 1 });
      return listed.ok ? (listed.value as SavedFilter[]) : [];
    };
    await waitFor(async () => expect((await savedInCore()).map((f) => [f.name, f.filter])).toEqual([['Fresh faces', { stages: ['new'] }]]));
    await waitFor(async () => expect(useViewStore.getState().savedFilterId).toBe((await savedInCore())[0]?.id));
  });

  it('not following back: unfollows one person after confirming, and says when the budget is spent', async () => {
    // A Bluesky account whose network is out of reach: the unfollow core queues stays queued.
    const api = await coreOffBluesky();
    seedPeople(api, 6);
    stored(api, 'UPDATE relationships SET i_follow = 1, follows_me = (person_id > 3)');
    // Person 1 posted last, then 2, then 3: the list puts the most recently active first.
    stored(api, "UPDATE people SET last_post_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || id || ' hours')");
    renderWithApi(api, <PeopleListView accountId={1} />);
    act(() => useViewStore.getState().showPeople({ relationship: 'notFollowingBack' }, { sort: 'lastActivity' }));
    await waitFor(() => expect(rowIds()).toEqual([1, 2, 3]));
    expect(screen.getByRole('heading', { name: 'Not following back' })).toBeTruthy();

    fireEvent.click(within(row(2)).getByRole('button', { name: 'Unfollow Person 2' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Unfollow Person 2?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep following' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(api.callsOf('unfollowPerson')).toHaveLength(0);

    fireEvent.click(within(row(2)).getByRole('button', { name: 'Unfollow Person 2' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Unfollow' }));
    await waitFor(() => expect(within(row(2)).getByTestId('card-status').getAttribute('data-status')).toBe('queued'));
    expect(within(row(2)).queryByRole('button', { name: 'Unfollow Person 2' })).toBeNull();
    expect(api.callsOf('unfollowPerson')).toEqual([{ accountId: 1, personId: 2 }]);
    // Core's worker tried it, found the network gone, and keeps it queued for when it is back.
    await waitFor(async () => {
      const actions = await api.core.call('listActions', { accountId: 1, personId: 2 });
      expect(actions.ok && actions.value).toEqual([expect.objectContaining({ kind: 'unfollow', status: 'queued', error: expect.objectContaining({ code: 'OFFLINE' }) })]);
    });
    await waitFor(() => expect(within(row(2)).getByTestId('card-status').getAttribute('data-status')).toBe('queued'));

    spendBudget(api, 99, { personId: 4 });
    fireEvent.click(within(row(3)).getByRole('button', { name: 'Unfollow Person 3' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Unfollow' }));
    await waitFor(() =>
      expect(screen.getByTestId('people-notice').textContent).toMatch(/^You have used today's 100 follow, unfollow and message actions for this account\. The next one frees up in about \d+ hours?\.$/),
    );
    expect(api.callsOf('unfollowPerson')).toHaveLength(2);
  });
});
