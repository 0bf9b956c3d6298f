// "Keyboard shortcuts": every triage key, opened with `?`. Modal, in a portal; Escape closes it.
import { useRef } from 'react';
import { X } from 'lucide-react';
import { ModalDialog } from '../dialogs/ModalDialog';
import { SHORTCUT_GROUPS } from './shortcutList';
import { useShortcutsDialogStore } from './shortcutsDialogStore';

// The `?` that opens the dialog also closes it.
const CLOSE_KEYS = ['?'] as const;

export function ShortcutsDialog() {
  const open = useShortcutsDialogStore((s) => s.open);
  return open ? <OpenShortcutsDialog /> : null;
}

function OpenShortcutsDialog() {
  const close = () => useShortcutsDialogStore.getState().setOpen(false);
  const closeButton = useRef<HTMLButtonElement | null>(null);
  return (
    <ModalDialog
      className="shortcuts-dialog"
      title="Keyboard shortcuts"
      titleAside={{
        className: 'shortcuts-head',
        content: (
          <button ref={closeButton} type="button" className="icon-button" aria-label="Close keyboard shortcuts" onClick={close}>
            <X size={18} aria-hidden="true" />
          </button>
        ),
      }}
      initialFocus={closeButton}
      alsoDismissOn={CLOSE_KEYS}
      onDismiss={close}
    >
      {SHORTCUT_GROUPS.map((group) => (
        <section key={group.title} className="shortcuts-group" aria-label={group.title}>
          <h3 className="shortcuts-group-title">{group.title}</h3>
          <dl className="shortcuts-list">
            {group.shortcuts.map((shortcut) => (
              <div key={shortcut.description} className="shortcuts-row">
                <dt>
                  {shortcut.keys.map((key, i) => (
                    <span key={key}>
                      {i > 0 ? <span className="shortcuts-or"> or </span> : null}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </dt>
                <dd>{shortcut.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </ModalDialog>
  );
}
