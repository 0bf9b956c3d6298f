import { describe, expect, it } from 'vitest';
import { endpointOf, RequestCounter } from './requestCounter';

describe('endpointOf', () => {
  it('names XRPC calls by method and REST calls by host and path, ids folded, query dropped', () => {
    expect(endpointOf(new URL('https://bsky.social/xrpc/app.bsky.graph.getFollowers?actor=x&cursor=y'))).toBe('app.bsky.graph.getFollowers');
    expect(endpointOf(new URL('https://mastodon.social/api/v1/accounts/109302/statuses?limit=20'))).toBe('mastodon.social/api/v1/accounts/:id/statuses');
    expect(endpointOf(new URL('https://mastodon.social/api/v1/accounts/109302'))).toBe('mastodon.social/api/v1/accounts/:id');
    expect(endpointOf(new URL('https://mastodon.social/api/v1/accounts/verify_credentials?token=secret'))).toBe('mastodon.social/api/v1/accounts/verify_credentials');
    expect(endpointOf(new URL('http://127.0.0.1:4100/media/a1.png'))).toBe('127.0.0.1:4100/media/a1.png');
  });

  it('counts per endpoint', () => {
    const counter = new RequestCounter();
    for (const id of ['1', '2', '3']) counter.record(endpointOf(new URL(`https://m.example/api/v1/accounts/${id}/statuses`)));
    expect(counter.snapshot()).toEqual({ 'm.example/api/v1/accounts/:id/statuses': 3 });
    expect(counter.total()).toBe(3);
  });
});
