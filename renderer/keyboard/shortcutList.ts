// Every triage key, as the "Keyboard shortcuts" dialog lists it. The handler in
// useTriageShortcuts reads the same keys (and the same view list), so the list cannot drift from
// what the keys do.
import { VIEW_COMMANDS } from '../palette/paletteCommands';
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
    title: 'Go to',
    shortcuts: [
      { keys: ['Ctrl+K', '⌘K'], description: 'Find a person or a view (palette)' },
      ...VIEW_COMMANDS.map((command) => ({ keys: [`g ${command.key}`], description: command.label })),
    ],
  },
  {
    title: 'Board',
    shortcuts: [
      { keys: ['j', '↓'], description: 'Next card' },
      { keys: ['k', '↑'], description: 'Previous card' },
      { keys: ['←', '→'], description: 'Card in the column beside' },
      { keys: ['Enter'], description: 'Open the profile' },
      { keys: ['e', 'c', 'd'], description: 'With nothing selected: decide about the first card of New' },
      { keys: ['m', 'Shift+F10'], description: 'Move to… menu' },
    ],
  },
  {
    title: 'Decide (board, Review and profile)',
    shortcuts: [
      { keys: ['e'], description: 'Move to Evaluated' },
      { keys: ['c'], description: 'Move to Connected (follows back)' },
      { keys: ['d'], description: 'Move to Declined' },
      { keys: ['n'], description: 'Move back to New' },
      { keys: ['u'], description: 'Undo the last move (cancels a follow still waiting to be sent)' },
      { keys: ['y'], description: 'Mark done a follow or message opened on the network’s page (X)' },
    ],
  },
  {
    title: 'Review',
    shortcuts: [
      { keys: ['s'], description: 'Skip for now' },
      { keys: ['Space', 'Page Down'], description: 'Scroll the profile (Page Up: back)' },
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
