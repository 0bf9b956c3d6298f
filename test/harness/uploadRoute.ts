// POST /upload: the harness's stand-in for Electron's webUtils.getPathForFile. In the app a file
// the user drops or picks already lies on disk and the preload names its path; a browser page
// cannot know it, so the bridge sends the file's bytes here and the harness saves them under the
// data folder, answering the saved path. Streamed to disk (an archive can be large), bounded,
// behind the same token as /rpc; the name is never used for the path, only its extension.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Envelope } from '../../shared/api/errors';
import { TOKEN_HEADER, tokensMatch } from './requestGuards';

/** Far above any test archive, far below filling a disk by mistake. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;
export const FILE_NAME_HEADER = 'x-rapport-file-name';

function sendJson(res: ServerResponse, status: number, body: Envelope<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), 'cache-control': 'no-store' });
  res.end(text);
}

/** '.zip' from 'twitter-2026.zip'; '' for a name without a plain extension. */
function extensionOf(name: string | string[] | undefined): string {
  const value = Array.isArray(name) ? name[0] : name;
  let decoded = '';
  try {
    decoded = decodeURIComponent(value ?? '');
  } catch {
    return '';
  }
  return /\.[a-z0-9]{1,8}$/i.exec(decoded)?.[0].toLowerCase() ?? '';
}

class TooLarge extends Error {}

export async function handleUpload(req: IncomingMessage, res: ServerResponse, token: string, uploadDir: string, maxBytes = MAX_UPLOAD_BYTES): Promise<void> {
  const given = req.headers[TOKEN_HEADER];
  if (!tokensMatch(token, Array.isArray(given) ? given[0] : given)) {
    req.resume();
    return sendJson(res, 401, { ok: false, error: { code: 'INVALID_INPUT', message: 'Missing or wrong harness token.' } });
  }
  if (req.method !== 'POST') {
    req.resume();
    res.setHeader('allow', 'POST');
    return sendJson(res, 405, { ok: false, error: { code: 'INVALID_INPUT', message: 'Uploads are POST requests.' } });
  }
  const tooLarge = (): void => sendJson(res, 413, { ok: false, error: { code: 'INVALID_INPUT', message: 'That file is larger than the harness accepts.' } });
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
    req.resume();
    return tooLarge();
  }
  await mkdir(uploadDir, { recursive: true });
  const file = join(uploadDir, `${randomUUID()}${extensionOf(req.headers[FILE_NAME_HEADER])}`);
  let size = 0;
  const bounded = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(size > maxBytes ? new TooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(req, bounded, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await rm(file, { force: true });
    if (error instanceof TooLarge) return tooLarge();
    throw error;
  }
  sendJson(res, 200, { ok: true, value: { path: file } });
}
