// The account's saved filters: click shows the people list with one; the bin asks, then deletes.
import { useEffect, useState } from 'react';
import { Trash2 } from 'lucide-react';
import type { SavedFilter } from '../../shared/triageTypes';
import { ConfirmDialog } from '../dialogs/ConfirmDialog';
import { NO_FILTERS, useSavedFiltersStore } from '../stores/savedFiltersStore';
import { useViewStore } from '../stores/viewStore';

export function SavedFiltersSection({ accountId }: { accountId: number }) {
  const filters = useSavedFiltersStore((s) => (s.accountId === accountId ? s.filters : NO_FILTERS));
  const error = useSavedFiltersStore((s) => (s.accountId === accountId ? s.error : null));
  const currentId = useViewStore((s) => (s.view === 'people' ? s.savedFilterId : null));
  const [deleting, setDeleting] = useState<SavedFilter | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void useSavedFiltersStore.getState().load(accountId);
  }, [accountId]);

  const confirmDelete = async () => {
    if (!deleting) return;
    setBusy(true);
    const removed = await useSavedFiltersStore.getState().remove(deleting.id);
    setBusy(false);
    if (removed && useViewStore.getState().savedFilterId === deleting.id) useViewStore.setState({ savedFilterId: null });
    setDeleting(null);
  };

  return (
    <section className="sidebar-section" aria-labelledby="sidebar-saved-title">
      <h2 id="sidebar-saved-title" className="sidebar-heading">
        Saved filters
      </h2>
      {error ? (
        <p className="sidebar-message is-error" role="alert">
          {error}
        </p>
      ) : null}
      {filters.length === 0 && !error ? <p className="sidebar-hint">Filter a list of people, then “Save filter…”.</p> : null}
      <ul className="sidebar-list" data-testid="saved-filters">
        {filters.map((saved) => (
          <li key={saved.id} className="sidebar-item">
            <button
              type="button"
              className={currentId === saved.id ? 'sidebar-item-button is-current' : 'sidebar-item-button'}
              aria-current={currentId === saved.id ? 'page' : undefined}
              onClick={() => useViewStore.getState().showPeople(saved.filter, { savedFilterId: saved.id })}
            >
              <span className="sidebar-item-name" dir="auto">
                {saved.name}
              </span>
            </button>
            <button type="button" className="icon-button sidebar-item-delete" aria-label={`Delete saved filter ${saved.name}`} title="Delete" onClick={() => setDeleting(saved)}>
              <Trash2 size={14} aria-hidden="true" />
            </button>
          </li>
        ))}
      </ul>
      {deleting ? (
        <ConfirmDialog
          title={`Delete “${deleting.name}”?`}
          body="The saved filter goes away; nobody in it is moved or changed."
          confirmLabel="Delete"
          busy={busy}
          onConfirm={() => void confirmDelete()}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </section>
  );
}
