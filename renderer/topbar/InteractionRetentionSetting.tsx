// How long Rapport keeps interactions themselves (their words, links and dates), in the settings
// popover. Counts per kind outlive them, so cards keep their totals. A shorter time deletes older
// rows on every account at once and cannot be undone, so it asks first; a longer one loses
// nothing, so it applies at once.
import { useEffect, useId, useState } from 'react';
import type { InteractionRetention } from '../../shared/interactions';
import { call, toRapportError } from '../api/rapportClient';
import { FormError } from '../dialogs/FormError';

export const RETENTION_CHOICES: ReadonlyArray<{ days: number; label: string }> = [
  { days: 90, label: '3 months' },
  { days: 182, label: '6 months' },
  { days: 365, label: '1 year' },
  { days: 730, label: '2 years' },
  { days: 3650, label: '10 years' },
];

export function retentionLabel(days: number): string {
  return RETENTION_CHOICES.find((c) => c.days === days)?.label ?? `${days} days`;
}

/** The choices, plus what core holds when it is none of them (set before these choices existed). */
function choicesWith(stored: number): number[] {
  const days = RETENTION_CHOICES.map((c) => c.days);
  return days.includes(stored) ? days : [...days, stored].sort((a, b) => a - b);
}

export function InteractionRetentionSetting() {
  const [stored, setStored] = useState<InteractionRetention | null>(null);
  /** A shorter time the user picked, waiting for them to confirm the deletion. */
  const [pending, setPending] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = useId();

  useEffect(() => {
    let live = true;
    call('getInteractionRetention', {}).then(
      (value) => {
        if (live) setStored(value);
      },
      (failure: unknown) => {
        if (live) setError(`Could not read how long interactions are kept: ${toRapportError(failure).message}`);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const save = async (days: number) => {
    setBusy(true);
    setError(null);
    try {
      setStored(await call('setInteractionRetention', { days }));
    } catch (failure) {
      setError(`Could not keep interactions for ${retentionLabel(days)}: ${toRapportError(failure).message}`);
    } finally {
      setPending(null);
      setBusy(false);
    }
  };

  const choose = (days: number) => {
    if (!stored) return;
    setError(null);
    if (days === stored.days) setPending(null);
    else if (days < stored.days) setPending(days);
    else void save(days);
  };

  return (
    <section className="settings-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`} className="popover-subtitle">
        Interactions
      </h3>
      {stored === null ? (
        error ? null : (
          <p className="muted" aria-busy="true">
            Loading…
          </p>
        )
      ) : (
        <>
          <label className="field" htmlFor={`${ids}-select`}>
            <span className="field-label">Keep interactions for</span>
            <select
              id={`${ids}-select`}
              className="select"
              aria-describedby={`${ids}-help`}
              disabled={busy}
              value={pending ?? stored.days}
              onChange={(event) => choose(Number(event.target.value))}
            >
              {choicesWith(stored.days).map((days) => (
                <option key={days} value={days}>
                  {retentionLabel(days)}
                  {days === stored.defaultDays ? ' (default)' : ''}
                </option>
              ))}
            </select>
          </label>
          <p id={`${ids}-help`} className="field-help">
            Replies, mentions, likes and the rest are kept this long on this computer. The counts on cards (“replied 3×”) are kept beyond it. A shorter time
            deletes older ones now, on every account.
          </p>
        </>
      )}
      {/* Present before the question appears, so screen readers announce it. */}
      <div aria-live="polite">
        {pending !== null && stored !== null ? (
          <div className="settings-confirm" role="group" aria-labelledby={`${ids}-question`}>
            <p id={`${ids}-question`} className="settings-question">
              Delete interactions older than {retentionLabel(pending)} now, on every account? Counts on cards stay.
            </p>
            <div className="dialog-actions">
              <button type="button" className="button button-quiet" onClick={() => setPending(null)}>
                Keep {retentionLabel(stored.days)}
              </button>
              <button type="button" className="button button-danger" disabled={busy} onClick={() => void save(pending)}>
                Delete older
              </button>
            </div>
          </div>
        ) : null}
      </div>
      <FormError message={error} />
    </section>
  );
}
