// Short user-typed names (tags, template names) are unique regardless of case, and listed A→Z the
// way a person reads them. SQLite's NOCASE folds ASCII only, so "Ärger" and "ärger" need this.

/** The key two spellings of one name share. */
export function labelKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('en-US');
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** A→Z ignoring case and accents, then by code points so the order is total. */
export function compareLabels(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
