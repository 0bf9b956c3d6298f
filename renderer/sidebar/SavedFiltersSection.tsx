// The account's saved filters: click shows the people list with one; the bin asks, then deletes.
import { useEffect, useState } from 'react';
import { Trash2 } from 'lucide-react';
import type { SavedFilter } from '../../shared/triageTypes';
import { ConfirmDialog } from '../dialogs/ConfirmDialog';
import { NO_FILTERS, useSavedFiltersStore } from '../stores/savedFiltersStore';
import { useViewStore } from '../stores/viewStore';
import { SidebarSection } from './SidebarSection';

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
    <SidebarSection
      titleId="sidebar-saved-title"
      title="Saved filters"
      error={error}
      isEmpty={filters.length === 0}
      emptyHint="Filter a list of people, then “Save filter…”."
      listTestId="saved-filters"
      after={
        deleting ? (
          <ConfirmDialog
            title={`Delete “${deleting.name}”?`}
            body="The saved filter goes away; nobody in it is moved or changed."
            confirmLabel="Delete"
            busy={busy}
            onConfirm={() => void confirmDelete()}
            onCancel={() => setDeleting(null)}
          />
        ) : null
      }
    >
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
    </SidebarSection>
  );
}
