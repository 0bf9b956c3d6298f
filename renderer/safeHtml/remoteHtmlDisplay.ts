// The display rules of remoteDisplayText applied to sanitized remote HTML: every text node loses
// its direction controls and its excess combining marks, and a link whose text names another host
// than the one it opens says where it really goes: "paypal.com (evil.example)".
import { displayText, hiddenLinkHost } from './remoteDisplayText';

export function prepareHtmlForDisplay(fragment: DocumentFragment): void {
  const doc = fragment.ownerDocument;
  // Links first: their whole text (across the invisible/ellipsis spans servers wrap long URLs in) is what is claimed.
  for (const link of Array.from(fragment.querySelectorAll('a[href]'))) {
    const realHost = hiddenLinkHost(link.textContent ?? '', link.getAttribute('href') ?? '');
    if (realHost !== null) link.appendChild(doc.createTextNode(` (${realHost})`));
  }
  const walker = doc.createTreeWalker(fragment, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const shown = displayText(text.data);
    if (shown !== text.data) text.data = shown;
  }
}
