// One stage of the board: header with the live count, and a virtualised list that shows only the
// rows on screen (plus a small overscan) out of a bounded window of loaded cards.
//
// Why @tanstack/react-virtual and not a hand-written fixed-height row range (measured 2026-11-25):
// bench/boardBench.ts, 100k followers, both builds alternated in one session (2 cores shared with
// other work, load 1.5-8), 4 runs each of this configuration (index keys, no flushSync) vs the
// hand-written range: drags with a task > 50 ms 2 of 36 vs 0 of 36 (longest 82 vs 50 ms); tasks
// > 50 ms while wheel-scrolling 0/2/1/4 vs 0/1/1/1 per run, longest 0-70 vs 0-73 ms; first cards
// painted p50 1217-1734 vs 1245-1413 ms. The range's own runs spread 0-10 scroll tasks and a
// 0-56 ms longest drag task across the session, so the gap is inside the noise and the library
// stays. The one cost left is TanStack's O(count) table rebuild when the count changes: cold,
// on a load's first move, it can reach ~50-80 ms here. What did matter, measured: person keys in
// getItemKey (even a stable function) rebuild 100,000 string keys on every count change: a
// 51-171 ms task on 20 of 36 drags.
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import type { Range } from '@tanstack/react-virtual';
import { dropTargetForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { STAGE_LABELS } from '../../shared/domain';
import type { Stage } from '../../shared/domain';
import { useBoardStore } from '../stores/boardStore';
import { useSyncStore } from '../stores/syncStore';
import { reportVisibleRange, retryColumn } from '../stores/columnLoading';
import { formatGrouped } from '../format/numberFormat';
import { cardAt, virtualRowCount } from './columnWindow';
import { columnDropData, isCardDragData } from './dragData';
import { BoardCard } from './BoardCard';
import { useFirstCardsPainted } from './useFirstCardsPainted';

/**
 * Card height plus the gap below it; cards have a fixed height so rows need no measuring. A card
 * with chips gives its bio one line instead of two; the row has room for two lines of signal
 * chips at full length and a line of tags.
 */
export const ROW_HEIGHT = 170;
const OVERSCAN_ROWS = 4;

interface BoardColumnProps {
  stage: Stage;
  accountId: number;
}

export const BoardColumn = memo(function BoardColumn({ stage, accountId }: BoardColumnProps) {
  const column = useBoardStore((s) => s.columns[stage]);
  const count = useBoardStore((s) => s.counts?.[stage] ?? null);
  const listRef = useRef<HTMLDivElement | null>(null);
  const columnRef = useRef<HTMLElement | null>(null);
  const [dropActive, setDropActive] = useState(false);

  const w = column.window;
  const rowCount = virtualRowCount(w, count ?? 0);
  const firstCardsPainted = useFirstCardsPainted(w.loaded && rowCount > 0);
  // No overscan until the first cards are on screen (useFirstCardsPainted.ts says why). A new
  // extractor, not a new `overscan`: TanStack recomputes the rows when the extractor changes.
  const rangeExtractor = useCallback(
    (range: Range) => defaultRangeExtractor(firstCardsPainted ? range : { ...range, overscan: 0 }),
    [firstCardsPainted],
  );
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => listRef.current,
    estimateSize: estimateRowSize,
    // No getItemKey: TanStack's default (the row index) is stable and cheap. Its keys only name
    // measurements, and rows are never measured (fixed height, no measureElement). A key per
    // person costs a 100,000-string rebuild whenever the count changes, i.e. on every move.
    overscan: OVERSCAN_ROWS,
    rangeExtractor,
    // A scroll that brings new rows renders them in React's own (batched) update rather than
    // synchronously inside each scroll event.
    useFlushSync: false,
    // Rows are not measured yet on the first render: assume the window's height so the first
    // frame already has its cards instead of one empty frame.
    initialRect: { width: 0, height: typeof window === 'undefined' ? 0 : window.innerHeight },
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows[rows.length - 1]?.index ?? -1;
  // Roving focus: the column is one tab stop, the card last focused in it (else its first
  // rendered card); arrows move between cards.
  const [lastFocused, setLastFocused] = useState<number | null>(null);
  const renderedIds = rows.map(({ index }) => cardAt(w, index)?.personId);
  const tabStop = lastFocused !== null && renderedIds.includes(lastFocused) ? lastFocused : renderedIds.find((id) => id !== undefined);

  // Re-reported when the window is reset (another sort or account) even if the rows stayed.
  const loaded = w.loaded;
  useEffect(() => {
    reportVisibleRange(stage, first, Math.max(first, last));
  }, [stage, first, last, loaded]);

  // A new order or account starts at the top: row numbers of the old one mean nothing now.
  const sort = useBoardStore((s) => s.sort);
  useEffect(() => {
    if (listRef.current) listRef.current.scrollTop = 0;
  }, [sort, accountId]);

  const shift = column.scrollShift;
  useEffect(() => {
    if (shift.seq > 0 && listRef.current) listRef.current.scrollTop += shift.rows * ROW_HEIGHT;
  }, [shift]);

  useEffect(() => {
    const el = columnRef.current;
    if (!el) return undefined;
    return dropTargetForElements({
      element: el,
      getData: () => columnDropData(stage),
      canDrop: ({ source }) => isCardDragData(source.data) && source.data.stage !== stage,
      onDragEnter: () => setDropActive(true),
      onDragLeave: () => setDropActive(false),
      onDrop: () => setDropActive(false),
    });
  }, [stage]);

  const label = STAGE_LABELS[stage];
  const empty = w.loaded && rowCount === 0;
  const syncRunning = useSyncStore((s) => s.byAccount[accountId]?.state === 'running');
  return (
    <section
      ref={columnRef}
      className={dropActive ? 'column is-drop-target' : 'column'}
      data-testid={`column-${stage}`}
      data-stage={stage}
      aria-labelledby={`column-title-${stage}`}
    >
      <header className="column-header">
        <span className="stage-dot" aria-hidden="true" />
        <h2 id={`column-title-${stage}`} className="column-title">
          {label}
        </h2>
        <span className="column-count" data-testid={`count-${stage}`}>
          {count === null ? '–' : formatGrouped(count)}
        </span>
      </header>
      {column.error ? (
        <div className="column-error" role="alert">
          <p>{column.error}</p>
          <button type="button" className="button" onClick={() => retryColumn(stage)}>
            Try again
          </button>
        </div>
      ) : null}
      {/* An empty column holds only its hint: a list with no items would say nothing true. */}
      <div
        ref={listRef}
        className="column-list"
        data-testid={`list-${stage}`}
        role={empty ? 'group' : 'list'}
        aria-label={`${label} followers`}
        tabIndex={-1}
        onFocus={(event) => {
          const id = Number((event.target as HTMLElement).dataset.personId);
          if (Number.isInteger(id) && id > 0) setLastFocused(id);
        }}
      >
        {empty ? <p className="column-empty">{emptyText(stage, syncRunning)}</p> : null}
        <div className="column-rows" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map(({ index, start }) => {
            const card = cardAt(w, index);
            // Keyed by person, so a card keeps its component (and its menu or drag state) when
            // rows shift under it after a move; placeholders are keyed by row.
            return (
              <div
                key={card ? `p${card.personId}` : `row${index}`}
                className="column-row"
                role="listitem"
                aria-posinset={index + 1}
                aria-setsize={count ?? -1}
                style={{ height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
              >
                {card ? (
                  <BoardCard card={card} accountId={accountId} tabbable={card.personId === tabStop} deferAvatar={firstCardsPainted} />
                ) : (
                  <div className="card card-placeholder" aria-hidden="true" />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
});

function estimateRowSize(): number {
  return ROW_HEIGHT;
}

function emptyText(stage: Stage, syncRunning: boolean): string {
  switch (stage) {
    case 'new':
      // While a sync runs (the first one above all) an empty column is not news yet.
      return syncRunning ? 'Reading followers…' : 'No new followers. New ones appear here after a sync.';
    case 'evaluated':
      return 'Drag people here once you have looked at them.';
    case 'connected':
      return 'People you followed back or wrote to.';
    case 'declined':
      return 'People you chose not to follow back.';
  }
}
