// The selection toolbar: how many are selected, "Select all matching" (the filter, not the rows
// loaded), the bulk moves, and the last move's summary with Undo. Moving many to Connected is
// refused with the reason: follows stay one at a time.
import { STAGE_LABELS, type Stage } from '../../shared/domain';
import { formatGrouped } from '../format/numberFormat';
import { setSelection, usePeopleListStore } from '../stores/peopleListStore';
import { CONNECTED_REFUSAL, bulkSummaryText, moveSelection, peopleCount, undoLastBulk } from './peopleListActions';
import { NO_SELECTION, selectedCount } from './rowSelection';

const BULK_TARGETS: Stage[] = ['declined', 'evaluated', 'new', 'connected'];

export function BulkBar() {
  const total = usePeopleListStore((s) => s.total);
  const selection = usePeopleListStore((s) => s.selection);
  const lastBulk = usePeopleListStore((s) => s.lastBulk);
  const notice = usePeopleListStore((s) => s.notice);
  const count = selectedCount(selection, total ?? 0);
  const allMatching = selection.kind === 'allMatching';

  return (
    <div className="bulk-bar">
      <div className="bulk-row">
        <span className="people-total-line">
          <span data-testid="people-total" data-total={total ?? undefined}>
            {total === null ? '–' : formatGrouped(total)}
          </span>{' '}
          {total === 1 ? 'person' : 'people'}
        </span>
        <span className="bulk-selected" aria-live="polite">
          {count > 0 ? (allMatching ? `All ${peopleCount(count)} matching selected` : `${formatGrouped(count)} selected`) : ''}
        </span>
        {allMatching || count > 0 ? (
          <button type="button" className="button button-quiet" onClick={() => setSelection(NO_SELECTION)}>
            Clear selection
          </button>
        ) : null}
        {!allMatching ? (
          <button type="button" className="button" disabled={!total} onClick={() => setSelection({ kind: 'allMatching' })}>
            Select all matching
          </button>
        ) : null}
        <div className="filter-spacer" />
        {BULK_TARGETS.map((stage) => {
          const refused = stage === 'connected';
          return (
            <button
              key={stage}
              type="button"
              className="button"
              disabled={count === 0}
              aria-disabled={refused || undefined}
              title={refused ? CONNECTED_REFUSAL : undefined}
              onClick={() => void moveSelection(stage)}
            >
              Move selected to {STAGE_LABELS[stage]}
            </button>
          );
        })}
      </div>
      {notice ? (
        <p className="bulk-notice" role="alert" data-testid="people-notice">
          {notice}
        </p>
      ) : null}
      {lastBulk ? (
        <p className="bulk-summary" role="status" data-testid="bulk-summary">
          {bulkSummaryText(lastBulk)}
          {!lastBulk.undone && lastBulk.from.length > 0 ? (
            <button type="button" className="button button-quiet" onClick={() => void undoLastBulk()}>
              Undo
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
