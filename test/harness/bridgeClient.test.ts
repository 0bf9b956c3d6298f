// The bundled bridge, run in a bare JS context with only the browser globals it uses: it must
// expose exactly the contract (one function per method, plus on) and speak the harness protocol.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/api/contract';
import { bridgeScript } from './bridgeBundle';

interface Sent {
  url: string;
  init: { method: string; headers: Record<string, string>; body: string };
}

/** A tab's sessionStorage, shared by the loads of one test to stand for reloads of the same tab. */
function tabStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, String(value)),
  };
}

async function loadBridge(search: string, sessionStorage = tabStorage()) {
  const sent: Sent[] = [];
  const addresses: string[] = [];
  const sockets: string[] = [];
  const live: SocketStandIn[] = [];
  const window: Record<string, unknown> = {};
  /** Stands in for the browser's WebSocket: records what the bridge opens and lets a test fire events. */
  class SocketStandIn {
    readonly listeners = new Map<string, ((event: { data?: unknown }) => void)[]>();
    constructor(url: string) {
      sockets.push(url);
      live.push(this);
    }
    addEventListener(type: string, listener: (event: { data?: unknown }) => void) {
      this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
    }
    fire(type: string, event: { data?: unknown } = {}) {
      for (const listener of this.listeners.get(type) ?? []) listener(event);
    }
  }
  const globals = {
    window,
    location: { search, href: `http://127.0.0.1:4000/${search}`, protocol: 'http:' },
    history: { state: null, replaceState: (_state: unknown, _title: string, url: string) => addresses.push(url) },
    sessionStorage,
    URL,
    URLSearchParams,
    WebSocket: SocketStandIn,
    setTimeout,
    console,
    fetch: async (url: string, init: Sent['init']) => {
      sent.push({ url, init });
      return { status: 200, json: async () => ({ ok: true, value: 'pong' }) };
    },
  };
  runInNewContext(await bridgeScript(), globals);
  return { rapport: window.rapport as Record<string, (...args: unknown[]) => unknown>, sent, sockets, live, addresses };
}

describe('harness bridge (window.rapport in the browser harness)', () => {
  it('exposes one function per contract method and on(), nothing else, frozen', async () => {
    const { rapport } = await loadBridge('?token=abc');
    expect(Object.keys(rapport).sort()).toEqual([...METHOD_NAMES, 'on', 'pathForFile'].sort());
    for (const key of Object.keys(rapport)) expect(typeof rapport[key]).toBe('function');
    expect(Object.isFrozen(rapport)).toBe(true);
  });

  it('posts each call to /rpc/<method> with the token from the page URL', async () => {
    const { rapport, sent } = await loadBridge('?token=t0k%2Ben');
    await expect(rapport.getBoardCounts?.({ accountId: 3 })).resolves.toEqual({ ok: true, value: 'pong' });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('/rpc/getBoardCounts');
    expect(sent[0]?.init.method).toBe('POST');
    expect(sent[0]?.init.headers['x-rapport-token']).toBe('t0k+en');
    expect(JSON.parse(sent[0]?.init.body ?? '')).toEqual({ accountId: 3 });
  });

  it('takes the token out of the page address at once and keeps it for reloads of the tab only', async () => {
    const storage = tabStorage();
    const first = await loadBridge('?token=abc&view=board', storage);
    expect(first.addresses).toEqual(['/?view=board']);
    // The reload loads the address without the token; the tab's storage still holds it.
    const reloaded = await loadBridge('?view=board', storage);
    expect(reloaded.addresses).toEqual([]);
    await reloaded.rapport.listAccounts?.({});
    expect(reloaded.sent[0]?.init.headers['x-rapport-token']).toBe('abc');
    // A URL with a token (a restarted harness) wins over the stored one.
    const restarted = await loadBridge('?token=new', storage);
    await restarted.rapport.listAccounts?.({});
    expect(restarted.sent[0]?.init.headers['x-rapport-token']).toBe('new');
    expect(restarted.addresses).toEqual(['/']);
  });

  it('opens the event socket with the token on first subscription and refuses unknown events', async () => {
    const { rapport, sockets } = await loadBridge('?token=abc');
    expect(sockets).toEqual([]);
    const off = rapport.on?.('sync.progress', () => {}) as unknown as () => void;
    expect(sockets).toEqual(['ws://127.0.0.1:4000/events?token=abc']);
    off();
    expect(() => rapport.on?.('no.such.event', () => {})).toThrow(/Unknown Rapport event/);
  });

  it('delivers pushed events to their listeners and reopens the socket when it drops', async () => {
    const { rapport, sockets, live } = await loadBridge('?token=abc');
    const progress: unknown[] = [];
    const changed: unknown[] = [];
    rapport.on?.('sync.progress', (payload: unknown) => progress.push(payload));
    const off = rapport.on?.('people.changed', (payload: unknown) => changed.push(payload)) as unknown as () => void;
    live[0]?.fire('open');
    live[0]?.fire('message', { data: JSON.stringify({ event: 'sync.progress', payload: { accountId: 1, done: 5 } }) });
    live[0]?.fire('message', { data: 'not json' });
    live[0]?.fire('message', { data: JSON.stringify({ event: 'evil.event', payload: {} }) });
    off();
    live[0]?.fire('message', { data: JSON.stringify({ event: 'people.changed', payload: { accountId: 1, personIds: null } }) });
    expect(progress).toEqual([{ accountId: 1, done: 5 }]);
    expect(changed).toEqual([]);

    live[0]?.fire('close');
    await expect.poll(() => sockets.length, { timeout: 3_000 }).toBe(2);
    live[1]?.fire('message', { data: JSON.stringify({ event: 'sync.progress', payload: { accountId: 1, done: 9 } }) });
    expect(progress).toEqual([{ accountId: 1, done: 5 }, { accountId: 1, done: 9 }]);
  });
});
