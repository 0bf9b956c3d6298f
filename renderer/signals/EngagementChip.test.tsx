import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { closeAllCoreApis } from '../../test/renderer/coreApi';
import { coreWithPeople } from '../../test/renderer/seedCore';
import { seedInteractions } from '../../test/renderer/seedInteractions';
import { renderWithApi, stubLayout } from '../../test/renderer/renderWithApi';
import { useViewStore } from '../stores/viewStore';
import { resetReview } from '../review/reviewStore';
import { formatFullDate } from '../format/dateFormat';
import { recomputeCoreSignals } from '../../test/renderer/coreDatabase';

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

const LAST_REPLY = '2026-01-03T09:30:00.000Z';

/** Three new followers: Person 1 replied 3× and liked 12, Person 2 only got my replies, Person 3 nothing. */
async function apiWithEngagement() {
  const api = await coreWithPeople([3]);
  seedInteractions(api, [
    { personId: 1, kind: 'reply', count: 3, at: LAST_REPLY },
    { personId: 1, kind: 'like', count: 12, at: '2025-12-20T10:00:00.000Z' },
    { personId: 2, kind: 'reply', count: 4, direction: 'mine' },
  ]);
  // Core scores them as after the interactions walk: Person 1 gets the 'engages' signal.
  recomputeCoreSignals(api, 1, [1, 2, 3]);
  return api;
}

function cardOf(personId: number): HTMLElement {
  const card = screen.getAllByTestId('card').find((c) => c.getAttribute('data-person-id') === String(personId));
  if (!card) throw new Error(`no card ${personId}`);
  return card;
}

describe('engagement on cards', () => {
  it('says how a follower engaged with me on their board card, the last date on hover, and nothing for the others', async () => {
    renderWithApi(await apiWithEngagement());
    await waitFor(() => expect(screen.getAllByTestId('card')).toHaveLength(3));
    const chip = await within(cardOf(1)).findByTestId('engagement-chip');
    expect(chip.querySelector('.engagement-text')?.textContent).toBe('Replied 3× · liked 12');
    // Each kind with its count is one unbreakable piece (triage.css), so a wrap never splits them.
    expect(Array.from(chip.querySelectorAll('.engagement-phrase'), (phrase) => phrase.textContent)).toEqual(['Replied 3×', 'liked 12']);
    expect(chip.querySelector('time')?.getAttribute('dateTime')).toBe(LAST_REPLY);
    expect(chip.getAttribute('title')).toBe(`Replied 3× · liked 12. Last on ${formatFullDate(LAST_REPLY)}.`);
    // A screen reader hears it with the card.
    expect(cardOf(1).getAttribute('aria-label')).toContain('Replied 3× · liked 12');
    // The 'engages' signal says the same words: the card does not repeat them as a chip.
    expect(cardOf(1).querySelector('[data-signal="engages"]')).toBeNull();
    expect(cardOf(1).getAttribute('aria-label')?.split('Replied 3× · liked 12')).toHaveLength(2);
    // My own replies to someone are not them engaging with me.
    expect(within(cardOf(2)).queryByTestId('engagement-chip')).toBeNull();
    expect(within(cardOf(3)).queryByTestId('engagement-chip')).toBeNull();
  });

  it('names the two strongest kinds on the card (its width holds two in full) and all of them on hover and to a screen reader', async () => {
    const api = await coreWithPeople([1]);
    seedInteractions(api, [
      { personId: 1, kind: 'mention', count: 2, at: '2025-12-22T10:00:00.000Z' },
      { personId: 1, kind: 'quote', count: 1, at: '2025-12-21T10:00:00.000Z' },
      { personId: 1, kind: 'repost', count: 5, at: '2025-12-20T10:00:00.000Z' },
    ]);
    renderWithApi(api);
    await waitFor(() => expect(screen.getAllByTestId('card')).toHaveLength(1));
    const chip = await within(cardOf(1)).findByTestId('engagement-chip');
    const all = chip.getAttribute('title')?.split('. Last on ')[0] ?? '';
    expect(all.split(' · ')).toHaveLength(3);
    expect(chip.querySelector('.engagement-text')?.textContent).toBe(all.split(' · ').slice(0, 2).join(' · '));
    expect(cardOf(1).getAttribute('aria-label')).toContain(all);
  });

  it('says when someone spoke to me before they followed (why Review brings them first)', async () => {
    const api = await coreWithPeople([3]);
    // seedCore: Person 2 followed at 2025-12-31T23:58Z; the mention came two days before.
    seedInteractions(api, [
      { personId: 2, kind: 'mention', at: '2025-12-29T10:00:00.000Z' },
      { personId: 1, kind: 'reply', at: '2026-01-02T10:00:00.000Z' },
    ]);
    renderWithApi(api);
    await waitFor(() => expect(screen.getAllByTestId('card')).toHaveLength(3));
    const early = await within(cardOf(2)).findByTestId('engagement-chip');
    expect(early.getAttribute('title')).toMatch(/\. They spoke to you before they followed you\.$/);
    expect(cardOf(2).getAttribute('aria-label')).toContain('Mentioned you 1×, spoke to you before following');
    expect(within(cardOf(1)).getByTestId('engagement-chip').getAttribute('title')).not.toMatch(/before they followed/);
  });

  it('shows the same line in Review’s head', async () => {
    renderWithApi(await apiWithEngagement());
    await waitFor(() => expect(screen.getAllByTestId('card')).toHaveLength(3));
    act(() => useViewStore.getState().setView('review'));
    const head = await screen.findByRole('region', { name: 'Reviewing Person 1' });
    const chip = within(within(head).getByTestId('review-sticky')).getByTestId('engagement-chip');
    expect(chip.querySelector('.engagement-text')?.textContent).toBe('Replied 3× · liked 12');
    expect(within(head).getByTestId('review-sticky').querySelector('[data-signal="engages"]')).toBeNull();
    // The profile below lists it among the signals, with what it counts.
    const section = await within(head).findByRole('region', { name: 'Signals' });
    await waitFor(() => expect(section.querySelector('[data-signal="engages"]')?.textContent).toBe('Replied 3× · liked 12'));
  });
});
