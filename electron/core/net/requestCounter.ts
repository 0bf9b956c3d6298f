// Counts every request that actually left the machine (retries included), per endpoint, so the
// sync engine, tests and the bench can hold a sync to "no more requests than the minimum".

export class RequestCounter {
  private readonly counts = new Map<string, number>();

  record(endpoint: string): void {
    this.counts.set(endpoint, (this.counts.get(endpoint) ?? 0) + 1);
  }

  count(endpoint: string): number {
    return this.counts.get(endpoint) ?? 0;
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  reset(): void {
    this.counts.clear();
  }
}

/**
 * The name a request is counted under: the XRPC method for `/xrpc/<nsid>` (what AT Protocol servers
 * budget by), otherwise host + path without the query (numeric segments as `:id`), which never carries
 * credentials into logs.
 */
export function endpointOf(url: URL): string {
  const xrpc = /^\/xrpc\/([^/]+)$/.exec(url.pathname);
  if (xrpc?.[1]) return xrpc[1];
  // Numeric path segments are ids (/api/v1/accounts/109…/statuses, /users/123):
  // counting them under one name keeps "requests per endpoint" meaningful and ids out of logs.
  return `${url.host}${url.pathname.replace(/\/\d+(?=\/|$)/g, '/:id')}`;
}
