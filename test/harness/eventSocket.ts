// GET /events: a WebSocket per page that receives every core event as `{ event, payload }`.
// The token travels in the query string because browsers cannot set headers on a WebSocket;
// it is checked, with Host and Origin, before the upgrade is accepted.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket } from 'ws';
import type { CoreHandle } from '../../electron/core/coreTypes';
import { hostIsLoopback, originIsOwn, tokensMatch } from './requestGuards';

export interface EventSocket {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export function createEventSocket(core: CoreHandle, token: string, port: () => number): EventSocket {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const unsubscribe = core.onEvent((event) => {
    const frame = JSON.stringify({ event: event.event, payload: event.payload });
    for (const client of wss.clients) {
      if (client.readyState === WebSocket.OPEN) client.send(frame);
    }
  });
  // The page never sends anything; a client that does is not ours.
  wss.on('connection', (ws) => ws.on('message', () => ws.close(1008, 'send-only channel')));

  return {
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (!hostIsLoopback(req, port())) return refuse(socket, 403, 'Forbidden');
      if (url.pathname !== '/events') return refuse(socket, 404, 'Not Found');
      if (!originIsOwn(req, port())) return refuse(socket, 403, 'Forbidden');
      if (!tokensMatch(token, url.searchParams.get('token'))) return refuse(socket, 401, 'Unauthorized');
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    close() {
      unsubscribe();
      for (const client of wss.clients) client.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}
