// The profile of one person in a side drawer, from the local cache only (see ProfileView), with a
// decision bar: the person can be decided from here as from the board.
import { useEffect, useRef, useState } from 'react';
import { X } from 'lucide-react';
import { STAGE_LABELS, type PersonProfile, type Stage } from '../../shared/domain';
import { decide } from '../keyboard/triageMoves';
import { useDrawerStore } from '../stores/drawerStore';
import { useFocusTrap } from './useFocusTrap';
import { ProfileView } from '../profile/ProfileView';
import { DRAWER_DECISION_KEYS, DrawerDecisions } from './DrawerDecisions';

/** What the drawer reads of a key press: React's event on the panel, or the DOM's on the page. */
type DrawerKey = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target' | 'preventDefault' | 'stopPropagation'>;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** After a decision the drawer closes: the toast says what happened and offers Undo. */
function decideAndClose(accountId: number, profile: PersonProfile, to: Stage, close: () => void): void {
  if (profile.stage === to) return;
  void decide(accountId, profile, profile.stage, to, { focusNext: false });
  close();
}

export function ProfileDrawer() {
  const personId = useDrawerStore((s) => s.personId);
  return personId === null ? null : <OpenDrawer key={personId} personId={personId} />;
}

function OpenDrawer({ personId }: { personId: number }) {
  const displayName = useDrawerStore((s) => s.displayName);
  const profile = useDrawerStore((s) => s.profile);
  const error = useDrawerStore((s) => s.error);
  const close = useDrawerStore((s) => s.close);
  const update = useDrawerStore((s) => s.update);
  const accountId = useDrawerStore((s) => s.accountId);
  const panel = useRef<HTMLDivElement | null>(null);
  const closeButton = useRef<HTMLButtonElement | null>(null);
  useFocusTrap(panel, closeButton, () => document.querySelector<HTMLElement>(`[data-testid="card"][data-person-id="${personId}"]`));

  // A key pressed while the profile is still loading is kept, shown, and carried out once it has
  // loaded: a quick `d` on a drawer just opened is as deliberate as one a moment later.
  const [pending, setPending] = useState<Stage | null>(null);
  const pendingDone = useRef(false);

  const decideHere = (to: Stage) => {
    if (profile && accountId !== null) decideAndClose(accountId, profile, to, close);
    else if (!error) setPending(to);
  };

  useEffect(() => {
    if (pending === null || pendingDone.current || !profile || accountId === null) return;
    pendingDone.current = true;
    decideAndClose(accountId, profile, pending, close);
  }, [pending, profile, accountId, close]);

  const onKeyDown = (event: DrawerKey) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
      return;
    }
    const to = DRAWER_DECISION_KEYS[event.key];
    // Letters typed in a note or tag field are text; a menu open in the drawer keeps its keys.
    if (!to || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    if (panel.current?.querySelector('[role="menu"], [role="alertdialog"]')) return;
    event.preventDefault();
    decideHere(to);
  };

  // The drawer is the only thing on screen that takes keys (the rest is inert). If focus falls to
  // the page itself (the element holding it went away), its keys still reach the drawer, which
  // takes focus back, rather than going nowhere.
  useEffect(() => {
    const fromPage = (event: KeyboardEvent) => {
      if (event.target !== document.body || !panel.current) return;
      (closeButton.current ?? panel.current).focus();
      onKeyDown(event);
    };
    document.addEventListener('keydown', fromPage);
    return () => document.removeEventListener('keydown', fromPage);
  });

  return (
    <div className="drawer-layer">
      <div className="drawer-scrim" onClick={close} aria-hidden="true" />
      <div ref={panel} className="drawer" role="dialog" aria-modal="true" aria-label={`Profile of ${displayName}`} onKeyDown={onKeyDown}>
        <div className="drawer-toolbar">
          {profile && accountId !== null ? <DrawerDecisions profile={profile} onDecide={decideHere} /> : null}
          <button ref={closeButton} type="button" className="icon-button" aria-label="Close profile" onClick={close}>
            <X size={18} aria-hidden="true" />
          </button>
        </div>
        {profile && accountId !== null ? (
          <div className="drawer-body">
            <ProfileView profile={profile} accountId={accountId} onChange={update} onLeave={close} />
          </div>
        ) : error ? (
          <p className="drawer-message" role="alert">
            {error}
            {pending ? ` Nothing was moved to ${STAGE_LABELS[pending]}.` : null}
          </p>
        ) : (
          <p className="drawer-message" role="status">
            {pending ? `Loading profile… then moving to ${STAGE_LABELS[pending]}.` : 'Loading profile…'}
          </p>
        )}
      </div>
    </div>
  );
}
