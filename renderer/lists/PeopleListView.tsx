// A filtered list of people (search results, filters, saved filters, not-following-back) with
// multi-select and bulk moves. Only the pages around the screen are in memory (PeopleRows); the
// total comes from SQL.
import { useCallback, useEffect, useState } from 'react';
import type { PersonCard } from '../../shared/domain';
import type { PeopleFilter, PeopleSort } from '../../shared/triageTypes';
import { subscribe } from '../api/rapportClient';
import { useDrawerStore } from '../stores/drawerStore';
import { useViewStore, isEngagesNotFollowedBackFilter, isNotFollowingBackFilter, isSnoozedFilter } from '../stores/viewStore';
import { openPeopleList, refreshPeopleList, rowAt, setSelection, usePeopleListStore } from '../stores/peopleListStore';
import { FilterBar } from './FilterBar';
import { BulkBar } from './BulkBar';
import { PeopleRows } from './PeopleRows';
import { UnfollowPersonDialog } from './UnfollowPersonDialog';
import { pickRow, type PickModifiers } from './rowSelection';
import { refreshActions, unfollowOne } from './peopleListActions';

function emptyText(filter: PeopleFilter): string {
  if (isNotFollowingBackFilter(filter)) return 'Everyone you follow follows you back.';
  if (isEngagesNotFollowedBackFilter(filter)) return 'Nobody who engages with you is waiting for a follow back.';
  if (isSnoozedFilter(filter)) return 'Nobody is snoozed. Snooze someone from their profile to see them again later.';
  if (filter.query) return `Nobody matches “${filter.query}”.`;
  return 'Nobody matches these filters.';
}

export function PeopleListView({ accountId }: { accountId: number }) {
  const filter = useViewStore((s) => s.filter);
  const sort = useViewStore((s) => s.sort);
  const savedFilterId = useViewStore((s) => s.savedFilterId);
  const error = usePeopleListStore((s) => s.error);
  const [unfollowing, setUnfollowing] = useState<PersonCard | null>(null);
  const [unfollowBusy, setUnfollowBusy] = useState(false);
  const offerUnfollow = isNotFollowingBackFilter(filter);

  useEffect(() => {
    openPeopleList(accountId, filter, sort);
  }, [accountId, filter, sort]);

  useEffect(() => {
    const offPeople = subscribe('people.changed', (event) => {
      if (event.accountId === accountId) void refreshPeopleList();
    });
    const offOutbox = subscribe('outbox.changed', (event) => {
      if (event.accountId === accountId) void refreshActions(accountId, event.personIds);
    });
    return () => {
      offPeople();
      offOutbox();
    };
  }, [accountId]);

  const onPick = useCallback((index: number, card: PersonCard, modifiers: PickModifiers) => {
    const current = usePeopleListStore.getState().selection;
    setSelection(pickRow(current, index, card.personId, modifiers, (i) => rowAt(i)?.personId));
  }, []);
  const onOpen = useCallback((card: PersonCard) => void useDrawerStore.getState().open(accountId, card.personId, card.displayName), [accountId]);
  const onUnfollow = useCallback((card: PersonCard) => setUnfollowing(card), []);

  const changeFilter = (next: PeopleFilter) => useViewStore.getState().showPeople(next, { sort });
  const changeSort = (next: PeopleSort) => useViewStore.getState().showPeople(filter, { sort: next, savedFilterId });

  const confirmUnfollow = async () => {
    if (!unfollowing) return;
    setUnfollowBusy(true);
    await unfollowOne(accountId, unfollowing.personId, unfollowing.displayName);
    setUnfollowBusy(false);
    setUnfollowing(null);
  };

  const engagesView = isEngagesNotFollowedBackFilter(filter);
  const title = offerUnfollow
    ? 'Not following back'
    : engagesView
      ? 'Engages with you, not followed back'
      : isSnoozedFilter(filter)
        ? 'Snoozed'
        : filter.query
          ? 'Search results'
          : 'People';
  return (
    <main className="people-view" aria-labelledby="people-view-title">
      <header className="people-view-header">
        <h1 id="people-view-title" className="people-view-title">
          {title}
        </h1>
        {offerUnfollow ? <p className="muted">People you follow who do not follow you, most recently active first. Unfollow one at a time.</p> : null}
        {engagesView ? <p className="muted">They follow you and replied, mentioned, quoted, reposted or liked your posts; you do not follow them yet.</p> : null}
      </header>
      <FilterBar accountId={accountId} filter={filter} sort={sort} onFilterChange={changeFilter} onSortChange={changeSort} />
      <BulkBar />
      {error ? (
        <div className="column-error" role="alert">
          <p>{error}</p>
          <button type="button" className="button" onClick={() => void refreshPeopleList()}>
            Try again
          </button>
        </div>
      ) : null}
      <PeopleRows
        accountId={accountId}
        title={title}
        filter={filter}
        sort={sort}
        emptyText={emptyText(filter)}
        offerUnfollow={offerUnfollow}
        onPick={onPick}
        onOpen={onOpen}
        onUnfollow={onUnfollow}
      />
      {unfollowing ? (
        <UnfollowPersonDialog displayName={unfollowing.displayName} busy={unfollowBusy} onUnfollow={() => void confirmUnfollow()} onKeep={() => setUnfollowing(null)} />
      ) : null}
    </main>
  );
}
