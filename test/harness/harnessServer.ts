// The browser harness: core under Node behind a loopback HTTP + WebSocket server, serving the
// harness build of the renderer with window.rapport provided by bridgeClient.ts instead of the
// preload. Used by `npm run dev:web`, the e2e suite and the board benchmark; never packaged.
//
//   POST /rpc/<method>      contract call (token in the x-rapport-token header) -> Envelope
//   GET  /events?token=     WebSocket, every core event as { event, payload }
//   POST /upload            a dropped or picked file's bytes (token header) -> Envelope<{ path }>
//   GET  /harness-bridge.js the bundled bridge
//   GET  /media/<path>      <dataDir>/media, with the media-only cookie
//   GET  /<path>            the renderer build; index.html gets the bridge script injected
//
// Two secrets per run. The token drives core: the page reads it from its URL once, keeps it in
// memory and sessionStorage (per origin, so per port) and takes it out of the address bar. The
// media token only opens /media/: it is what the cookie carries, because cookies ignore ports and
// any other web server on 127.0.0.1 the browser visits receives them.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { CoreHandle, CreateCoreOptions } from '../../electron/core/coreTypes';
import { KeyFileDataKeySource } from '../../electron/core/secrets/keyFile';
import { bridgeScript } from './bridgeBundle';
import { createEventSocket } from './eventSocket';
import { contentSecurityPolicy, cookieValue, hostIsLoopback, mediaCookieName, tokensMatch } from './requestGuards';
import { handleRpc } from './rpcRoute';
import { handleUpload } from './uploadRoute';
import { resolveInside, streamFile } from './staticFiles';

export interface HarnessOptions {
  /** Core's data folder (rapport.db, media/). Used to create core and to serve media. */
  dataDir: string;
  /** The harness build of the renderer (`out/harness-renderer`). */
  rendererDir: string;
  /** An already created core; when omitted the harness creates one and closes it on close(). */
  core?: CoreHandle;
  /** 0 (default) for a random free port. */
  port?: number;
  /** Passed to createCore when the harness creates core: per-page delay of the sample network. */
  samplePageDelayMs?: number;
  /**
   * More createCore options when the harness creates core (HTTP settings for a fake network,
   * a clock…); they win over the harness defaults, so `dataKey: null` turns network accounts off.
   */
  coreOptions?: HarnessCoreOptions;
}

export type HarnessCoreOptions = Omit<Partial<CreateCoreOptions>, 'dataDir'>;

/**
 * The data key under Node, as the core process keeps it (entry.ts): a 0600 file beside the
 * database. Not imported from entry.ts, which starts a core process as soon as it is loaded.
 */
export const HARNESS_KEY_FILE = 'secret.key';

export interface Harness {
  /** Origin with a trailing slash, e.g. http://127.0.0.1:43117/ */
  url: string;
  /** The page to open: url plus ?token=… (the page removes it from its address once loaded). */
  appUrl: string;
  /** Drives /rpc and /events; never set as a cookie. */
  token: string;
  port: number;
  core: CoreHandle;
  close(): Promise<void>;
}

/**
 * Deferred, not blocking: the parser goes on to fetch the renderer's bundle and styles while the
 * bridge downloads, and deferred scripts still run in document order, before the module script.
 */
export const BRIDGE_SCRIPT_TAG = '<script defer src="./harness-bridge.js"></script>';

