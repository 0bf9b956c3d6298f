// The policy every page served over app:// carries. No inline or eval'd script, no remote
// anything: avatars are cached by core and served from our own origin; the only non-self
// image source is data: for tiny generated placeholders.

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
