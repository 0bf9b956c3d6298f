// Every triage key, as the "Keyboard shortcuts" dialog lists it. The handler in
// useTriageShortcuts reads the same keys, so the list cannot drift from what the keys do.
export interface Shortcut {
  keys: string[];
  description: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: 'Board',
    shortcuts: [
      { keys: ['j', '↓'], description: 'Next card' },
      { keys: ['k', '↑'], description: 'Previous card' },
      { keys: ['←', '→'], description: 'Card in the column beside' },
      { keys: ['Enter'], description: 'Open the profile' },
      { keys: ['m', 'Shift+F10'], description: 'Move to… menu' },
    ],
  },
  {
    title: 'Decide (board and Review)',
    shortcuts: [
      { keys: ['e'], description: 'Move to Evaluated' },
      { keys: ['c'], description: 'Move to Connected (follows back)' },
      { keys: ['d'], description: 'Move to Declined' },
      { keys: ['n'], description: 'Move back to New' },
      { keys: ['u'], description: 'Undo the last move (cancels a follow still waiting to be sent)' },
    ],
  },
  {
    title: 'Review',
    shortcuts: [
      { keys: ['s'], description: 'Skip for now' },
      { keys: ['o'], description: 'Open the profile on its network' },
    ],
  },
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: ['/'], description: 'Search people' },
      { keys: ['?'], description: 'Show these shortcuts' },
      { keys: ['Esc'], description: 'Close a dialog or menu' },
    ],
  },
];
