// "Save filter…": names the list's current filter and stores it in core (it survives a restart
// and appears under "Saved filters" in the sidebar).
import { useId, useRef, useState } from 'react';
import type { PeopleFilter } from '../../shared/triageTypes';
import { toRapportError } from '../api/rapportClient';
import { CancelSaveButtons } from '../dialogs/CancelSaveButtons';
import { FormError } from '../dialogs/FormError';
import { useSavedFiltersStore } from '../stores/savedFiltersStore';
import { useViewStore } from '../stores/viewStore';
import { announce } from '../stores/announcerStore';

export function SaveFilterButton({ accountId, filter }: { accountId: number; filter: PeopleFilter }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLButtonElement | null>(null);
  const formId = useId();

  const close = () => {
    setOpen(false);
    setError(null);
    opener.current?.focus();
  };

  const save = async () => {
    const trimmed = name.trim();
    if (trimmed === '') {
      setError('Give the filter a name.');
      return;
    }
    setBusy(true);
    try {
      const saved = await useSavedFiltersStore.getState().save(accountId, trimmed, filter);
      useViewStore.setState({ savedFilterId: saved.id });
      announce(`Saved filter ${saved.name}`);
      setName('');
      close();
    } catch (err) {
      setError(toRapportError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="save-filter">
      <button ref={opener} type="button" className="button" aria-expanded={open} aria-controls={open ? formId : undefined} onClick={() => (open ? close() : setOpen(true))}>
        Save filter…
      </button>
      {open ? (
        <form
          id={formId}
          className="save-filter-form"
          aria-label="Save filter"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              close();
            }
          }}
        >
          <label className="save-filter-label">
            <span>Filter name</span>
            <input className="select" value={name} maxLength={80} autoFocus onChange={(event) => setName(event.target.value)} />
          </label>
          <FormError message={error} className="save-filter-error" />
          <CancelSaveButtons className="save-filter-actions" busy={busy} onCancel={close} />
        </form>
      ) : null}
    </div>
  );
}
