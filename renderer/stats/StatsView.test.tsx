import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AccountStats } from '../../shared/triageTypes';
import { answerNext, closeAllCoreApis, failNext } from '../../test/renderer/coreApi';
import { coreWithPeople } from '../../test/renderer/seedCore';
import { renderWithApi } from '../../test/renderer/renderWithApi';
import { useStatsStore } from '../stores/statsStore';
import { StatsView } from './StatsView';

afterEach(async () => {
  cleanup();
  useStatsStore.setState({ accountId: null, stats: null, error: null });
  delete window.rapport;
  await closeAllCoreApis();
});

const STATS: AccountStats = {
  followerGrowth: [
    { date: '2026-01-05', value: 1200 },
    { date: '2026-02-02', value: 1480 },
    { date: '2026-03-02', value: 2315 },
  ],
  funnel: { new: 1204, evaluated: 310, connected: 420, declined: 381 },
  weekly: [
    { weekStart: '2026-02-16', newFollowers: 140, unfollows: 12 },
    { weekStart: '2026-02-23', newFollowers: 95, unfollows: 30 },
  ],
  totals: { followers: 2315, following: 812, mutual: 420, notFollowingBack: 57 },
};

describe('StatsView', () => {
  it('draws follower growth, the stage funnel and weekly flows with their figures', async () => {
    const api = await coreWithPeople();
    // Months of history in figures the sentences can name; core's own arithmetic is tested in
    // electron/core/api/statsHandlers.test.ts.
    answerNext(api, 'getStats', () => Promise.resolve({ ok: true, value: STATS }));
    renderWithApi(api, <StatsView accountId={1} />);
    const view = screen.getByTestId('stats-view');
    await waitFor(() => expect(within(view).getByTestId('stats-totals')).toBeTruthy());
    expect(api.callsOf('getStats')).toEqual([{ accountId: 1, weeks: 26 }]);

    const totals = within(screen.getByTestId('stats-totals'));
    expect(totals.getByText('2,315')).toBeTruthy();
    expect(totals.getByText('57')).toBeTruthy();

    const growth = screen.getByTestId('stats-growth');
    expect(growth.textContent).toContain('Followers went from 1,200 on Jan 5, 2026 to 2,315 on Mar 2, 2026.');
    // The chart itself is drawn (an SVG area), not just the sentence.
    expect(growth.querySelector('svg .recharts-area')).not.toBeNull();

    const funnel = screen.getByTestId('stats-funnel');
    expect(within(funnel).getByRole('img').getAttribute('aria-label')).toBe('Followers per stage: New 1,204, Evaluated 310, Connected 420, Declined 381');
    expect(funnel.querySelectorAll('.recharts-bar-rectangle').length).toBe(4);

    const weekly = screen.getByTestId('stats-weekly');
    expect(weekly.textContent).toContain('235 new followers and 42 unfollows over 2 weeks.');
    expect(weekly.querySelectorAll('.recharts-bar-rectangle').length).toBe(4);
  });

  it('says what went wrong and tries again on request', async () => {
    const api = await coreWithPeople([3]);
    failNext(api, 'getStats', () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'Stats could not be read.' } }));
    renderWithApi(api, <StatsView accountId={1} />);
    expect((await screen.findByRole('alert')).textContent).toContain('Stats could not be read.');
    // The second try reaches core, which answers with the account's real figures.
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByTestId('stats-totals')).toBeTruthy());
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
