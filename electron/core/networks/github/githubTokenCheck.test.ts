// A token is checked against the fake before anything is stored: the errors say what to fix.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGithub } from '../../../../test/fakes/github/fakeGithub';
import { rapportError } from '../../../../test/rapportErrorOf';
import { HttpClient } from '../../net/httpClient';
import { githubEndpoints } from './githubEndpoints';
import { checkGithubToken } from './githubTokenCheck';

let fake: FakeGithub;
const http = new HttpClient({ serviceName: 'GitHub' });

beforeEach(async () => {
  fake = new FakeGithub();
  await fake.start();
});
afterEach(() => fake.stop());

const check = (token: string) => checkGithubToken(http, githubEndpoints(fake.url), token);

describe('GitHub token check', () => {
  it('signs in as the token owner with a classic token that may follow', async () => {
    const checked = await check(fake.issueToken({ scopes: ['read:user', 'user:follow'] }));
    expect(checked.user).toMatchObject({ id: 1, login: 'octo-self' });
    expect(checked.scopes).toEqual(['read:user', 'user:follow']);
  });

  it('refuses a mistyped, expired or revoked token (401)', async () => {
    const error = await rapportError(check('ghp_not-a-real-token'));
    expect(error.code).toBe('AUTH_EXPIRED');
    expect(error.message).toContain('did not accept this token');
    expect(error.message).not.toContain('ghp_not-a-real-token');
  });

  it('refuses a classic token without user:follow and names the scope', async () => {
    const error = await rapportError(check(fake.issueToken({ scopes: ['read:user'] })));
    expect(error.message).toContain('lacks the user:follow scope');
  });

  it('refuses a fine-grained token that may not read followers', async () => {
    const error = await rapportError(check(fake.issueToken({ scopes: null, followersPermission: 'none' })));
    expect(error.message).toContain('may not read your followers');
    const ok = await check(fake.issueToken({ scopes: null, followersPermission: 'write' }));
    expect(ok.scopes).toBeNull();
  });

  it('reads a GitHub Enterprise address in the forms people paste', () => {
    expect(githubEndpoints('ghe.example.com')).toMatchObject({ restBase: 'https://ghe.example.com/api/v3', webBase: 'https://ghe.example.com', enterprise: true });
    expect(githubEndpoints('https://ghe.example.com/api/v3/')).toMatchObject({ restBase: 'https://ghe.example.com/api/v3' });
    expect(githubEndpoints(undefined)).toMatchObject({ restBase: 'https://api.github.com', enterprise: false });
    expect(() => githubEndpoints('https://ghe.example.com/some/page')).toThrow(/Enterprise address/);
  });
});
