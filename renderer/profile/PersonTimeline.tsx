// The person's history with me, newest first: followed you, stage changes, messages, snoozes…
import { useId } from 'react';
import type { TimelineEntry } from '../../shared/triageTypes';
import { formatFullDate, formatRelative } from '../format/dateFormat';
import { RemoteText } from '../safeHtml/RemoteHtml';

export function PersonTimeline({ entries, error }: { entries: readonly TimelineEntry[] | null; error: string | null }) {
  const titleId = useId();
  return (
    <section className="profile-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="profile-section-title">
        Timeline
      </h3>
      {error ? (
        <p className="muted">History is not available: {error}</p>
      ) : entries === null ? (
        // A quiet placeholder of a few lines' height: no text flashes while it loads.
        <div className="timeline-skeleton" aria-busy="true" data-testid="timeline-loading" />
      ) : entries.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {entries.map((entry) => (
            <li key={entry.id} className="timeline-entry" data-kind={entry.kind}>
              <time dateTime={entry.at} title={formatFullDate(entry.at)}>
                {formatRelative(entry.at)}
              </time>
              {/* Summaries quote remote text (a name, a message): shown like it. */}
              <RemoteText text={entry.summary} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
