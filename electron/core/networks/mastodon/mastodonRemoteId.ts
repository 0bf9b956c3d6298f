// How Mastodon people are keyed in Rapport. Account ids are local to the instance we talk to
// (a remote person has a different id on every server that knows them), so the stable key is
// `<instance host>:<id on that instance>`, e.g. `mastodon.social:109302` or, in tests,
// `127.0.0.1:4100:109000002`. The same person seen through two instances is two keys; handles
// change and are never used as keys.
import { RapportError } from '../../../../shared/api/errors';

export function mastodonRemoteId(instanceHost: string, accountId: string): string {
  return `${instanceHost}:${accountId}`;
}

/** The instance-local id inside a remote id from this instance; refuses ids from another one. */
export function localAccountId(instanceHost: string, remoteId: string): string {
  const prefix = `${instanceHost}:`;
  const id = remoteId.startsWith(prefix) ? remoteId.slice(prefix.length) : '';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
    throw new RapportError('INVALID_INPUT', `This person is not known through ${instanceHost}; sync that account first.`);
  }
  return id;
}
