import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ shell: { openExternal: vi.fn(async (_url: string) => undefined) } }));
vi.mock('electron', () => electron);

const { openExternalSafely, externalHosts } = await import('./externalLinks');
const { ExternalHostAllowList } = await import('./externalUrlPolicy');

const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
beforeEach(() => electron.shell.openExternal.mockClear());

describe('openExternalSafely', () => {
  it.each(['https://bsky.app/profile/ada.bsky.social', 'https://github.com/rapport', 'https://x.com/ada'])(
    'opens https links on the default allow-list: %s',
    async (url) => {
      expect(await openExternalSafely(url, externalHosts, log)).toBe(true);
      expect(electron.shell.openExternal).toHaveBeenCalledWith(url);
    },
  );

  it.each([
    ['http:', 'http://bsky.app/profile/ada'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['a host not on the list', 'https://evil.example/'],
    ['a look-alike host', 'https://bsky.app.evil.example/'],
    ['a subdomain not on the list', 'https://evil.bsky.app/'],
    ['credentials', 'https://user:pass@bsky.app/'],
    ['a user name alone', 'https://ada@github.com/'],
    ['a port', 'https://github.com:8443/'],
    ['garbage', 'not a url'],
    ['a custom scheme', 'ms-settings:privacy'],
  ])('refuses %s', async (_label, url) => {
    expect(await openExternalSafely(url, externalHosts, log)).toBe(false);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it.each(['mailto:ada@example.com', 'mailto:ada.lovelace+rapport@mail.example.co.uk'])('opens a mailto: link to one plain address: %s', async (url) => {
    expect(await openExternalSafely(url, externalHosts, log)).toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledWith(url);
  });

  it.each([
    ['a subject', 'mailto:ada@example.com?subject=Hello'],
    ['a body', 'mailto:ada@example.com?body=click%20here'],
    ['a copy', 'mailto:ada@example.com?cc=boss@example.com'],
    ['a blind copy', 'mailto:ada@example.com?bcc=spy@example.com'],
    ['recipients in headers only', 'mailto:?to=ada@example.com'],
    ['an empty query', 'mailto:ada@example.com?'],
    ['two recipients', 'mailto:ada@example.com,eve@example.com'],
    ['an encoded header break', 'mailto:ada@example.com%0D%0Abcc:eve@example.com'],
    ['an encoded @', 'mailto:ada%40evil.example@example.com'],
    ['a fragment', 'mailto:ada@example.com#x'],
    ['no address', 'mailto:'],
    ['no domain', 'mailto:ada@'],
    ['a bare host', 'mailto:ada@localhost'],
    ['slashes', 'mailto://ada@example.com'],
    ['spaces', 'mailto:ada lovelace@example.com'],
  ])('refuses a mailto: link with %s', async (_label, url) => {
    expect(await openExternalSafely(url, externalHosts, log)).toBe(false);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens the normalised URL it checked, not the raw string', async () => {
    await openExternalSafely('HTTPS://BSKY.APP/profile/ada', externalHosts, log);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://bsky.app/profile/ada');
  });

  it('grows: a Mastodon instance added later becomes openable', async () => {
    const hosts = new ExternalHostAllowList();
    expect(await openExternalSafely('https://mastodon.social/@ada', hosts, log)).toBe(false);
    hosts.add('mastodon.social');
    expect(await openExternalSafely('https://mastodon.social/@ada', hosts, log)).toBe(true);
    expect(() => hosts.add('https://evil.example/')).toThrow(TypeError);
    expect(() => hosts.add('evil.example:8080')).toThrow(TypeError);
  });
});
