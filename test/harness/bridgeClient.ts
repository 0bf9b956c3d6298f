// window.rapport for the browser harness: the same RapportApi the preload exposes in the app,
// carried over fetch (calls) and a WebSocket (events) to test/harness/harnessServer.ts.
// Bundled by esbuild into an IIFE and loaded by a classic <script> before the renderer's
// module script, so window.rapport exists before any renderer code runs.
import type { MethodName } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import type { EventMap, EventName } from '../../shared/api/events';
import { isEventName } from '../../shared/api/events';
import type { RapportApi, RapportMethods } from '../../shared/api/rapportApi';

/**
 * The contract's METHOD_NAMES, written in by bridgeBundle.ts at bundle time: importing
 * shared/api/contract here would pull zod into the page for a list of names.
 */
declare const __RAPPORT_METHOD_NAMES__: readonly MethodName[];

const TOKEN_HEADER = 'x-rapport-token';
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;

type AnyListener = (payload: EventMap[EventName]) => void;

/** Where the token waits for a reload of this tab: sessionStorage is per origin (per port) and per tab. */
const TOKEN_STORAGE_KEY = 'rapport.harness.token';

function storedToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

/**
 * The token arrives once, in the URL the harness printed. It is kept in memory (and in
 * sessionStorage for reloads) and removed from the address bar at once, so it does not linger in
 * history, bookmarks, screenshots or a copied link.
 */
function takeToken(): string {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl === null) return storedToken();
  try {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
  } catch {
    // Storage refused (e.g. disabled): this load still works; a reload needs the printed URL again.
  }
  url.searchParams.delete('token');
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return fromUrl;
}

function failure(message: string): Envelope<never> {
  return { ok: false, error: { code: 'INTERNAL', message } };
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return (value as { ok: unknown }).ok === true || (value as { ok: unknown }).ok === false;
}

async function callHarness(token: string, method: MethodName, input: unknown): Promise<Envelope<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/rpc/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return failure('The harness is not reachable. Is `npm run dev:web` still running?');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return failure(`The harness answered ${response.status} without a result.`);
  }
  return isEnvelope(body) ? body : failure(`The harness answered ${response.status} without a result.`);
}

/** One socket for all subscriptions; reopened with backoff whenever it drops. */
function createEventChannel(token: string) {
  const listeners = new Map<EventName, Set<AnyListener>>();
  let socket: WebSocket | null = null;
  let delay = RECONNECT_MIN_MS;

  const socketUrl = () => {
    const url = new URL('/events', location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    url.search = `?token=${encodeURIComponent(token)}`;
    return url.toString();
  };

  const open = () => {
    const ws = new WebSocket(socketUrl());
    socket = ws;
    ws.addEventListener('open', () => {
      delay = RECONNECT_MIN_MS;
    });
    ws.addEventListener('message', (message: MessageEvent) => {
      if (typeof message.data !== 'string') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.data);
      } catch {
        return;
      }
      if (typeof parsed !== 'object' || parsed === null) return;
      const { event, payload } = parsed as { event?: unknown; payload?: unknown };
      if (!isEventName(event)) return;
      for (const listener of listeners.get(event) ?? []) {
        try {
          listener(payload as EventMap[EventName]);
        } catch (error) {
          console.error('rapport event listener failed', error);
        }
      }
    });
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      setTimeout(open, delay);
      delay = Math.min(delay * 2, RECONNECT_MAX_MS);
    });
  };

  return {
    subscribe<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
      if (!isEventName(event)) throw new TypeError(`Unknown Rapport event: ${String(event)}`);
      if (socket === null) open();
      const set = listeners.get(event) ?? new Set<AnyListener>();
      listeners.set(event, set);
      const wrapped = listener as AnyListener;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
  };
}

/** The harness's stand-in for the preload's webUtils.getPathForFile: the bytes go to /upload. */
async function uploadFile(token: string, file: Blob & { readonly name: string }): Promise<string | null> {
  const response = await fetch('/upload', {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', [TOKEN_HEADER]: token, 'x-rapport-file-name': encodeURIComponent(file.name) },
    body: file,
  });
  const body: unknown = await response.json().catch(() => null);
  if (!isEnvelope(body) || !body.ok) return null;
  const saved = (body.value as { path?: unknown } | null)?.path;
  return typeof saved === 'string' ? saved : null;
}

function createBridge(): RapportApi {
  const token = takeToken();
  const events = createEventChannel(token);
  const methods = {} as Record<MethodName, (input: unknown) => Promise<Envelope<unknown>>>;
  for (const name of __RAPPORT_METHOD_NAMES__) {
    methods[name] = (input: unknown) => callHarness(token, name, input);
  }
  return Object.freeze({
    ...(methods as unknown as RapportMethods),
    on: events.subscribe,
    pathForFile: (file: Blob & { readonly name: string }) => uploadFile(token, file),
  });
}

Object.defineProperty(window, 'rapport', { value: createBridge(), enumerable: true });
