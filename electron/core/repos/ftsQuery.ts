// Turns what a user typed into an FTS5 query that cannot be a syntax error: every token becomes a
// quoted string (quotes doubled), so AND/OR/NEAR/-/:/* typed by the user are plain text, and the
// last token is a prefix so results appear while typing.

/** The FTS5 MATCH expression for `text`, or null when it holds nothing searchable. */
export function toFtsQuery(text: string): string | null {
  // Control characters split tokens too: SQLite's FTS parser stops at a NUL inside a string.
  // eslint-disable-next-line no-control-regex
  const tokens = text.split(/[\s\u0000-\u001f\u007f]+/).filter((token) => /[\p{L}\p{N}]/u.test(token));
  if (tokens.length === 0) return null;
  return tokens
    .map((token, i) => {
      const quoted = `"${token.replace(/"/g, '""')}"`;
      return i === tokens.length - 1 ? `${quoted}*` : quoted;
    })
    .join(' ');
}
