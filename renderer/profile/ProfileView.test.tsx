import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { closeAllCoreApis, type CoreApi } from '../../test/renderer/coreApi';
import { cardFromCore } from '../../test/renderer/coreCards';
import { recomputeCoreSignals, withCoreDatabase } from '../../test/renderer/coreDatabase';
import { coreWithPeople } from '../../test/renderer/seedCore';
import { renderWithApi, stubLayout } from '../../test/renderer/renderWithApi';
import { NOTE_SAVE_DELAY_MS } from './NoteEditor';

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
});
afterEach(async () => {
  cleanup();
  restoreLayout();
  delete window.rapport;
  await closeAllCoreApis();
});

const DAY = 86_400_000;

/** Three followers; the second with counts, a note, a profile link, two posts and tags, as a sync and earlier edits leave them. */
async function apiWithPeople(): Promise<CoreApi> {
  const api = await coreWithPeople([3]);
  withCoreDatabase(api, (db) => {
    db.prepare('UPDATE people SET followers_count = 210, following_count = 7400, posts_count = 40, joined_at = ?, profile_url = ? WHERE id = 2').run(
      new Date(Date.now() - 3 * 365.25 * DAY).toISOString(),
      'https://bsky.app/profile/person2.sample',
    );
    const post = db.prepare('INSERT INTO posts (person_id, remote_id, text, created_at) VALUES (2, ?, ?, ?)');
    post.run('a', 'One', new Date(Date.now() - 2 * DAY).toISOString());
    post.run('b', 'Two', new Date(Date.now() - 9 * DAY).toISOString());
  });
  await api.core.call('setTags', { accountId: 1, personId: 2, tags: ['friend'] });
  await api.core.call('setTags', { accountId: 1, personId: 3, tags: ['colleague', 'Local'] });
  await api.core.call('setNote', { accountId: 1, personId: 2, text: 'Met at the meetup' });
  return api;
}

async function openProfile(api: CoreApi, personId: number): Promise<HTMLElement> {
  renderWithApi(api);
  await waitFor(() => expect(screen.getAllByTestId('card')).toHaveLength(3));
  const card = screen.getAllByTestId('card').find((c) => c.getAttribute('data-person-id') === String(personId));
  if (!card) throw new Error(`no card ${personId}`);
  fireEvent.click(card);
  const dialog = await screen.findByRole('dialog', { name: `Profile of Person ${personId}` });
  await within(dialog).findByText('Followers');
  return dialog;
}

