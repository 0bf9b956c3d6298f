import { describe, expect, it } from 'vitest';
import { LoopbackRedirectServer } from './loopbackRedirectServer';

async function refused(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return false;
  } catch {
    return true;
  }
}

describe('LoopbackRedirectServer', () => {
  it('receives one callback with the right state, answers the browser, then stops listening', async () => {
    const server = await LoopbackRedirectServer.start({ state: 'st-1' });
    expect(server.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const waiting = server.waitForGrant();

    const forged = await fetch(`${server.redirectUri}?code=evil&state=other`);
    expect(forged.status).toBe(400);
    const wrongPath = await fetch(server.redirectUri.replace('/callback', '/elsewhere?code=x&state=st-1'));
    expect(wrongPath.status).toBe(404);

    const answer = await fetch(`${server.redirectUri}?code=the-code&state=st-1`);
    expect(answer.status).toBe(200);
    const body = await answer.text();
    expect(body).toContain('You can close this tab');
    expect(body).not.toContain('the-code');
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await waiting).toEqual({ code: 'the-code' });

    await server.close();
    expect(await refused(`${server.redirectUri}?code=again&state=st-1`)).toBe(true);
  });

  it('reports a denial from the server as a sentence', async () => {
    const server = await LoopbackRedirectServer.start({ state: 's', serverName: 'your Example server' });
    const waiting = server.waitForGrant();
    await fetch(`${server.redirectUri}?error=access_denied&state=s`);
    await expect(waiting).rejects.toThrow('You declined access on your Example server.');
    await server.close();
  });

  it('gives up after the timeout and on cancel', async () => {
    const slow = await LoopbackRedirectServer.start({ state: 's', timeoutMs: 20 });
    await expect(slow.waitForGrant()).rejects.toMatchObject({ code: 'AUTH_EXPIRED' });
    await slow.close();
    const cancelled = await LoopbackRedirectServer.start({ state: 's' });
    const controller = new AbortController();
    const waiting = cancelled.waitForGrant(controller.signal);
    controller.abort(new Error('user closed the dialog'));
    await expect(waiting).rejects.toThrow('user closed the dialog');
    await cancelled.close();
    expect(await refused(cancelled.redirectUri)).toBe(true);
  });
});
