// The parts of a Mastodon sign-in the spec plays itself: the system browser (an HTTP client that
// opens the authorize URL on the fake, which approves at once, and follows its redirect to core's
// loopback server) and, for specs about something else, the whole sign-in through core's methods.
import type { Account } from '../../shared/domain';
import type { FakeMastodon } from '../fakes/mastodon/fakeMastodon';
import type { HarnessFixture } from './harnessFixture';

/** Where the fake's authorize endpoint sends the browser: core's loopback callback, with code and state. */
export async function approveOnFake(authorizeUrl: string): Promise<URL> {
  const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
  const location = authorize.headers.get('location');
  await authorize.text();
  if (authorize.status !== 302 || !location) throw new Error(`the fake's authorize page answered ${authorize.status}, not a redirect`);
  return new URL(location);
}

/** The browser arriving at core's loopback server; answers that page's status and text. */
export async function returnToLoopback(callback: URL): Promise<{ status: number; text: string }> {
  const answer = await fetch(callback);
  return { status: answer.status, text: await answer.text() };
}

/** The whole browser leg: approve on the fake, come back to core's loopback redirect. */
export async function playBrowser(authorizeUrl: string): Promise<{ callback: URL; status: number; text: string }> {
  const callback = await approveOnFake(authorizeUrl);
  return { callback, ...(await returnToLoopback(callback)) };
}

/** Signs the fake's user in through beginSignIn / finishSignIn, not through the page. */
export async function signInThroughCore(fixture: HarnessFixture, fake: FakeMastodon): Promise<Account> {
  const start = await fixture.call('beginSignIn', { network: 'mastodon', instance: fake.url });
  if (start.status !== 'pending') throw new Error('a Mastodon sign-in answered without its sign-in page');
  const finishing = fixture.call('finishSignIn', { signInId: start.signInId });
  await playBrowser(start.authorizeUrl);
  return finishing;
}
