// Downloading a remote avatar, banner or custom emoji for the media cache, shared by every
// provider: https only (plain http on loopback for the fakes), raster image types only (SVG can
// carry script), and a size cap enforced while the body streams in. In the app `http` is the
// media client (mediaHttpClient.ts): no retries, no private addresses, errors that name the host.
import { RapportError } from '../../../shared/api/errors';
import type { HttpClient } from './httpClient';

/** Raster formats only: SVG can carry script, and we never need it for avatars. */
export const RASTER_IMAGE_TYPES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']);

export interface DownloadedImage {
  bytes: Uint8Array;
  contentType: string;
}

/** The media host answered, but not with an image we keep (an HTTP error or another type). */
export class MediaAnswerError extends RapportError {
  constructor(
    readonly host: string,
    readonly status: number,
    message: string,
  ) {
    super(status === 404 ? 'NOT_FOUND' : 'NETWORK_ERROR', message);
    this.name = 'MediaAnswerError';
  }
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

export async function downloadImage(http: HttpClient, url: string, options: { maxBytes: number; signal?: AbortSignal }): Promise<DownloadedImage> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RapportError('INVALID_INPUT', 'Not a media address.');
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname))) {
    throw new RapportError('INVALID_INPUT', 'Media is only fetched over https.');
  }
  const response = await http.request(parsed, { headers: { accept: 'image/*' } }, { signal: options.signal, maxBodyBytes: options.maxBytes });
  const host = parsed.host;
  if (!response.ok) throw new MediaAnswerError(host, response.status, `${host} did not send the image (HTTP ${response.status}).`);
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!RASTER_IMAGE_TYPES.has(contentType)) {
    throw new MediaAnswerError(host, response.status, `Refused media of type "${contentType || 'unknown'}" from ${host}; only images are cached.`);
  }
  return { bytes: new Uint8Array(await response.arrayBuffer()), contentType };
}
