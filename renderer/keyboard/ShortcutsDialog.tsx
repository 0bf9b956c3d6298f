// "Keyboard shortcuts": every triage key, opened with `?`. Modal, in a portal; Escape closes it.
import { useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { X } from 'lucide-react';
import { useFocusTrap } from '../dialogs/useFocusTrap';
import { SHORTCUT_GROUPS } from './shortcutList';
import { useShortcutsDialogStore } from './shortcutsDialogStore';

export function ShortcutsDialog() {
  const open = useShortcutsDialogStore((s) => s.open);
  return open ? <OpenShortcutsDialog /> : null;
}

function OpenShortcutsDialog() {
  const close = () => useShortcutsDialogStore.getState().setOpen(false);
  const panel = useRef<HTMLDivElement | null>(null);
  const closeButton = useRef<HTMLButtonElement | null>(null);
  const titleId = useId();
  useFocusTrap(panel, closeButton);
  return createPortal(
    <div className="dialog-layer">
      <div className="dialog-scrim" aria-hidden="true" onClick={close} />
      <div
        ref={panel}
        className="dialog shortcuts-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(event) => {
          if (event.key === 'Escape' || event.key === '?') {
            event.stopPropagation();
            event.preventDefault();
            close();
          }
        }}
      >
        <div className="shortcuts-head">
          <h2 id={titleId} className="dialog-title">
            Keyboard shortcuts
          </h2>
          <button ref={closeButton} type="button" className="icon-button" aria-label="Close keyboard shortcuts" onClick={close}>
            <X size={18} aria-hidden="true" />
          </button>
        </div>
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
      </div>
    </div>,
    document.body,
  );
}
