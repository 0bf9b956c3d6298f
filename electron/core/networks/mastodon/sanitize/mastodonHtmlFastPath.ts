// Most Mastodon HTML is already inside our allow-list: <p>, <br>, links and mention/hashtag spans,
// well nested. Running DOMPurify on jsdom costs milliseconds per bio, which adds up to minutes on a
// large follower list, so markup that provably matches this narrow grammar is rebuilt directly:
// every tag is re-emitted by us from the allow-list (never copied), text contains no `<`, `>`
// or stray `&`, and nesting is checked. Anything else — any other tag or attribute, an entity we
// do not know, odd nesting — returns null and goes through DOMPurify. A differential test holds
// both paths to identical output.
import { PlainTextCollector } from './plainTextCollector';

export interface FastSanitized {
  html: string;
  text: string;
}

const SPAN_CLASSES: ReadonlySet<string> = new Set(['mention', 'hashtag', 'h-card', 'invisible', 'ellipsis']);
// eslint-disable-next-line no-control-regex -- control characters must send markup to the general path
const TOKEN = /<(\/?)([a-z]+)((?:\s+[a-z-]+="[^"<>&\u0000-\u001f]*")*)\s*(\/?)>|([^<>&\u00a0\u0000-\u0008\u000b-\u001f\u007f]+)|&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-z]{2,6});/y;
const ATTR = /([a-z-]+)="([^"]*)"/g;
const ALLOWED_ATTRS: Record<string, ReadonlySet<string>> = {
  a: new Set(['href', 'rel', 'target', 'class', 'translate']),
  span: new Set(['class', 'translate']),
  p: new Set(),
  br: new Set(),
};
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function decodeEntity(body: string): string | null {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    // Only printable characters that serialise back as themselves (or as &amp; &lt; &gt;).
    if (!Number.isFinite(code) || code < 0x20 || (code >= 0x7f && code <= 0xa0) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
    return String.fromCodePoint(code);
  }
  return NAMED[body] ?? null;
}

export function fastSanitizeMastodonHtml(input: string): FastSanitized | null {
  const out: string[] = [];
  const text = new PlainTextCollector();
  const stack: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < input.length) {
    const m = TOKEN.exec(input);
    if (!m) return null;
    const [, closing, tagName, attrText, selfClosing, plain, entity] = m;
    if (plain !== undefined) {
      out.push(plain);
      text.text(plain);
      continue;
    }
    if (entity !== undefined) {
      const decoded = decodeEntity(entity);
      if (decoded === null) return null;
      out.push(escapeText(decoded));
      text.text(decoded);
      continue;
    }
    const tag = tagName ?? '';
    const allowed = ALLOWED_ATTRS[tag];
    if (!allowed) return null;
    if (closing) {
      if (attrText || selfClosing || tag === 'br' || stack.pop() !== tag) return null;
      out.push(`</${tag}>`);
      if (tag === 'p') text.blockBoundary();
      continue;
    }
    const attrs = new Map<string, string>();
    for (const a of (attrText ?? '').matchAll(ATTR)) {
      const name = a[1] ?? '';
      if (!allowed.has(name) || attrs.has(name)) return null;
      attrs.set(name, a[2] ?? '');
    }
    if (tag === 'br') {
      out.push('<br>');
      text.lineBreak();
      continue;
    }
    if (selfClosing) return null;
    if (tag === 'p') {
      // Paragraphs only at the top level: anything else is re-nested by the HTML parser.
      if (stack.length > 0) return null;
      out.push('<p>');
      text.blockBoundary();
    } else if (tag === 'a') {
      if (stack.includes('a')) return null;
      const href = attrs.get('href');
      if (href !== undefined && /^https?:\/\//i.test(href)) out.push(`<a href="${href}" rel="noopener noreferrer" target="_blank">`);
      else if (href === undefined || href === '') out.push('<a>');
      else return null;
    } else {
      const classes = (attrs.get('class') ?? '').split(/\s+/).filter((c) => SPAN_CLASSES.has(c));
      out.push(classes.length > 0 ? `<span class="${classes.join(' ')}">` : '<span>');
    }
    stack.push(tag);
  }
  if (stack.length > 0) return null;
  return { html: out.join(''), text: text.finish() };
}
