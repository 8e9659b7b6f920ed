// THE keymap: one table feeds the input handler (use-keymap.ts), the `?` help overlay, the footer
// hints and the README's key table (scripts/gen-keys.mjs). A key string is a character (`x`,
// `>`, `G`) or a named key: up down left right enter escape tab shift-tab space backspace
// pageup pagedown home end, with `ctrl-` for control (`ctrl-r`).

export type Scope = 'global' | 'board' | 'issues' | 'confirm' | 'kanban' | 'timeline' | 'capacity' | 'standup' | 'detail' | 'help' | 'prompt' | 'picker' | 'quit' | 'conflict';

export type Command =
  | 'pane.kanban' | 'pane.timeline' | 'pane.capacity' | 'pane.standup' | 'pane.next' | 'pane.prev'
  | 'nav.down' | 'nav.up' | 'nav.left' | 'nav.right' | 'nav.first' | 'nav.last' | 'nav.pageDown' | 'nav.pageUp'
  | 'issue.toggleDone' | 'issue.statusNext' | 'issue.statusPrev' | 'issue.pickLane' | 'issue.lanePrev' | 'issue.laneNext'
  | 'issue.logTime' | 'issue.detail' | 'issue.edit'
  | 'issue.new' | 'issue.rename' | 'issue.editField' | 'issue.dependency' | 'issue.delete' | 'issue.moveUp' | 'issue.moveDown' | 'issue.openLink'
  | 'confirm.yes' | 'confirm.no'
  | 'history.undo' | 'history.redo'
  | 'view.search' | 'view.clear' | 'view.swimlanes' | 'view.filter' | 'view.help' | 'view.hideDone' | 'view.sort'
  | 'timeline.fold' | 'standup.next' | 'standup.prev' | 'app.suspend'
  | 'timeline.zoomIn' | 'timeline.zoomOut' | 'timeline.groupBy'
  | 'capacity.period' | 'capacity.scenario'
  | 'file.save' | 'file.saveAs' | 'app.quit' | 'app.interrupt'
  | 'detail.down' | 'detail.up' | 'detail.toggleSubtask' | 'detail.close'
  | 'help.down' | 'help.up' | 'help.close'
  | 'prompt.submit' | 'prompt.cancel'
  | 'picker.down' | 'picker.up' | 'picker.choose' | 'picker.cancel'
  | 'quit.save' | 'quit.discard' | 'quit.cancel'
  | 'conflict.mine' | 'conflict.theirs' | 'conflict.cancel';

export interface Binding {
  command: Command;
  keys: string[];
  /** Where it is in force. 'global' always (except prompts); 'board' in every pane, not in overlays. */
  scope: Scope;
  /** Heading in the help overlay and the README. */
  group: string;
  description: string;
  /** Shown in the footer. */
  hint?: boolean;
  /** Short label for the footer (default: the description). */
  short?: string;
}

