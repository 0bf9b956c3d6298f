// Full-text search over the account's people (`/` focuses it). Typing shows the people list with
// the query (after a short pause, so each keystroke is not a query); Escape clears it and goes
// back to the view the search started from.
import { useEffect, useRef, useState } from 'react';
import { Search } from 'lucide-react';
import { useViewStore } from '../stores/viewStore';
import type { PeopleFilter } from '../../shared/triageTypes';

/** The id the `/` shortcut focuses. */
export const SEARCH_INPUT_ID = 'global-search';
/** Pause after the last keystroke before searching. */
export const SEARCH_DEBOUNCE_MS = 200;

function withQuery(filter: PeopleFilter, query: string): PeopleFilter {
  const { query: _old, ...rest } = filter;
  return query === '' ? rest : { ...rest, query };
}

/** Shows the people list for `query`, keeping the list's other filters when one is on screen. */
function search(query: string): void {
  const { view, filter, sort } = useViewStore.getState();
  const base = view === 'people' ? filter : {};
  useViewStore.getState().showPeople(withQuery(base, query), { sort: view === 'people' ? sort : 'newest' });
}

export function SearchBox({ accountId }: { accountId: number }) {
  const storeQuery = useViewStore((s) => (s.view === 'people' ? (s.filter.query ?? '') : ''));
  const [text, setText] = useState(storeQuery);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [lastStoreQuery, setLastStoreQuery] = useState(storeQuery);

  // Another account: the old words mean nothing there.
  const [lastAccountId, setLastAccountId] = useState(accountId);
  if (accountId !== lastAccountId) {
    setLastAccountId(accountId);
    setText('');
  }
  // The query can change elsewhere (a saved filter, the filter bar's "clear"): show it.
  if (storeQuery !== lastStoreQuery) {
    setLastStoreQuery(storeQuery);
    if (storeQuery !== text.trim()) setText(storeQuery);
  }

  // A search still waiting when the account changes (or the box goes) would land in the wrong list.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [accountId],
  );

  const schedule = (value: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      const query = value.trim();
      const { view, filter } = useViewStore.getState();
      if (query === '' && view !== 'people') return;
      if (view === 'people' && (filter.query ?? '') === query) return;
      search(query);
    }, SEARCH_DEBOUNCE_MS);
  };

  const clear = () => {
    if (timer.current) clearTimeout(timer.current);
    setText('');
    const { view, filter, viewBeforeSearch } = useViewStore.getState();
    if (view !== 'people' || filter.query === undefined) return;
    const rest = withQuery(filter, '');
    if (Object.keys(rest).length === 0) useViewStore.getState().setView(viewBeforeSearch);
    else search('');
  };

  return (
    <div className="search-box" role="search">
      <Search size={14} className="search-icon" aria-hidden="true" />
      <input
        id={SEARCH_INPUT_ID}
        className="search-input"
        type="search"
        aria-label="Search people"
        placeholder="Search people  /"
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          schedule(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            clear();
            event.currentTarget.blur();
          } else if (event.key === 'Enter') {
            if (timer.current) clearTimeout(timer.current);
            timer.current = null;
            const query = text.trim();
            if (query !== '') search(query);
          }
        }}
      />
    </div>
  );
}
