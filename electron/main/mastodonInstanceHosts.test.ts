import { describe, expect, it } from 'vitest';
import type { Account } from '../../shared/domain';
import { checkExternalUrl, ExternalHostAllowList } from './externalUrlPolicy';
import { httpsInstanceHost, learnInstanceHostsFromEvent, learnInstanceHostsFromResult } from './mastodonInstanceHosts';

function account(network: Account['network'], serverUrl: string | null, id = 1): Account {
  return { id, network, remoteId: `r${id}`, handle: 'me', displayName: '', serverUrl, createdAt: '2026-01-01T00:00:00Z', lastSyncedAt: null };
}

describe('Mastodon instance hosts on the external-link allow-list', () => {
  it('adds the instance of a begun sign-in, so its authorize page may open in the browser', () => {
    const list = new ExternalHostAllowList();
    const authorizeUrl = 'https://fosstodon.org/oauth/authorize?client_id=x&response_type=code';
    expect(checkExternalUrl(authorizeUrl, list).allowed).toBe(false);
    learnInstanceHostsFromResult(list, 'beginMastodonSignIn', { signInId: 'abcdefgh', authorizeUrl, redirect: 'loopback', instanceUrl: 'https://fosstodon.org' });
    expect(checkExternalUrl(authorizeUrl, list).allowed).toBe(true);
  });

  it('adds every Mastodon account’s instance from listAccounts, a finished sign-in and accounts.changed', () => {
    const list = new ExternalHostAllowList();
    learnInstanceHostsFromResult(list, 'listAccounts', [account('mastodon', 'https://mastodon.social'), account('bluesky', 'https://evil.example', 2)]);
    learnInstanceHostsFromResult(list, 'finishMastodonSignIn', account('mastodon', 'https://hachyderm.io', 3));
    learnInstanceHostsFromEvent(list, { event: 'accounts.changed', payload: { accounts: [account('mastodon', 'https://mas.to', 4)] } });
    expect(list.has('mastodon.social')).toBe(true);
    expect(list.has('hachyderm.io')).toBe(true);
    expect(list.has('mas.to')).toBe(true);
    // Only Mastodon accounts name instances; a Bluesky PDS is not a place links open to.
    expect(list.has('evil.example')).toBe(false);
  });

  it('never adds http, a port, credentials or junk — the loopback fakes of tests stay off the list', () => {
    const list = new ExternalHostAllowList();
    const before = list.list();
    for (const instanceUrl of ['http://127.0.0.1:4100', 'http://mastodon.social', 'https://mastodon.social:8443', 'https://u:p@mastodon.social', 'javascript:alert(1)', 42, null]) {
      learnInstanceHostsFromResult(list, 'beginMastodonSignIn', { instanceUrl });
    }
    learnInstanceHostsFromResult(list, 'listAccounts', [account('mastodon', 'http://127.0.0.1:4100'), { network: 'mastodon' }, 'x']);
    learnInstanceHostsFromEvent(list, { event: 'people.changed', payload: { accountId: 1, personIds: null } });
    expect(list.list()).toEqual(before);
    for (const ip of ['https://[::1]/', 'https://127.0.0.1/', 'https://10.0.0.1']) expect(httpsInstanceHost(ip)).toBeNull();
    expect(httpsInstanceHost('https://Mastodon.Social/')).toBe('mastodon.social');
  });

  it('ignores answers of other methods', () => {
    const list = new ExternalHostAllowList();
    learnInstanceHostsFromResult(list, 'getProfile', { network: 'mastodon', serverUrl: 'https://mastodon.social', instanceUrl: 'https://mastodon.social' });
    expect(list.has('mastodon.social')).toBe(false);
  });
});
