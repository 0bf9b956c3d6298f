// The next request of a redirect, built by hand: the HTTP layer follows redirects itself
// (fetch's `redirect: 'manual'`) so every hop passes the same checks as the first URL (https
// only in the app, no private addresses for media). The rules are fetch's own (WHATWG Fetch,
// "HTTP-redirect fetch"), including dropping credentials when the origin changes.

/** A few hops cover CDNs and short links; more is a loop or someone probing. */
export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Headers that must not follow a request to another origin. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];

export function isRedirect(response: Response): boolean {
  return REDIRECT_STATUSES.has(response.status) && response.headers.has('location');
}

/**
 * The request to send after `response` redirected `request`, or null if the answer is not a
 * followable redirect. A Location that is not a URL is an error of the server.
 */
export async function redirectedRequest(request: Request, response: Response): Promise<Request | null> {
  if (!isRedirect(response)) return null;
  const location = response.headers.get('location') as string;
  const from = new URL(request.url);
  const to = new URL(location, from); // throws TypeError on garbage; the caller reports it
  const method = request.method.toUpperCase();
  const toGet = (response.status === 303 && method !== 'HEAD') || ((response.status === 301 || response.status === 302) && method === 'POST');
  const headers = new Headers(request.headers);
  if (to.origin !== from.origin) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
  if (toGet) for (const name of BODY_HEADERS) headers.delete(name);
  const keepsBody = !toGet && method !== 'GET' && method !== 'HEAD';
  return new Request(to, {
    method: toGet ? 'GET' : method,
    headers,
    body: keepsBody ? await request.clone().arrayBuffer() : null,
    redirect: 'manual',
  });
}
