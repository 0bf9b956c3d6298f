// A small popover to lower (or restore) the daily action limit. Never above the network's default:
// that default is already well under what the network tolerates.
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { SlidersHorizontal } from 'lucide-react';
import type { ActionBudget } from '../../shared/domain';
import { CancelSaveButtons } from '../dialogs/CancelSaveButtons';
import { FormError } from '../dialogs/FormError';
import { useOutsidePointerDown } from '../dialogs/useOutsidePointerDown';
import { useBudgetStore } from '../stores/budgetStore';
import { formatGrouped } from '../format/numberFormat';

/** The limit typed, or a sentence saying why it cannot be used. */
export function parseLimit(text: string, maxLimit: number): number | string {
  const trimmed = text.trim();
  if (!/^\d+$/u.test(trimmed)) return 'Enter a whole number of actions per day.';
  const limit = Number(trimmed);
  if (limit > maxLimit) return `The limit can be at most ${formatGrouped(maxLimit)}, this network's safe default.`;
  return limit;
}

function SettingsPopover({ accountId, budget, onClose }: { accountId: number; budget: ActionBudget; onClose(): void }) {
  const [text, setText] = useState(String(budget.limit));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement | null>(null);
  const inputId = useId();
  const titleId = useId();
  const helpId = useId();
  useEffect(() => input.current?.select(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const limit = parseLimit(text, budget.maxLimit);
    if (typeof limit === 'string') {
      setError(limit);
      return;
    }
    setBusy(true);
    const saved = await useBudgetStore.getState().setLimit(accountId, limit);
    setBusy(false);
    if (saved) onClose();
  };

  return (
    <div
      className="popover budget-popover"
      role="dialog"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <h2 id={titleId} className="popover-title">
        Daily action budget
      </h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <label className="field" htmlFor={inputId}>
          <span className="field-label">Daily limit</span>
          <input
            ref={input}
            id={inputId}
            className="input"
            type="number"
            inputMode="numeric"
            min={0}
            max={budget.maxLimit}
            aria-describedby={helpId}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <p id={helpId} className="field-help">
          Follows, unfollows and messages in any 24 hours. At most {formatGrouped(budget.maxLimit)}; lower it to go slower.
        </p>
        <FormError message={error} />
        <CancelSaveButtons className="dialog-actions" busy={busy} onCancel={onClose} />
      </form>
    </div>
  );
}

export function BudgetSettings({ accountId, budget }: { accountId: number; budget: ActionBudget }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement | null>(null);
  const root = useRef<HTMLDivElement | null>(null);
  useOutsidePointerDown(root, open, () => setOpen(false));
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="popup-menu-root" ref={root}>
      <button
        ref={button}
        type="button"
        className="icon-button"
        aria-label="Action budget settings"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <SlidersHorizontal size={14} aria-hidden="true" />
      </button>
      {open ? <SettingsPopover accountId={accountId} budget={budget} onClose={close} /> : null}
    </div>
  );
}
