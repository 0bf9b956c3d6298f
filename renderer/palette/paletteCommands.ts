// The views the palette can go to, with the `g` keys that do the same (useTriageShortcuts and the
// shortcuts dialog read this list too, so the three cannot disagree).
import { showAllPeople, showEngagesNotFollowedBack, showNotFollowingBack, showSnoozed, useViewStore } from '../stores/viewStore';

export interface ViewCommand {
  /** The second key after `g`. */
  key: string;
  label: string;
  run(): void;
}

export const VIEW_COMMANDS: readonly ViewCommand[] = [
  { key: 'b', label: 'Board', run: () => useViewStore.getState().setView('board') },
  { key: 'r', label: 'Review', run: () => useViewStore.getState().setView('review') },
  { key: 'p', label: 'People', run: showAllPeople },
  { key: 'z', label: 'Snoozed', run: showSnoozed },
  { key: 'n', label: 'Not following back', run: showNotFollowingBack },
  { key: 'e', label: 'Engages with you, not followed back', run: showEngagesNotFollowedBack },
  { key: 's', label: 'Stats', run: () => useViewStore.getState().setView('stats') },
];

/** Views whose name starts a word with what was typed ("rev" → Review). */
export function matchingCommands(query: string): ViewCommand[] {
  const typed = query.trim().toLowerCase();
  if (typed.length === 0) return [...VIEW_COMMANDS];
  return VIEW_COMMANDS.filter((command) => command.label.toLowerCase().split(/\s+/).some((word) => word.startsWith(typed)) || command.label.toLowerCase().startsWith(typed));
}
