// The text of an HTML fragment, for places that need words rather than markup (a field's plain
// copy). DOMParser builds an inert document: no script runs and no image loads.
export function plainTextOf(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}
