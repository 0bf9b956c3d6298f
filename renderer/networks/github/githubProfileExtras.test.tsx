// A GitHub profile as core stores it after a real sync of the fake: the details GitHub has, and
// copy-and-open where the composer would be (their public email when they show one, else the profile).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Account, PersonProfile } from '../../../shared/domain';
import { FakeGithub } from '../../../test/fakes/github/fakeGithub';
import { ProfileActions } from '../../compose/ProfileActions';
import { closeAllCoreApis, type CoreApi } from '../../../test/renderer/coreApi';
import { openSignInCoreApi, removeSignInKeys } from '../../../test/renderer/signInCoreApi';
import { uiOf } from '../registry';

let fake: FakeGithub;
let api: CoreApi;
beforeEach(async () => {
  fake = new FakeGithub();
  await fake.start();
  api = await openSignInCoreApi();
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await closeAllCoreApis();
  removeSignInKeys();
  await fake.stop();
});

/** Signs in to the fake through core and waits for the first sync. */
async function syncAccount(): Promise<Account> {
  const done = new Promise<void>((resolve) => {
    const stop = api.core.onEvent(({ event, payload }) => {
      if (event === 'sync.progress' && (payload as { state: string }).state !== 'running') {
        stop();
        resolve();
      }
    });
  });
  const start = await api.beginSignIn({ network: 'github', token: fake.issueToken(), enterpriseUrl: fake.url });
  if (!start.ok || start.value.status !== 'signedIn') throw new Error('sign-in failed');
  await done;
  return start.value.account;
}

/** The profile core answers for a synced login. */
async function profileOf(account: Account, login: string): Promise<PersonProfile> {
  const found = await api.searchPeople({ accountId: account.id, query: login, limit: 5 });
  const personId = found.ok ? found.value.find((card) => card.handle === login)?.personId : undefined;
  if (personId === undefined) throw new Error(`${login} was not synced`);
  const profile = await api.getProfile({ accountId: account.id, personId });
  if (!profile.ok) throw new Error(profile.error.message);
  return profile.value;
}

function renderExtras(profile: PersonProfile) {
  const { ProfileExtras } = uiOf(profile.network);
  return render(ProfileExtras ? <ProfileExtras profile={profile} /> : <p>none</p>);
}

describe('GitHub profile extras', () => {
  it('shows company, location, website, X, email, repositories and social accounts', async () => {
    const user = fake.state.addUser({
      login: 'grace',
      name: 'Grace',
      company: '@navy',
      location: 'Arlington',
      blog: 'grace.example',
      twitterUsername: 'grace_h',
      email: 'grace@example.com',
      publicRepos: 7,
      socialAccounts: [{ provider: 'mastodon', url: 'https://mastodon.social/@grace', displayName: '@grace' }],
    });
    fake.state.addFollower(user.id);
    renderExtras(await profileOf(await syncAccount(), 'grace'));
    const details = screen.getByTestId('github-details');
    expect([...details.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual(['Company', 'Location', 'Website', 'X', 'Email', 'Public repositories', 'Mastodon']);
    expect(within(details).getByRole('link', { name: 'grace.example' }).getAttribute('href')).toBe('https://grace.example/');
    expect(within(details).getByRole('link', { name: '@grace_h' }).getAttribute('href')).toBe('https://x.com/grace_h');
    expect(details.textContent).toContain('7');
  });

  it('in the composer’s place: says GitHub has no messages, copies the text and opens their email when they show one, else their profile', async () => {
    const withEmail = fake.state.addUser({ login: 'ada', email: 'ada@example.com' });
    const without = fake.state.addUser({ login: 'linus' });
    fake.state.addFollower(withEmail.id);
    fake.state.addFollower(without.id);
    const opened = vi.spyOn(window, 'open').mockReturnValue(null);
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void copied.push(text) } });

    const account = await syncAccount();
    const ada = await profileOf(account, 'ada');
    renderExtras(ada);
    // The details show who they are; writing to them is the composer's place, not the details'.
    expect(screen.queryByTestId('github-write-elsewhere')).toBeNull();
    cleanup();

    render(<ProfileActions profile={ada} accountId={account.id} />);
    const composerPlace = screen.getByTestId('composer-unavailable');
    expect(composerPlace.textContent).toContain('GitHub has no messages');
    fireEvent.change(within(composerPlace).getByLabelText('Your text'), { target: { value: 'Loved your parser talk' } });
    fireEvent.click(within(composerPlace).getByRole('button', { name: 'Copy and open email' }));
    // The bare address: main opens no mailto: that pre-fills a message, so the text goes by the clipboard.
    await waitFor(() => expect(opened).toHaveBeenCalledWith('mailto:ada@example.com', '_blank', 'noopener,noreferrer'));
    expect(copied).toEqual(['Loved your parser talk']);
    expect(within(composerPlace).getByRole('status').textContent).toBe('Copied your text and opened your email app.');
    cleanup();

    render(<ProfileActions profile={await profileOf(account, 'linus')} accountId={account.id} />);
    fireEvent.click(within(screen.getByTestId('composer-unavailable')).getByRole('button', { name: 'Copy and open profile' }));
    await waitFor(() => expect(opened).toHaveBeenLastCalledWith(`${fake.url}/linus`, '_blank', 'noopener,noreferrer'));
  });
});
