// The polite live region screen readers hear after a move.
import { useAnnouncerStore } from '../stores/announcerStore';

export function Announcer() {
  const message = useAnnouncerStore((s) => s.message);
  const seq = useAnnouncerStore((s) => s.seq);
  // A fresh node per announcement, so the same sentence twice is spoken twice.
  return (
    <div className="visually-hidden" data-testid="announcer" aria-live="polite" aria-atomic="true">
      <span key={seq}>{message}</span>
    </div>
  );
}
