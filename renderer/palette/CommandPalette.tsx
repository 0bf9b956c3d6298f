// The command palette (Ctrl/Cmd+K): find a person by name, handle, bio, note or tag — despite a
// typo, core's findPeople — or go to a view. Arrows choose, Enter opens (a person in the profile
// drawer), Escape closes. Each person says why they matched and whether they are snoozed.
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { STAGE_LABELS } from '../../shared/domain';
import type { MatchReason, PersonMatch } from '../../shared/triageTypes';
import { call, toRapportError } from '../api/rapportClient';
import { ModalDialog } from '../dialogs/ModalDialog';
import { Avatar } from '../people/Avatar';
import { formatHandle } from '../people/personIdentity';
import { SnoozedBadge } from '../people/SnoozedBadge';
import { RemoteName, RemoteText } from '../safeHtml/RemoteHtml';
import { useDrawerStore } from '../stores/drawerStore';
import { matchingCommands, type ViewCommand } from './paletteCommands';
import { usePaletteStore } from './paletteStore';
import './palette.css';

const REASON_TEXT: Record<MatchReason, string> = { name: 'name', handle: 'handle', bio: 'in bio', note: 'in your note', tag: 'tag' };
/** Typing pauses this long before core is asked: one search per word, not per letter. */
const TYPING_PAUSE_MS = 60;

type Item = { kind: 'person'; match: PersonMatch } | { kind: 'view'; command: ViewCommand };

export function CommandPalette({ accountId }: { accountId: number }) {
  const open = usePaletteStore((s) => s.open);
  return open ? <OpenPalette accountId={accountId} /> : null;
}

function OpenPalette({ accountId }: { accountId: number }) {
  const close = () => usePaletteStore.getState().setOpen(false);
  const input = useRef<HTMLInputElement | null>(null);
  const listId = useId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; matches: PersonMatch[]; error: string | null }>({ query: '', matches: [], error: null });
  const [active, setActive] = useState(0);

  useEffect(() => {
    const text = query.trim();
    if (text.length === 0) return undefined;
    let live = true;
    const timer = setTimeout(() => {
      call('findPeople', { accountId, query: text }).then(
        (matches) => {
          if (live) setFound({ query: text, matches, error: null });
        },
        (error: unknown) => {
          if (live) setFound({ query: text, matches: [], error: toRapportError(error).message });
        },
      );
    }, TYPING_PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [accountId, query]);

  // While the next answer is on its way the previous results stay: nothing flickers while typing.
  const matches = query.trim() ? found.matches : [];
  const items: Item[] = [
    ...matches.map((match): Item => ({ kind: 'person', match })),
    ...matchingCommands(query).map((command): Item => ({ kind: 'view', command })),
  ];
  const current = Math.min(active, Math.max(0, items.length - 1));

  const choose = (item: Item | undefined) => {
    if (!item) return;
    close();
    if (item.kind === 'view') item.command.run();
    else void useDrawerStore.getState().open(accountId, item.match.card.personId, item.match.card.displayName);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + items.length) % Math.max(1, items.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(items[current]);
    }
  };

  const optionId = (index: number) => `${listId}-${index}`;
  const searching = query.trim().length > 0 && found.query !== query.trim();
  return (
    <ModalDialog className="palette" title="Find a person or a view" initialFocus={input} onDismiss={close}>
      <input
        ref={input}
        className="palette-input"
        type="text"
        role="combobox"
        aria-label="Name, handle, or a word from a bio, note or tag"
        placeholder="Name, handle, or a word from a bio, note or tag"
        aria-expanded={items.length > 0}
        aria-controls={listId}
        aria-activedescendant={items.length > 0 ? optionId(current) : undefined}
        aria-autocomplete="list"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {found.error && query.trim() ? (
        <p className="palette-message" role="alert">
          {found.error}
        </p>
      ) : query.trim() && !searching && found.matches.length === 0 ? (
        <p className="palette-message muted">Nobody matches “{query.trim()}”.</p>
      ) : null}
      <ul id={listId} className="palette-list" role="listbox" aria-label="Results" aria-busy={searching || undefined}>
        {items.map((item, index) => (
          <li
            key={item.kind === 'person' ? `p${item.match.card.personId}` : `v${item.command.key}`}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            className={index === current ? 'palette-item is-active' : 'palette-item'}
            data-testid={item.kind === 'person' ? 'palette-person' : 'palette-view'}
            onMouseMove={() => setActive(index)}
            onClick={() => choose(item)}
          >
            {item.kind === 'person' ? <PersonItem match={item.match} /> : <ViewItem command={item.command} />}
          </li>
        ))}
      </ul>
    </ModalDialog>
  );
}

function PersonItem({ match }: { match: PersonMatch }) {
  const { card } = match;
  return (
    <>
      <Avatar avatarUrl={card.avatarUrl} displayName={card.displayName} handle={card.handle} size={28} />
      <span className="palette-names">
        <RemoteName name={card.displayName} className="palette-name" />
        <RemoteText text={formatHandle(card.handle)} className="card-handle" />
      </span>
      <span className="palette-facts">
        <SnoozedBadge snoozedUntil={card.snoozedUntil} />
        <span className="person-stage" data-stage={card.stage}>
          {STAGE_LABELS[card.stage]}
        </span>
        <span className="palette-reason" data-testid="palette-reason">
          {REASON_TEXT[match.matched]}
        </span>
      </span>
    </>
  );
}

function ViewItem({ command }: { command: ViewCommand }) {
  return (
    <>
      <span className="palette-names">
        <span className="palette-name">Go to {command.label}</span>
      </span>
      <span className="palette-facts">
        <kbd>g</kbd> <kbd>{command.key}</kbd>
      </span>
    </>
  );
}
