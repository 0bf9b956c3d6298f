// On a network that leaves follows and messages to the person (X), core answers the network's own
// page for the action it just recorded 'opened'. The window opens it at once, as the direct result
// of the person's own move or Send (never for several people, never later): main's window-open
// handler hands https pages on its allow-list to the browser, and nothing is loaded in the app.
import type { ActionSummary } from '../../shared/domain';

/** Opens the action's page when core answered one; true when it did. */
export function openActionPage(action: ActionSummary | undefined | null): boolean {
  if (!action || action.status !== 'opened' || !action.openUrl) return false;
  window.open(action.openUrl, '_blank', 'noopener,noreferrer');
  return true;
}