describe('profile review', () => {
  it('shows ratio, account age, posting rate, signal chips with their reasons, links and the timeline', async () => {
    const dialog = await openProfile(await apiWithPeople(), 2);
    // 210 followers / 7,400 following
    expect(within(dialog).getByText('Ratio').nextElementSibling?.textContent).toBe('0.028');
    expect(within(dialog).getByText(/^Joined .* · 3 years ago$/)).toBeTruthy();
    expect(within(dialog).getByText(/^0\.5 posts a week/)).toBeTruthy();
    const chip = within(within(dialog).getByRole('list', { name: 'Signals' })).getByText('Follows 35× their followers');
    expect(chip.getAttribute('title')).toBe('Follows 7,400 accounts and has 210 followers: 35× as many accounts as follow them.');
    expect(chip.getAttribute('aria-label')).toBe('Follows 35× their followers. Follows 7,400 accounts and has 210 followers: 35× as many accounts as follow them.');
    const link = within(dialog).getByRole('link', { name: 'View on the sample network' });
    expect(link.getAttribute('href')).toBe('https://bsky.app/profile/person2.sample');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(within(await within(dialog).findByTestId('timeline')).getByText('Followed you')).toBeTruthy();
  });

  it('saves the note after a pause and when the field is left, and says so', async () => {
    const api = await apiWithPeople();
    const dialog = await openProfile(api, 2);
    const note = within(dialog).getByLabelText('Private note') as HTMLTextAreaElement;
    expect(note.value).toBe('Met at the meetup');

    fireEvent.change(note, { target: { value: 'Met at the meetup. Writes about Rust.' } });
    expect(api.callsOf('setNote')).toEqual([]);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, NOTE_SAVE_DELAY_MS + 100));
    });
    await waitFor(() => expect(within(dialog).getByTestId('note-status').textContent).toBe('Saved'));
    expect(api.callsOf('setNote')).toEqual([{ accountId: 1, personId: 2, text: 'Met at the meetup. Writes about Rust.' }]);

    fireEvent.change(note, { target: { value: '' } });
    fireEvent.blur(note);
    await waitFor(() => expect(api.callsOf('setNote')).toHaveLength(2));
    expect(api.callsOf('setNote')[1]).toEqual({ accountId: 1, personId: 2, text: '' });
    await waitFor(async () => expect(await api.core.call('getProfile', { accountId: 1, personId: 2 })).toMatchObject({ ok: true, value: { note: '' } }));
    // Leaving without a change stores nothing more.
    fireEvent.blur(note);
    expect(api.callsOf('setNote')).toHaveLength(2);
  });

  it('adds tags (suggesting existing ones) and removes them', async () => {
    const api = await apiWithPeople();
    const dialog = await openProfile(api, 2);
    const input = within(dialog).getByLabelText('Add a tag') as HTMLInputElement;
    // Existing tags of the account are suggested, except the ones the person already has.
    await waitFor(() => {
      const options = Array.from(document.getElementById(input.getAttribute('list') ?? '')?.querySelectorAll('option') ?? []);
      expect(options.map((o) => o.value)).toEqual(['colleague', 'Local']);
    });

    fireEvent.change(input, { target: { value: 'local' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(api.callsOf('setTags')).toEqual([{ accountId: 1, personId: 2, tags: ['friend', 'local'] }]));
    // Core keeps the account's spelling of a tag it already has.
    expect(await within(dialog).findByRole('button', { name: 'Remove tag Local' })).toBeTruthy();
    expect(input.value).toBe('');

    // The same tag twice (any case) is not added again; an empty one says why.
    fireEvent.change(input, { target: { value: 'FRIEND' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Type a tag first.');
    expect(api.callsOf('setTags')).toHaveLength(1);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove tag friend' }));
    await waitFor(() => expect(api.callsOf('setTags')).toHaveLength(2));
    expect(api.callsOf('setTags')[1]).toEqual({ accountId: 1, personId: 2, tags: ['Local'] });
    await waitFor(() => expect(within(dialog).queryByRole('button', { name: 'Remove tag friend' })).toBeNull());
    // The card shows the tags the profile stored.
    expect((await cardFromCore(api, 2)).tags).toEqual(['Local']);
  });

  it('forgets a person after a confirmation, closes the profile and takes them off the board', async () => {
    const api = await apiWithPeople();
    const dialog = await openProfile(api, 2);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Forget this person' }));
    const confirm = await screen.findByRole('dialog', { name: 'Forget Person 2?' });
    // Cancel is where focus starts: forgetting is never the default.
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Forget' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsOf('forgetPerson')).toEqual([{ accountId: 1, personId: 2 }]);
    await waitFor(() => expect(screen.getAllByTestId('card').map((c) => c.getAttribute('data-person-id'))).toEqual(['1', '3']));
    expect(screen.getByTestId('announcer').textContent).toBe('Forgot Person 2');
    expect(await api.core.call('getProfile', { accountId: 1, personId: 2 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('shows two chips in full, the rest as +N, tags on their own line, and a badge when a snooze ended', async () => {
    const api = await coreWithPeople([2]);
    // The first follower's bio asks for follow-backs, they never posted and joined three days ago;
    // their snooze just ended. Core's recompute stores which signals hold, as after a sync.
    withCoreDatabase(api, (db) => {
      db.prepare("UPDATE people SET bio = 'I always follow back!', posts_count = 0, joined_at = ? WHERE id = 1").run(
        new Date(Date.now() - 3 * DAY).toISOString(),
      );
      db.prepare('UPDATE triage SET snooze_ended_at = ? WHERE person_id = 1').run(new Date().toISOString());
    });
    recomputeCoreSignals(api, 1, [1]);
    await api.core.call('setTags', { accountId: 1, personId: 1, tags: ['friend'] });
    renderWithApi(api);
    await waitFor(() => expect(screen.getAllByTestId('card')).toHaveLength(2));
    const [first, second] = screen.getAllByTestId('card');
    const chips = within(first!).getByTestId('card-chips');
    const texts = Array.from(chips.children, (chip) => chip.textContent ?? '');
    expect(texts.slice(0, 3)).toEqual(['Back from snooze', 'Says “follow back”', 'No posts']);
    // Whatever else holds is counted, and named on hover.
    expect(texts).toHaveLength(4);
    const more = chips.children[3] as HTMLElement;
    expect(more.textContent).toMatch(/^\+\d+$/);
    expect(more.getAttribute('title')).toMatch(/New account/);
    expect(within(chips).getByText('Says “follow back”').getAttribute('title')).toBe('Follow-for-follow wording in the bio: “follow back”.');
    expect(Array.from(within(first!).getByTestId('card-tags').children, (tag) => tag.textContent)).toEqual(['#friend']);
    expect(within(second!).queryByTestId('card-chips')).toBeNull();
    expect(within(second!).queryByTestId('card-tags')).toBeNull();
  });
});
