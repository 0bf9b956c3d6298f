// Which mailto: links Rapport may hand to the mail program. A public email comes from a remote
// profile, so it is untrusted: only a link to exactly one plain address passes. Headers (?subject,
// ?body, ?cc, ?bcc, ?to), several recipients, encoded characters and fragments are refused, so a
// profile cannot pre-fill a message or copy someone else in.

/** RFC 5321's limit on a whole address. */
const MAX_ADDRESS_LENGTH = 254;

// A dot-atom local part without the characters that mean something in a URL (%, &, ?, ,, /)
// and a host name of letters, digits and hyphens with at least one dot.
const LOCAL_PART = /^[A-Za-z0-9!#$'*+=^_`{|}~-]+(?:\.[A-Za-z0-9!#$'*+=^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export type MailtoVerdict = { allowed: true; href: string } | { allowed: false; reason: string };

/** `url` is a parsed mailto: URL; allowed when it names one bare address and nothing else. */
export function checkMailtoUrl(url: URL): MailtoVerdict {
  if (url.search !== '' || url.href.includes('?')) return { allowed: false, reason: 'mailto: link carries headers' };
  if (url.hash !== '' || url.href.includes('#')) return { allowed: false, reason: 'mailto: link carries a fragment' };
  const address = url.pathname;
  if (address.length > MAX_ADDRESS_LENGTH) return { allowed: false, reason: 'mailto: address is too long' };
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const labels = domain.split('.');
  if (at <= 0 || !LOCAL_PART.test(local) || labels.length < 2 || !labels.every((label) => LABEL.test(label))) {
    return { allowed: false, reason: 'mailto: link is not one plain address' };
  }
  return { allowed: true, href: `mailto:${local}@${domain.toLowerCase()}` };
}
