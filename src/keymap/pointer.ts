// The mouse's rows of the key table: what a click and the wheel do where (src/ui/mouse/ does it).
// Not keys, so not matched: they feed the `?` help and the README's table beside the keys.
import type { Scope } from './bindings.js';

export interface PointerBinding {
  keys: string[];
  scope: Scope;
  description: string;
}

export const POINTER_GROUP = 'Mouse';

export const POINTER: PointerBinding[] = [
  { keys: ['click'], scope: 'issues', description: 'select the card or row under the pointer (side by side: that pane takes the keys)' },
  { keys: ['click'], scope: 'board', description: 'on a tab: open that pane' },
  { keys: ['wheel'], scope: 'issues', description: 'move the selection down / up in the pane under the pointer (kanban: in the column under it)' },
  { keys: ['wheel'], scope: 'help', description: 'scroll the help' },
  { keys: ['wheel'], scope: 'detail', description: 'next / previous subtask' },
  { keys: ['wheel'], scope: 'picker', description: 'next / previous choice' },
  { keys: ['Shift-drag'], scope: 'global', description: "select text the terminal's way (most terminals); --no-mouse or PLANBOARD_MOUSE=0 leaves the mouse to the terminal" },
];