export const BINDINGS: Binding[] = [
  // Panes
  { command: 'pane.kanban', keys: ['1'], scope: 'board', group: 'Panes', description: 'kanban pane' },
  { command: 'pane.timeline', keys: ['2'], scope: 'board', group: 'Panes', description: 'timeline pane' },
  { command: 'pane.capacity', keys: ['3'], scope: 'board', group: 'Panes', description: 'capacity pane' },
  { command: 'pane.standup', keys: ['S'], scope: 'board', group: 'Panes', description: 'standup pane (toggle)' },
  { command: 'pane.next', keys: ['tab'], scope: 'board', group: 'Panes', description: 'next pane' },
  { command: 'pane.prev', keys: ['shift-tab'], scope: 'board', group: 'Panes', description: 'previous pane' },
  { command: 'issue.detail', keys: ['enter'], scope: 'issues', group: 'Panes', description: 'issue detail', hint: true, short: 'detail' },
  // Navigation
  { command: 'nav.down', keys: ['down', 'j'], scope: 'board', group: 'Navigation', description: 'next issue' },
  { command: 'nav.up', keys: ['up', 'k'], scope: 'board', group: 'Navigation', description: 'previous issue' },
  { command: 'nav.left', keys: ['left', 'h'], scope: 'kanban', group: 'Navigation', description: 'column to the left' },
  { command: 'nav.right', keys: ['right', 'l'], scope: 'kanban', group: 'Navigation', description: 'column to the right' },
  { command: 'nav.first', keys: ['g', 'home'], scope: 'board', group: 'Navigation', description: 'first issue' },
  { command: 'nav.last', keys: ['G', 'end'], scope: 'board', group: 'Navigation', description: 'last issue' },
  { command: 'nav.pageDown', keys: ['pagedown', 'ctrl-d'], scope: 'board', group: 'Navigation', description: 'page down' },
  { command: 'nav.pageUp', keys: ['pageup', 'ctrl-u'], scope: 'board', group: 'Navigation', description: 'page up' },
  // Edits
  { command: 'issue.toggleDone', keys: ['space', 'x'], scope: 'issues', group: 'Edit', description: 'tick done / untick', hint: true, short: 'done' },
  { command: 'issue.statusNext', keys: ['>'], scope: 'issues', group: 'Edit', description: 'next status', hint: true, short: 'status' },
  { command: 'issue.statusPrev', keys: ['<'], scope: 'issues', group: 'Edit', description: 'previous status' },
  { command: 'issue.pickLane', keys: ['a'], scope: 'issues', group: 'Edit', description: 'assign lane (picker)', hint: true, short: 'lane' },
  { command: 'issue.lanePrev', keys: ['['], scope: 'issues', group: 'Edit', description: 'previous lane' },
  { command: 'issue.laneNext', keys: [']'], scope: 'board', group: 'Edit', description: 'next lane' },
  { command: 'issue.logTime', keys: ['t'], scope: 'issues', group: 'Edit', description: 'log time (e.g. 1.5h)', hint: true, short: 'log' },
  { command: 'issue.new', keys: ['n'], scope: 'issues', group: 'Edit', description: 'new issue here (title, then optional estimate, lane, status)', hint: true, short: 'new' },
  { command: 'issue.rename', keys: ['r'], scope: 'issues', group: 'Edit', description: 'rename' },
  { command: 'issue.editField', keys: ['E'], scope: 'issues', group: 'Edit', description: 'set estimate, labels, sprint, milestone, due date or priority' },
  { command: 'issue.dependency', keys: ['L'], scope: 'issues', group: 'Edit', description: 'link: pick an issue this one waits for (picking a linked one unlinks it)' },
  { command: 'issue.moveUp', keys: ['K'], scope: 'issues', group: 'Edit', description: 'move up its column (order in the file)' },
  { command: 'issue.moveDown', keys: ['J'], scope: 'issues', group: 'Edit', description: 'move down its column' },
  { command: 'issue.delete', keys: ['d'], scope: 'issues', group: 'Edit', description: 'delete (asks first; u brings it back)' },
  { command: 'issue.openLink', keys: ['O'], scope: 'issues', group: 'Edit', description: "open the issue's link in the browser" },
  { command: 'issue.edit', keys: ['e'], scope: 'issues', group: 'Edit', description: 'open $EDITOR at the issue, then reload' },
  { command: 'history.undo', keys: ['u'], scope: 'board', group: 'Edit', description: 'undo', hint: true, short: 'undo' },
  { command: 'history.redo', keys: ['ctrl-r'], scope: 'board', group: 'Edit', description: 'redo' },
  // View
  { command: 'view.search', keys: ['/'], scope: 'board', group: 'View', description: 'search id, title, labels (all panes)', hint: true, short: 'search' },
  { command: 'view.clear', keys: ['escape'], scope: 'board', group: 'View', description: 'clear search and filters' },
  { command: 'view.filter', keys: ['f'], scope: 'board', group: 'View', description: 'filter by group, milestone, sprint or lane' },
  { command: 'view.hideDone', keys: ['H'], scope: 'board', group: 'View', description: 'hide done work / show it again (remembered per plan)', hint: true, short: 'hide done' },
  { command: 'view.sort', keys: ['o'], scope: 'issues', group: 'View', description: 'sort: file order, priority, due date (remembered per plan)', short: 'sort' },
  { command: 'view.swimlanes', keys: ['w'], scope: 'kanban', group: 'View', description: 'swimlanes by lane', hint: true, short: 'swimlanes' },
  { command: 'nav.left', keys: ['left', 'h'], scope: 'timeline', group: 'Timeline', description: 'scroll earlier' },
  { command: 'nav.right', keys: ['right', 'l'], scope: 'timeline', group: 'Timeline', description: 'scroll later' },
  { command: 'timeline.zoomIn', keys: ['+', '='], scope: 'timeline', group: 'Timeline', description: 'zoom in (months → weeks → days)', hint: true, short: 'zoom' },
  { command: 'timeline.zoomOut', keys: ['-'], scope: 'timeline', group: 'Timeline', description: 'zoom out' },
  { command: 'timeline.fold', keys: ['z'], scope: 'timeline', group: 'Timeline', description: "fold / unfold the selected issue's group", short: 'fold' },
  { command: 'timeline.groupBy', keys: ['b'], scope: 'timeline', group: 'Timeline', description: 'group rows by phase / lane', hint: true, short: 'group by' },
  { command: 'nav.left', keys: ['left', 'h'], scope: 'capacity', group: 'Capacity', description: 'earlier periods' },
  { command: 'nav.right', keys: ['right', 'l'], scope: 'capacity', group: 'Capacity', description: 'later periods' },
  { command: 'capacity.period', keys: ['p'], scope: 'capacity', group: 'Capacity', description: 'period: week, month, quarter, sprint', hint: true, short: 'period' },
  { command: 'capacity.scenario', keys: ['c'], scope: 'board', group: 'View', description: 'next scenario: lanes, swimlanes, timeline and capacity all follow it', hint: true, short: 'scenario' },
  { command: 'standup.next', keys: ['n', 'right', 'l'], scope: 'standup', group: 'Standup', description: 'next person (restarts their timer)', hint: true, short: 'next person' },
  { command: 'standup.prev', keys: ['p', 'left', 'h'], scope: 'standup', group: 'Standup', description: 'previous person', short: 'previous' },
  { command: 'view.help', keys: ['?'], scope: 'board', group: 'View', description: 'help: keys in force here', hint: true, short: 'help' },
  // File
  { command: 'file.save', keys: ['s'], scope: 'board', group: 'File', description: 'save', hint: true, short: 'save' },
  { command: 'file.saveAs', keys: ['W'], scope: 'board', group: 'File', description: 'save as another path (e.g. when the plan is read-only), then work on that file', short: 'save as' },
  { command: 'app.quit', keys: ['q'], scope: 'board', group: 'File', description: 'quit (asks if unsaved)', hint: true, short: 'quit' },
  { command: 'app.interrupt', keys: ['ctrl-c'], scope: 'global', group: 'File', description: 'quit now, restoring the terminal' },
  { command: 'app.suspend', keys: ['ctrl-z'], scope: 'board', group: 'File', description: 'suspend to the shell (fg comes back)' },
  // Overlays
  { command: 'detail.down', keys: ['down', 'j'], scope: 'detail', group: 'Detail', description: 'next subtask', hint: true, short: 'move' },
  { command: 'detail.up', keys: ['up', 'k'], scope: 'detail', group: 'Detail', description: 'previous subtask' },
  { command: 'detail.toggleSubtask', keys: ['space', 'x'], scope: 'detail', group: 'Detail', description: 'tick / untick subtask', hint: true, short: 'tick subtask' },
  { command: 'detail.close', keys: ['escape', 'enter', 'q'], scope: 'detail', group: 'Detail', description: 'close', hint: true, short: 'close' },
  { command: 'help.down', keys: ['down', 'j', 'pagedown'], scope: 'help', group: 'Help', description: 'scroll down', hint: true, short: 'scroll' },
  { command: 'help.up', keys: ['up', 'k', 'pageup'], scope: 'help', group: 'Help', description: 'scroll up' },
  { command: 'help.close', keys: ['escape', '?', 'q'], scope: 'help', group: 'Help', description: 'close help', hint: true, short: 'close' },
  { command: 'prompt.submit', keys: ['enter'], scope: 'prompt', group: 'Prompt', description: 'accept', hint: true, short: 'accept' },
  { command: 'prompt.cancel', keys: ['escape'], scope: 'prompt', group: 'Prompt', description: 'cancel', hint: true, short: 'cancel' },
  { command: 'picker.down', keys: ['down', 'j'], scope: 'picker', group: 'Picker', description: 'next choice', hint: true, short: 'move' },
  { command: 'picker.up', keys: ['up', 'k'], scope: 'picker', group: 'Picker', description: 'previous choice' },
  { command: 'picker.choose', keys: ['enter', 'space'], scope: 'picker', group: 'Picker', description: 'choose', hint: true, short: 'choose' },
  { command: 'picker.cancel', keys: ['escape', 'q'], scope: 'picker', group: 'Picker', description: 'cancel', hint: true, short: 'cancel' },
  { command: 'quit.save', keys: ['s'], scope: 'quit', group: 'Quit', description: 'save, then quit', hint: true, short: 'save & quit' },
  { command: 'quit.discard', keys: ['d', 'y'], scope: 'quit', group: 'Quit', description: 'quit without saving', hint: true, short: 'discard & quit' },
  { command: 'file.saveAs', keys: ['W'], scope: 'quit', group: 'Quit', description: 'save as another path instead (e.g. the plan is read-only)' },
  { command: 'quit.cancel', keys: ['escape', 'n', 'q'], scope: 'quit', group: 'Quit', description: 'stay', hint: true, short: 'stay' },
  { command: 'confirm.yes', keys: ['y'], scope: 'confirm', group: 'Confirm', description: 'yes, delete', hint: true, short: 'delete' },
  { command: 'confirm.no', keys: ['n', 'escape', 'q'], scope: 'confirm', group: 'Confirm', description: 'no, keep it', hint: true, short: 'keep' },
  { command: 'conflict.mine', keys: ['m'], scope: 'conflict', group: 'Conflict', description: 'keep mine and save', hint: true, short: 'keep mine' },
  { command: 'conflict.theirs', keys: ['t'], scope: 'conflict', group: 'Conflict', description: 'keep theirs (drop my conflicting edits) and save', hint: true, short: 'keep theirs' },
  { command: 'conflict.cancel', keys: ['escape'], scope: 'conflict', group: 'Conflict', description: 'decide later (edits stay unsaved)', hint: true, short: 'later' },
];

