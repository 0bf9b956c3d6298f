// POST /rpc/<method>: one contract call per request, answered with the same Envelope the
// preload returns in the app. Core validates the input at its own door; this route only makes
// sure the request is ours, names a contract method and carries a bounded JSON body.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CoreHandle } from '../../electron/core/coreTypes';
import { isMethodName } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { TOKEN_HEADER, tokensMatch } from './requestGuards';

export const MAX_RPC_BODY_BYTES = 1024 * 1024;

function sendJson(res: ServerResponse, status: number, body: Envelope<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_RPC_BODY_BYTES) return resolve('too-large');
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_RPC_BODY_BYTES) {
        req.removeAllListeners('data');
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function handleRpc(
  req: IncomingMessage,
  res: ServerResponse,
  methodName: string,
  core: CoreHandle,
  token: string,
): Promise<void> {
  const given = req.headers[TOKEN_HEADER];
  if (!tokensMatch(token, Array.isArray(given) ? given[0] : given)) {
    req.resume();
    return sendJson(res, 401, { ok: false, error: { code: 'INVALID_INPUT', message: 'Missing or wrong harness token.' } });
  }
  if (req.method !== 'POST') {
    req.resume();
    res.setHeader('allow', 'POST');
    return sendJson(res, 405, { ok: false, error: { code: 'INVALID_INPUT', message: 'Contract calls are POST requests.' } });
  }
  if (!isMethodName(methodName)) {
    req.resume();
    return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `No contract method named "${methodName}".` } });
  }
  const body = await readBody(req);
  if (body === 'too-large') {
    // Drain and discard the rest rather than cutting the socket, so the client reads the answer.
    req.resume();
    return sendJson(res, 413, { ok: false, error: { code: 'INVALID_INPUT', message: 'Request body too large.' } });
  }
  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' } });
  }
  const envelope = await core.call(methodName, input);
  sendJson(res, 200, envelope);
}
