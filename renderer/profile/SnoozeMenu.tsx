// "Snooze": take a person off the board for 1, 7 or 30 days, or until they next post; they come
// back to New with a badge. While snoozed, the same menu ends it. Each says so in a toast (a snooze
// with Undo), and the menu opens upward or leftward when there is no room below or to the right.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Clock } from 'lucide-react';
import { STAGE_LABELS, type PersonCard } from '../../shared/domain';
import { requestRefresh } from '../stores/boardSession';
import type { Snooze } from '../../shared/triageTypes';
import { call } from '../api/rapportClient';
import { announce } from '../stores/announcerStore';
import { showError, showInfo } from '../stores/toastStore';
import { snoozeWakeText } from '../people/SnoozedBadge';

interface SnoozeOption {
  label: string;
  snooze: Snooze | null;
}

const OPTIONS: SnoozeOption[] = [
  { label: '1 day', snooze: { days: 1 } },
  { label: '7 days', snooze: { days: 7 } },
  { label: '30 days', snooze: { days: 30 } },
  { label: 'Until they next post', snooze: { untilNextPost: true } },
];
const END: SnoozeOption = { label: 'End snooze', snooze: null };

interface SnoozeMenuProps {
  accountId: number;
  personId: number;
  displayName: string;
  snoozedUntil: PersonCard['snoozedUntil'];
  onSnoozed(card: PersonCard): void;
}

function describe(option: SnoozeOption): string {
  if (option.snooze === null) return 'Snooze ended';
  return 'days' in option.snooze ? `Snoozed for ${option.label}` : 'Snoozed until they next post';
}

export function SnoozeMenu({ accountId, personId, displayName, snoozedUntil, onSnoozed }: SnoozeMenuProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const [placement, setPlacement] = useState('');
  const button = useRef<HTMLButtonElement | null>(null);
  const menu = useRef<HTMLDivElement | null>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const options = snoozedUntil ? [...OPTIONS, END] : OPTIONS;

  useEffect(() => {
    if (open) items.current[active]?.focus();
  }, [open, active]);

  // Measured before paint: a menu that would run past the window's bottom or right edge opens the other way.
  useLayoutEffect(() => {
    if (!open || !menu.current || !button.current) return;
    const anchor = button.current.getBoundingClientRect();
    const { height, width } = menu.current.getBoundingClientRect();
    const above = anchor.bottom + 4 + height > window.innerHeight && anchor.top - 4 - height >= 0;
    const leftward = anchor.left + width > window.innerWidth;
    setPlacement(`${above ? ' is-above' : ''}${leftward ? ' is-leftward' : ''}`);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const pick = async (option: SnoozeOption) => {
    setOpen(false);
    setBusy(true);
    try {
      const card = await call('snooze', { accountId, personId, snooze: option.snooze });
      announce(`${describe(option)}: ${displayName}`);
      if (card.snoozedUntil) {
        showInfo(`Snoozed ${displayName} ${snoozeWakeText(card.snoozedUntil)}`, {
          label: 'Undo',
          run: () => void endSnooze(),
        });
      } else showInfo(`Snooze ended: ${displayName} is back in ${STAGE_LABELS[card.stage]}`);
      onSnoozed(card);
    } catch (error) {
      showError(error);
      button.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  // The toast's Undo: back on the board as before the snooze.
  const endSnooze = async () => {
    try {
      const card = await call('snooze', { accountId, personId, snooze: null });
      announce(`Snooze ended: ${displayName}`);
      showInfo(`Snooze ended: ${displayName} is back in ${STAGE_LABELS[card.stage]}`);
      requestRefresh([personId]);
    } catch (error) {
      showError(error);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    event.stopPropagation();
    const last = options.length - 1;
    if (event.key === 'ArrowDown') setActive((i) => (i >= last ? 0 : i + 1));
    else if (event.key === 'ArrowUp') setActive((i) => (i <= 0 ? last : i - 1));
    else if (event.key === 'Home') setActive(0);
    else if (event.key === 'End') setActive(last);
    else if (event.key === 'Escape' || event.key === 'Tab') close();
    else return;
    event.preventDefault();
  };

  return (
    <div className="snooze">
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={busy}
        onClick={() => {
          setActive(0);
          setPlacement('');
          setOpen((o) => !o);
        }}
      >
        <Clock size={14} aria-hidden="true" />
        {snoozedUntil ? 'Snoozed…' : 'Snooze…'}
      </button>
      {open ? (
        <div ref={menu} className={`snooze-menu${placement}`} role="menu" aria-label={`Snooze ${displayName}`} onKeyDown={onKeyDown}>
          {options.map((option, i) => (
            <button
              key={option.label}
              ref={(el) => {
                items.current[i] = el;
              }}
              type="button"
              role="menuitem"
              className="move-menu-item"
              tabIndex={i === active ? 0 : -1}
              onClick={() => void pick(option)}
            >
              {option.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
