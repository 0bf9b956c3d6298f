// The X pages core asks the window to open for a follow, an unfollow or a message pass main's
// external-link policy exactly as built (https on x.com, nothing rewritten), and a hostile id or
// text cannot turn them into another page: ids that are not X's numbers are refused before a URL
// exists, and the text stays inside its parameter.
import { describe, expect, it } from 'vitest';
import { checkExternalUrl, ExternalHostAllowList } from '../../electron/main/externalUrlPolicy';
import { xActionPage } from '../../electron/core/networks/x/xActionPages';

const allowList = new ExternalHostAllowList();

describe("X's own pages on main's allow-list", () => {
  it.each([
    [{ kind: 'follow', remoteId: '1010' } as const, 'https://x.com/intent/follow?user_id=1010'],
    [{ kind: 'unfollow', remoteId: '1010' } as const, 'https://x.com/intent/user?user_id=1010'],
    [{ kind: 'dm', remoteId: '1010', text: 'Hi & welcome #1 https://evil.example/?a=b' } as const, 'https://x.com/messages/compose?recipient_id=1010&text=Hi+%26+welcome+%231+https%3A%2F%2Fevil.example%2F%3Fa%3Db'],
  ])('%o opens %s, allowed as is', (action, expected) => {
    const url = xActionPage(action);
    expect(url).toBe(expected);
    expect(checkExternalUrl(url, allowList)).toEqual({ allowed: true, href: expected });
  });

  it.each(['../../evil', '1010&user_id=1', 'javascript:alert(1)', '', '１２３'])('refuses to build a page for the id %j', (remoteId) => {
    expect(() => xActionPage({ kind: 'follow', remoteId })).toThrow(/Not an X user id/);
  });
});
