// "Export CSV" / "Export JSON" in the sidebar: everyone, or the list on screen when a people list
// is showing (the same filter, so the file holds exactly the rows the list counts).
import { useState } from 'react';
import { Download } from 'lucide-react';
import type { ExportFormat, PeopleFilter } from '../../shared/triageTypes';
import { toRapportError } from '../api/rapportClient';
import { formatGrouped } from '../format/numberFormat';
import { exportPeople } from './downloadExport';

interface ExportButtonsProps {
  accountId: number;
  /** The people list's filter when one is on screen; absent exports everyone. */
  filter?: PeopleFilter;
}

export function ExportButtons({ accountId, filter }: ExportButtonsProps) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const run = async (format: ExportFormat) => {
    setBusy(true);
    setMessage(null);
    try {
      const rows = await exportPeople(accountId, format, filter);
      setMessage({ tone: 'info', text: `Exported ${formatGrouped(rows)} ${rows === 1 ? 'person' : 'people'} as ${format.toUpperCase()}.` });
    } catch (error) {
      setMessage({ tone: 'error', text: toRapportError(error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="export-buttons">
      <p className="sidebar-hint">{filter ? 'The list on screen' : 'Everyone'}, with stage, tags, notes and dates.</p>
      <div className="export-row">
        {(['csv', 'json'] as const).map((format) => (
          <button key={format} type="button" className="button sidebar-button-small" disabled={busy} onClick={() => void run(format)}>
            <Download size={14} aria-hidden="true" />
            Export {format.toUpperCase()}
          </button>
        ))}
      </div>
      {message ? (
        <p className={message.tone === 'error' ? 'sidebar-message is-error' : 'sidebar-message'} role={message.tone === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
