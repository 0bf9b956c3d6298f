// The order of every column.
import { BOARD_SORTS } from '../../shared/domain';
import type { BoardSort } from '../../shared/domain';
import { useBoardStore } from '../stores/boardStore';
import { setSort } from '../stores/boardSession';

const SORT_LABELS: Record<BoardSort, string> = {
  newest: 'Newest follower first',
  followers: 'Most followers',
  name: 'Name',
  score: 'Most promising first',
  engaged: 'Most engaged first',
};

function isBoardSort(value: string): value is BoardSort {
  return (BOARD_SORTS as readonly string[]).includes(value);
}

export function SortSelect() {
  const sort = useBoardStore((s) => s.sort);
  return (
    <label className="sort">
      <span className="sort-label">Sort</span>
      <select
        aria-label="Sort"
        className="select"
        value={sort}
        onChange={(event) => {
          if (isBoardSort(event.target.value)) setSort(event.target.value);
        }}
      >
        {BOARD_SORTS.map((value) => (
          <option key={value} value={value}>
            {SORT_LABELS[value]}
          </option>
        ))}
      </select>
    </label>
  );
}
