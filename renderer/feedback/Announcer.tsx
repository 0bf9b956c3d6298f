// The polite live region screen readers hear after a move.
import { useAnnouncerStore } from '../stores/announcerStore';

export function Announcer() {
  const message = useAnnouncerStore((s) => s.message);
  return (
    <div className="visually-hidden" data-testid="announcer" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