/** Scopes in force, most specific first: an overlay's own scope, else the pane's plus 'board'. */
export function activeScopes(pane: string, overlay: string | null): Scope[] {
  if (overlay) return [overlay as Scope, 'global'];
  // Issue edits act on the selection, so they are in force only where the selection is drawn.
  if (pane === 'kanban' || pane === 'timeline') return [pane as Scope, 'issues', 'board', 'global'];
  return [pane as Scope, 'board', 'global'];
}

/** The bindings in force, in the order the table lists them (pane-specific entries win on a clash). */
export function bindingsInForce(scopes: Scope[]): Binding[] {
  const taken = new Set<string>();
  const out: Binding[] = [];
  for (const scope of scopes) {
    for (const b of BINDINGS) {
      if (b.scope !== scope) continue;
      const keys = b.keys.filter((k) => !taken.has(k));
      if (keys.length === 0) continue;
      keys.forEach((k) => taken.add(k));
      out.push(keys.length === b.keys.length ? b : { ...b, keys });
    }
  }
  return out;
}

const KEY_LABELS: Record<string, string> = {
  up: '↑', down: '↓', left: '←', right: '→', enter: 'Enter', escape: 'Esc', tab: 'Tab', 'shift-tab': 'Shift-Tab',
  space: 'Space', backspace: 'Backspace', pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End',
};

