// How Rapport behaves on the desktop, from the top bar: new-follower notifications, syncing on in
// the background after the window closes, opening at login. Each switch applies at once. Below
// them, how long interactions are kept (InteractionRetentionSetting).
import { useEffect, useId, useRef, useState } from 'react';
import { Settings } from 'lucide-react';
import type { DesktopSettings } from '../../shared/api/desktopEvents';
import { useOutsidePointerDown } from '../dialogs/useOutsidePointerDown';
import { useDesktopSettingsStore } from '../stores/desktopSettingsStore';
import { InteractionRetentionSetting } from './InteractionRetentionSetting';

const SWITCHES: Array<{ key: keyof DesktopSettings; label: string; help: string }> = [
  {
    key: 'newFollowerNotifications',
    label: 'Tell me about new followers',
    help: 'One notification per account after a sync finds new followers, never while this window is in front.',
  },
  {
    key: 'keepSyncingInBackground',
    label: 'Keep syncing when the window is closed',
    help: 'Closing the window hides it; Rapport stays in the tray and syncs every 30 minutes until you quit.',
  },
  {
    key: 'openAtLogin',
    label: 'Open Rapport when I log in',
    help: 'On macOS and Windows.',
  },
];

function SettingsPopover({ onClose }: { onClose(): void }) {
  const settings = useDesktopSettingsStore((s) => s.settings);
  const titleId = useId();
  const ids = useId();
  const first = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    void useDesktopSettingsStore.getState().load();
  }, []);
  const loaded = settings !== null;
  useEffect(() => first.current?.focus(), [loaded]);
  return (
    <div
      className="popover desktop-settings-popover"
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
        Desktop
      </h2>
      {settings === null ? (
        <p className="muted" aria-busy="true">
          Loading…
        </p>
      ) : (
        SWITCHES.map(({ key, label, help }, index) => (
          <div key={key} className="desktop-setting">
            <label className="form-check">
              <input
                ref={index === 0 ? first : undefined}
                type="checkbox"
                checked={settings[key]}
                aria-describedby={`${ids}-${key}`}
                onChange={(event) => void useDesktopSettingsStore.getState().change({ [key]: event.target.checked })}
              />
              <span>{label}</span>
            </label>
            <p className="field-help" id={`${ids}-${key}`}>
              {help}
            </p>
          </div>
        ))
      )}
      <InteractionRetentionSetting />
    </div>
  );
}

export function DesktopSettingsMenu() {
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
        aria-label="Desktop settings"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <Settings size={14} aria-hidden="true" />
      </button>
      {open ? <SettingsPopover onClose={close} /> : null}
    </div>
  );
}
