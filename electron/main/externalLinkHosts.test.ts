import { describe, expect, it } from 'vitest';
import type { RapportEvent } from '../../shared/api/events';
import type { Account } from '../../shared/domain';
import { checkExternalUrl, DEFAULT_EXTERNAL_HOSTS, ExternalHostAllowList } from './externalUrlPolicy';
import { followExternalLinks, httpsHostName } from './externalLinkHosts';

const links = (hosts: unknown[], urls: unknown[] = []) => ({ event: 'externalLinks.changed', payload: { hosts, urls } }) as RapportEvent;
const opens = (list: ExternalHostAllowList, url: string) => checkExternalUrl(url, list).allowed;

const AUTHORIZE = 'https://fosstodon.org/oauth/authorize?client_id=x&response_type=code&state=abc';

describe('external-link allow-list following core (externalLinks.changed)', () => {
  it('takes exactly the hosts core names, replacing the last ones: a removed account’s host goes', () => {
    const list = new ExternalHostAllowList();
    followExternalLinks(list, links(['mastodon.social', 'hachyderm.io']));
    expect(opens(list, 'https://mastodon.social/@ada')).toBe(true);
    expect(opens(list, 'https://hachyderm.io/@bob/1')).toBe(true);
    followExternalLinks(list, links(['hachyderm.io']));
    expect(opens(list, 'https://mastodon.social/@ada')).toBe(false);
    expect(list.list()).toEqual([...DEFAULT_EXTERNAL_HOSTS, 'hachyderm.io'].sort());
  });

  it('opens a sign-in’s authorize page exactly, and nothing else on its host, only while core names it', () => {
    const list = new ExternalHostAllowList();
    followExternalLinks(list, links([], [AUTHORIZE]));
    expect(opens(list, AUTHORIZE)).toBe(true);
    expect(list.has('fosstodon.org')).toBe(false);
    expect(opens(list, 'https://fosstodon.org/@someone')).toBe(false);
    expect(opens(list, `${AUTHORIZE}&extra=1`)).toBe(false);
    // The sign-in ended without an account: the page is refused again, and no host stayed behind.
    followExternalLinks(list, links([], []));
    expect(opens(list, AUTHORIZE)).toBe(false);
    expect(list.list()).toEqual([...DEFAULT_EXTERNAL_HOSTS].sort());
  });

  it('keeps only https host names: never http, a port, credentials, an IP literal or junk', () => {
    const list = new ExternalHostAllowList();
    const before = list.list();
    followExternalLinks(
      list,
      links(
        ['127.0.0.1', '[::1]', '10.0.0.1', 'mastodon.social:8443', 'u@mastodon.social', 'mastodon.social/path', 'localhost', '', 42, null],
        ['http://mastodon.social/oauth/authorize', 'https://127.0.0.1/oauth', 'https://mastodon.social:8443/x', 'https://u:p@mastodon.social/', 'javascript:alert(1)', 7],
      ),
    );
    expect(list.list()).toEqual(before);
    for (const url of ['https://127.0.0.1/oauth', 'https://mastodon.social:8443/x', 'https://mastodon.social/oauth/authorize']) {
      expect(opens(list, url), url).toBe(false);
    }
    expect(httpsHostName('Mastodon.Social')).toBe('mastodon.social');
  });

  it('learns nothing from any other event, accounts.changed included', () => {
    const list = new ExternalHostAllowList();
    const account: Account = {
      id: 1, network: 'mastodon', remoteId: 'mas.to:1', handle: 'a@mas.to', displayName: '', serverUrl: 'https://mas.to', createdAt: 'x', lastSyncedAt: null,
    } as Account;
    followExternalLinks(list, { event: 'accounts.changed', payload: { accounts: [account] } });
    followExternalLinks(list, { event: 'people.changed', payload: { accountId: 1, personIds: null } });
    expect(list.has('mas.to')).toBe(false);
  });
});
