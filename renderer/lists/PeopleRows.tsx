// The virtualised rows of the people list: only the rows on screen (plus a small overscan) are
// in the DOM; the pages they fall in are asked for as they scroll into view.
import { memo, useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PersonCard } from '../../shared/domain';
import type { PeopleFilter, PeopleSort } from '../../shared/triageTypes';
import { rowAt, showRows, usePeopleListStore } from '../stores/peopleListStore';
import { PERSON_ROW_HEIGHT, PersonRow } from './PersonRow';
import { isSelected, type PickModifiers } from './rowSelection';

const OVERSCAN_ROWS = 6;

interface PeopleRowsProps {
  accountId: number;
  title: string;
  filter: PeopleFilter;
  sort: PeopleSort;
  emptyText: string;
  offerUnfollow: boolean;
  onPick(index: number, card: PersonCard, modifiers: PickModifiers): void;
  onOpen(card: PersonCard): void;
  onUnfollow(card: PersonCard): void;
}

export const PeopleRows = memo(function PeopleRows({ accountId, title, filter, sort, emptyText, offerUnfollow, onPick, onOpen, onUnfollow }: PeopleRowsProps) {
  const total = usePeopleListStore((s) => s.total);
  const pages = usePeopleListStore((s) => s.pages);
  const selection = usePeopleListStore((s) => s.selection);
  const listRef = useRef<HTMLDivElement | null>(null);

  // A new filter or order starts at the top.
  useEffect(() => {
    if (listRef.current) listRef.current.scrollTop = 0;
  }, [filter, sort]);

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => listRef.current,
    estimateSize: () => PERSON_ROW_HEIGHT,
    overscan: OVERSCAN_ROWS,
    useFlushSync: false,
    initialRect: { width: 0, height: typeof window === 'undefined' ? 0 : window.innerHeight },
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows[rows.length - 1]?.index ?? -1;
  useEffect(() => {
    if (last >= first) showRows(first, last);
  }, [first, last, total, pages]);

  return (
    <div ref={listRef} className="people-list" data-testid="people-list" role="list" aria-label={title} tabIndex={-1}>
      {total === 0 ? <p className="column-empty">{emptyText}</p> : null}
      <div className="people-rows" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map(({ index, start }) => {
          const card = rowAt(index);
          return (
            <div
              key={card ? `p${card.personId}` : `row${index}`}
              className="people-row-slot"
              role="listitem"
              aria-posinset={index + 1}
              aria-setsize={total ?? -1}
              style={{ transform: `translateY(${start}px)` }}
            >
              {card ? (
                <PersonRow
                  card={card}
                  index={index}
                  accountId={accountId}
                  selected={isSelected(selection, card.personId)}
                  offerUnfollow={offerUnfollow}
                  onPick={onPick}
                  onOpen={onOpen}
                  onUnfollow={onUnfollow}
                />
              ) : (
                <div className="person-row person-row-placeholder" aria-hidden="true" />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
});
