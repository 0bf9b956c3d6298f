// Full-text search over the account's people (`/` focuses it). Placeholder until search lands.
/** The id the `/` shortcut focuses. */
export const SEARCH_INPUT_ID = 'global-search';

export function SearchBox(_props: { accountId: number }) {
  return null;
}