/** How a key is written for people: `ctrl-r` → `Ctrl-r`, `escape` → `Esc`. */
export function keyLabel(key: string): string {
  if (KEY_LABELS[key]) return KEY_LABELS[key];
  if (key.startsWith('ctrl-')) return `Ctrl-${key.slice(5)}`;
  return key;
}

/** Hints the footer never drops while they are in force: the way to help, to save, to leave. */
const ESSENTIAL: Command[] = ['view.help', 'file.save', 'app.quit', 'file.saveAs'];

/**
 * The footer line for the bindings in force: `key label` pairs, two spaces apart, fitted to
 * `width` by dropping the last non-essential hints first. While the plan cannot be written,
 * save-as leads: it is then the way to keep the edits.
 */
export function footerHints(inForce: Binding[], width: number, blocked: boolean): string {
  const saveAsFirst = (b: Binding) => Number(blocked && b.command === 'file.saveAs');
  let hints = inForce
    .filter((b) => b.hint || (blocked && b.command === 'file.saveAs'))
    .sort((a, b) => saveAsFirst(b) - saveAsFirst(a));
  const text = () => hints.map((b) => `${keyLabel(b.keys[0])} ${b.short ?? b.description}`).join('  ');
  for (let n = hints.length - 1; n >= 0 && [...text()].length > width; n--) {
    if (!ESSENTIAL.includes(hints[n].command)) hints = hints.filter((_, i) => i !== n);
  }
  return text();
}