/** Puts the bridge before the first module script, so window.rapport exists before the renderer runs. */
export function injectBridge(html: string): string {
  const moduleScript = html.search(/<script\b[^>]*\btype=["']?module\b/i);
  if (moduleScript >= 0) return html.slice(0, moduleScript) + BRIDGE_SCRIPT_TAG + html.slice(moduleScript);
  const headEnd = html.search(/<\/head>/i);
  if (headEnd >= 0) return html.slice(0, headEnd) + BRIDGE_SCRIPT_TAG + html.slice(headEnd);
  return BRIDGE_SCRIPT_TAG + html;
}

/**
 * The renderer's meta CSP is the app's, which has no socket; the harness page needs its event
 * socket, on this harness's port only. (Both the meta and the header policy apply in a browser.)
 */
export function allowEventSocket(html: string, port: number): string {
  return html.replace(/<meta\b[^>]*>/gi, (tag) =>
    /http-equiv=["']?content-security-policy\b/i.test(tag) ? tag.replace("connect-src 'self'", `connect-src 'self' ws://127.0.0.1:${port}`) : tag,
  );
}

async function createOwnCore(options: HarnessOptions): Promise<CoreHandle> {
  const { createCore } = await import('../../electron/core/createCore');
  return createCore({
    dataDir: options.dataDir,
    samplePageDelayMs: options.samplePageDelayMs ?? 0,
    // Network sign-ins need a key to seal the session with, as in the app.
    dataKey: new KeyFileDataKeySource(join(options.dataDir, HARNESS_KEY_FILE)),
    ...options.coreOptions,
  });
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const ownsCore = options.core === undefined;
  const core = options.core ?? (await createOwnCore(options));
  const token = randomBytes(32).toString('base64url');
  const mediaToken = randomBytes(32).toString('base64url');
  const mediaDir = join(options.dataDir, 'media');
  let port = 0;

  const pageHeaders = (): Record<string, string> => ({
    'content-security-policy': contentSecurityPolicy(port),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cache-control': 'no-store',
  });

  async function serveIndex(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    let html: string;
    try {
      html = await readFile(join(options.rendererDir, 'index.html'), 'utf8');
    } catch {
      return sendText(res, 503, `No renderer build in ${options.rendererDir}. Run: npx vite build --config vite.harness.config.ts`);
    }
    const body = injectBridge(allowEventSocket(html, port));
    const headers: Record<string, string> = {
      ...pageHeaders(),
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
    };
    // <img> cannot send a header: a page opened with the token gets the media-only token as a
    // cookie, scoped to media/, so even a leaked cookie can read cached images and nothing else.
    if (tokensMatch(token, url.searchParams.get('token'))) {
      headers['set-cookie'] = `${mediaCookieName(port)}=${mediaToken}; Path=/media/; HttpOnly; SameSite=Strict`;
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function serveFrom(root: string, encodedPath: string, res: ServerResponse): Promise<void> {
    const file = await resolveInside(root, encodedPath);
    if (!file.ok) return sendText(res, file.status, file.status === 403 ? 'Forbidden' : 'Not found');
    streamFile(res, file, pageHeaders());
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostIsLoopback(req, port)) {
      req.resume();
      return sendText(res, 403, 'Forbidden host');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const path = url.pathname;
    if (path.startsWith('/rpc/')) return handleRpc(req, res, path.slice('/rpc/'.length), core, token);
    // Saved beside core's data, so the file goes when the run's folder does.
    if (path === '/upload') return handleUpload(req, res, token, join(options.dataDir, 'uploads'));

    req.resume();
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
    if (path === '/' || path === '/index.html') return serveIndex(req, res, url);
    if (path === '/harness-bridge.js') {
      const script = await bridgeScript();
      res.writeHead(200, {
        ...pageHeaders(),
        'content-type': 'text/javascript; charset=utf-8',
        'content-length': String(Buffer.byteLength(script)),
      });
      res.end(req.method === 'HEAD' ? undefined : script);
      return;
    }
    if (path.startsWith('/media/')) {
      if (!tokensMatch(mediaToken, cookieValue(req, mediaCookieName(port)))) return sendText(res, 401, 'Unauthorized');
      return serveFrom(mediaDir, path.slice('/media/'.length), res);
    }
    return serveFrom(options.rendererDir, path.slice(1), res);
  }

  // Nagle off (Node's default, stated because a ~40 ms delayed-ACK stall per call is what it
  // prevents) and idle keep-alive connections kept for a minute, so a page that pauses between
  // bursts of calls does not reconnect for each burst.
  const server = createServer({ noDelay: true, keepAliveTimeout: 60_000 }, (req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error('harness request failed', error);
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
    });
  });
  const events = createEventSocket(core, token, () => port);
  server.on('upgrade', (req, socket, head) => events.handleUpgrade(req, socket, head));
  // Bundle while the socket opens, so the first page load does not wait for esbuild.
  const bundling = bridgeScript();

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    port = (server.address() as AddressInfo).port;
    await bundling;
  } catch (error) {
    // A taken --port or a broken bridge build: leave nothing running behind the error.
    await bundling.catch(() => undefined);
    await events.close();
    server.close();
    if (ownsCore) await core.close();
    throw error;
  }

  let closing: Promise<void> | null = null;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    appUrl: `${url}?token=${token}`,
    token,
    port,
    core,
    close() {
      closing ??= (async () => {
        await events.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        if (ownsCore) await core.close();
      })();
      return closing;
    },
  };
}
