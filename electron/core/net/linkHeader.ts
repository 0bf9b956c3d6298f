// RFC 8288 `Link` headers, as REST APIs use them for pagination:
//   Link: <https://host/api/v1/accounts/1/followers?limit=80&max_id=7>; rel="next", <…>; rel="prev"
// Parsed by hand rather than with a regex over the whole header, because a URL may legally
// contain `,` and `;` inside the angle brackets.

export interface LinkTarget {
  href: string;
  rels: string[];
}

/** Every `<target>; rel=…` entry, in order. Entries without a rel or with a broken target are skipped. */
export function parseLinkHeader(value: string | null): LinkTarget[] {
  if (!value) return [];
  const out: LinkTarget[] = [];
  let i = 0;
  while (i < value.length) {
    const open = value.indexOf('<', i);
    if (open < 0) break;
    const close = value.indexOf('>', open + 1);
    if (close < 0) break;
    const href = value.slice(open + 1, close).trim();
    // Parameters run until the next top-level comma (commas inside quoted strings do not count).
    let j = close + 1;
    let quoted = false;
    while (j < value.length) {
      const c = value[j];
      if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) break;
      j++;
    }
    const params = value.slice(close + 1, j);
    const rel = /(?:^|;)\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params);
    const relValue = rel?.[1] ?? rel?.[2];
    if (href && relValue) out.push({ href, rels: relValue.toLowerCase().split(/\s+/).filter(Boolean) });
    i = j + 1;
  }
  return out;
}

/** The first target with this relation type ("next", "prev"), or null. */
export function linkWithRel(value: string | null, rel: string): string | null {
  const wanted = rel.toLowerCase();
  return parseLinkHeader(value).find((l) => l.rels.includes(wanted))?.href ?? null;
}

/**
 * The `rel` link resolved against the request URL, but only when it stays on the same origin and
 * path: a server must not be able to steer our next request (with its bearer token) elsewhere.
 * Returns null when there is no such link; throws a plain Error naming the problem when the link
 * points somewhere else, so the caller can turn it into its network's error.
 */
export function sameResourceLink(value: string | null, rel: string, requestUrl: URL): URL | null {
  const href = linkWithRel(value, rel);
  if (href === null) return null;
  let target: URL;
  try {
    target = new URL(href, requestUrl);
  } catch {
    throw new Error(`${rel} link is not a valid address`);
  }
  if (target.origin !== requestUrl.origin) throw new Error(`${rel} link points to another server (${target.host})`);
  if (target.pathname !== requestUrl.pathname) throw new Error(`${rel} link points to another list (${target.pathname})`);
  return target;
}
