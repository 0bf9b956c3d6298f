// How long interactions are kept, from the settings popover, against a real core: it shows what
// core stores, a longer time is stored at once, a shorter one asks first and then deletes the older
// rows on every account (counts stay), and a refusal from core is said in words.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { closeAllCoreApis, failNext, openCoreApi, type CoreApi } from '../../test/renderer/coreApi';
import { withCoreDatabase } from '../../test/renderer/coreDatabase';
import { seedAccount, seedPeople } from '../../test/renderer/seedCore';
import { seedInteractions } from '../../test/renderer/seedInteractions';
import { renderWithApi } from '../../test/renderer/renderWithApi';
import { useDesktopSettingsStore } from '../stores/desktopSettingsStore';
import { DesktopSettingsMenu } from './DesktopSettingsMenu';

afterEach(async () => {
  cleanup();
  useDesktopSettingsStore.setState({ settings: null });
  delete window.rapport;
  await closeAllCoreApis();
});

const NOW = Date.parse('2026-06-01T00:00:00Z');

/**
 * Two accounts at NOW. Account 1: Person 1 liked three posts last week, Person 2 replied eight
 * months ago. Account 2: Person 101 mentioned me nine months ago.
 */
async function coreWithOldAndNewInteractions(): Promise<CoreApi> {
  const api = await openCoreApi({ now: () => NOW });
  const first = await seedAccount(api);
  const second = await seedAccount(api, { handle: 'other.sample' });
  seedPeople(api, 2, { accountId: first.id });
  seedPeople(api, 1, { accountId: second.id, firstId: 101 });
  seedInteractions(
    api,
    [
      { personId: 1, kind: 'like', count: 3, at: '2026-05-25T08:00:00.000Z' },
      { personId: 2, kind: 'reply', at: '2025-10-01T08:00:00.000Z', excerpt: 'Nice thread' },
    ],
    first.id,
  );
  seedInteractions(api, [{ personId: 101, kind: 'mention', at: '2025-09-01T08:00:00.000Z' }], second.id);
  return api;
}

/** Interaction rows per person, and the per-kind counts cards show, straight from SQL. */
function stored(api: CoreApi): { rows: Record<string, number>; counts: Record<string, number> } {
  return withCoreDatabase(api, (db) => {
    const rows = db.prepare('SELECT person_remote_id AS who, COUNT(*) AS n FROM interactions GROUP BY who').all() as { who: string; n: number }[];
    const counts = db.prepare('SELECT person_remote_id AS who, SUM(count) AS n FROM interaction_counts GROUP BY who').all() as { who: string; n: number }[];
    const byWho = (list: { who: string; n: number }[]) => Object.fromEntries(list.map(({ who, n }) => [who, n]));
    return { rows: byWho(rows), counts: byWho(counts) };
  });
}

async function retentionDays(api: CoreApi): Promise<number> {
  const answer = await api.core.call('getInteractionRetention', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return (answer.value as { days: number }).days;
}

async function openSettings(): Promise<HTMLSelectElement> {
  fireEvent.click(screen.getByRole('button', { name: 'Desktop settings' }));
  return (await screen.findByRole('combobox', { name: 'Keep interactions for' })) as HTMLSelectElement;
}

const selectedLabel = (select: HTMLSelectElement) => select.selectedOptions[0]?.textContent;
const EVERYTHING = { rows: { 'sample:1': 3, 'sample:2': 1, 'sample:101': 1 }, counts: { 'sample:1': 3, 'sample:2': 1, 'sample:101': 1 } };

describe('keep interactions for', () => {
  it('shows core’s default, a year, among the choices, and says counts are kept beyond it', async () => {
    renderWithApi(await openCoreApi(), <DesktopSettingsMenu />);
    const select = await openSettings();
    expect(selectedLabel(select)).toBe('1 year (default)');
    expect([...select.options].map((o) => o.textContent)).toEqual(['3 months', '6 months', '1 year (default)', '2 years', '10 years']);
    const description = document.getElementById(select.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(description).toMatch(/counts on cards .* are kept beyond it\. A shorter time deletes older ones now, on every account\./u);
  });

  it('stores a longer time at once, without asking, and deletes nothing', async () => {
    const api = await coreWithOldAndNewInteractions();
    renderWithApi(api, <DesktopSettingsMenu />);
    fireEvent.change(await openSettings(), { target: { value: '730' } });

    await waitFor(async () => expect(await retentionDays(api)).toBe(730));
    expect(screen.queryByRole('group', { name: /Delete interactions older than/u })).toBeNull();
    expect(api.callsOf('setInteractionRetention')).toEqual([{ days: 730 }]);
    expect(stored(api)).toEqual(EVERYTHING);
  });

  it('asks before a shorter time; keeping the current one changes nothing', async () => {
    const api = await coreWithOldAndNewInteractions();
    renderWithApi(api, <DesktopSettingsMenu />);
    const select = await openSettings();
    fireEvent.change(select, { target: { value: '90' } });

    const question = screen.getByRole('group', { name: 'Delete interactions older than 3 months now, on every account? Counts on cards stay.' });
    fireEvent.click(within(question).getByRole('button', { name: 'Keep 1 year' }));

    expect(screen.queryByRole('group', { name: /Delete interactions older than/u })).toBeNull();
    expect(selectedLabel(select)).toBe('1 year (default)');
    expect(api.callsOf('setInteractionRetention')).toEqual([]);
    expect(await retentionDays(api)).toBe(365);
    expect(stored(api)).toEqual(EVERYTHING);
  });

  it('on confirming a shorter time, stores it and deletes older interactions on every account now, keeping their counts', async () => {
    const api = await coreWithOldAndNewInteractions();
    renderWithApi(api, <DesktopSettingsMenu />);
    const select = await openSettings();
    fireEvent.change(select, { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete older' }));

    await waitFor(() => expect(screen.queryByRole('group', { name: /Delete interactions older than/u })).toBeNull());
    expect(selectedLabel(select)).toBe('3 months');
    expect(await retentionDays(api)).toBe(90);
    expect(stored(api)).toEqual({ rows: { 'sample:1': 3 }, counts: EVERYTHING.counts });
  });

  it('says so when core refuses, and shows the time still in force', async () => {
    const api = await coreWithOldAndNewInteractions();
    renderWithApi(api, <DesktopSettingsMenu />);
    const select = await openSettings();
    failNext(api, 'setInteractionRetention', () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'The database is read-only.' } }));
    fireEvent.change(select, { target: { value: '182' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete older' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Could not keep interactions for 6 months: The database is read-only.');
    expect(selectedLabel(select)).toBe('1 year (default)');
    expect(await retentionDays(api)).toBe(365);
    expect(stored(api)).toEqual(EVERYTHING);
  });

  it('has no accessibility violations, question showing', async () => {
    renderWithApi(await coreWithOldAndNewInteractions(), <DesktopSettingsMenu />);
    fireEvent.change(await openSettings(), { target: { value: '90' } });
    await screen.findByRole('button', { name: 'Delete older' });
    // jsdom lays nothing out, so contrast cannot be measured here (the e2e axe pass covers it).
    const result = await axe.run(screen.getByRole('dialog', { name: 'Desktop' }), { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
