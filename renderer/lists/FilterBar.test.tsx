import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { SIGNAL_IDS, SIGNAL_NAMES } from '../../shared/signals/types';
import type { PeopleFilter, PeopleSort } from '../../shared/triageTypes';
import { closeAllCoreApis } from '../../test/renderer/coreApi';
import { coreWithPeople } from '../../test/renderer/seedCore';
import { renderWithApi } from '../../test/renderer/renderWithApi';
import { FilterBar } from './FilterBar';
import { dayEndIso, dayStartIso, isoToDay } from './filterDates';

afterEach(async () => {
  cleanup();
  delete window.rapport;
  await closeAllCoreApis();
});

async function renderBar(filter: PeopleFilter, sort: PeopleSort = 'newest') {
  const changes: PeopleFilter[] = [];
  const sorts: PeopleSort[] = [];
  const api = await coreWithPeople([4]);
  for (const personId of [1, 2, 3, 4]) await api.core.call('setTags', { accountId: 1, personId, tags: personId === 1 ? ['friend', 'rust'] : ['rust'] });
  renderWithApi(
    api,
    <FilterBar accountId={1} filter={filter} sort={sort} onFilterChange={(f) => changes.push(f)} onSortChange={(s) => sorts.push(s)} />,
  );
  return { changes, sorts };
}

describe('FilterBar', () => {
  it('offers every signal by name and every tag with its count', async () => {
    await renderBar({});
    const signals = screen.getByRole('combobox', { name: 'Add signal filter' });
    expect(Array.from(signals.querySelectorAll('option')).map((o) => o.textContent)).toEqual(['Signal…', ...SIGNAL_IDS.map((id) => SIGNAL_NAMES[id])]);
    const tags = screen.getByRole('combobox', { name: 'Add tag filter' });
    await waitFor(() => expect(Array.from(tags.querySelectorAll('option')).map((o) => o.textContent)).toEqual(['Tag…', '#friend (1)', '#rust (4)']));
  });

  it('turns stage toggles, relationship and order into a new filter value', async () => {
    const { changes, sorts } = await renderBar({ stages: ['new'] }, 'newest');
    expect(screen.getByRole('button', { name: 'New' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Declined' }));
    fireEvent.click(screen.getByRole('button', { name: 'New' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Relationship' }), { target: { value: 'unfollowedMe' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Order people by' }), { target: { value: 'score' } });
    // Removing the last stage drops the field instead of sending an empty list (which matches nobody).
    expect(changes).toEqual([{ stages: ['new', 'declined'] }, {}, { stages: ['new'], relationship: 'unfollowedMe' }]);
    expect(sorts).toEqual(['score']);
  });

  it('reads the followed-me dates as whole local days, both ends included', async () => {
    const { changes } = await renderBar({});
    fireEvent.change(screen.getByLabelText('Followed me from'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText('Followed me until'), { target: { value: '2026-03-31' } });
    expect(changes).toEqual([{ followedMeAfter: dayStartIso('2026-03-01') }, { followedMeBefore: dayEndIso('2026-03-31') }]);
    const start = new Date(dayStartIso('2026-03-01') ?? '');
    const end = new Date(dayEndIso('2026-03-31') ?? '');
    expect([start.getDate(), start.getHours(), start.getMinutes()]).toEqual([1, 0, 0]);
    expect([end.getDate(), end.getHours(), end.getMinutes(), end.getMilliseconds()]).toEqual([31, 23, 59, 999]);
    expect(isoToDay(dayEndIso('2026-03-31'))).toBe('2026-03-31');
    expect(dayStartIso('not a day')).toBeUndefined();
  });

  it('shows active search, tag and signal filters as chips that remove them', async () => {
    const { changes } = await renderBar({ query: 'ceramics', tags: ['friend'], signals: ['churn'] });
    fireEvent.click(screen.getByRole('button', { name: 'Remove signal filter Follow/unfollow churn' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove search ceramics' }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(changes).toEqual([{ query: 'ceramics', tags: ['friend'] }, { tags: ['friend'], signals: ['churn'] }, {}]);
  });
});
