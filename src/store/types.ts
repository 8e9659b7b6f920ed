// The board's state: one store, built from slices. Panes read it through selectors
// (src/store/selectors.ts) and change it only through the actions declared here.
import type { Model, PlanData } from '../core/plan/model.js';
import type { Op } from '../core/plan/op-types.js';
import type { Period } from '../core/schedule/types.js';
import type { SortOrder, ViewPrefsStore } from '../core/persist/view-prefs.js';
import type { HistoryEntry, RedoEntry } from './history.js';
import type { EditableField } from '../core/ops/field-input.js';
import type { PromptKey } from './prompt-items.js';

export type PaneId = 'kanban' | 'timeline' | 'capacity' | 'standup';
export const PANES: PaneId[] = ['kanban', 'timeline', 'capacity'];

/** Same field of the same issue changed two ways: mine (pending) vs theirs (on disk). */
export interface Conflict {
  id: string;
  field: string;
  mine: unknown;
  theirs: unknown;
}

export type FileState = 'saved' | 'unsaved' | 'changed-on-disk' | 'conflict' | 'saving';

export interface PlanSlice {
  /** Path as given (absolute after open). */
  file: string;
  /** Text of the file as last read or written: the base pending ops apply to. */
  baseText: string;
  /** Data parsed from baseText. `data` = pending.reduce(applyOpToData, baseData). */
  baseData: PlanData;
  data: PlanData;
  model: Model;
  /** Ops applied since the base, oldest first. Also the undo stack. */
  pending: Op[];
  fileState: FileState;
  conflicts: Conflict[];
  /** Who else has the plan open (user@tty), when known. */
  presence: string[];
  /** Why the last save could not write the file (read-only file or directory); null when it can. */
  writeBlocked: string | null;
  /** What the last reload brought ("1 change by another session"), until the next edit or save. */
  reloadNote: string | null;
  autosave: boolean;
  today: string;
}

export interface HistorySlice {
  /** Every edit, most recent last, across saves (see history.ts). */
  undoStack: HistoryEntry[];
  /** Undone edits, most recent last. Cleared by a new edit or a reload. */
  redoStack: RedoEntry[];
}

export type Overlay =
  | { kind: 'help'; scroll: number }
  | { kind: 'detail'; cursor: number }
  | {
      kind: 'prompt';
      purpose: 'log-time' | 'search' | 'save-as' | 'new-title' | 'new-details' | 'rename' | 'field';
      label: string;
      value: string;
      error?: string;
      /** save-as: the existing file Enter again overwrites */
      confirm?: string;
      /** field: which field the prompt sets */
      field?: EditableField;
      /** new-details: the title typed in the first step */
      title?: string;
    }
  | { kind: 'picker'; purpose: 'lane' | 'filter' | 'field' | 'dependency'; title: string; items: PickerItem[]; cursor: number }
  | { kind: 'confirm'; action: 'delete'; id: string }
  | { kind: 'quit' }
  | { kind: 'conflict'; cursor: number };

export interface PickerItem {
  label: string;
  /** Opaque value the picker's purpose interprets (lane id, `group=ID`, ...). */
  value: string;
}

export interface Filter {
  status?: string;
  group?: string;
  milestone?: string;
  sprint?: string;
  lane?: string;
}

export type TimelineZoom = 'day' | 'week' | 'month';

export interface UiSlice {
  pane: PaneId;
  swimlanes: boolean;
  filter: Filter;
  /** Fuzzy query on id, title and labels; applies to every pane. */
  search: string;
  overlay: Overlay | null;
  /** Footer message line (last action's result or error). */
  message: string | null;
  timeline: { zoom: TimelineZoom; /** first visible column, in zoom units from the timeline's start */ scroll: number; groupBy: 'group' | 'lane' };
  capacityPeriod: Period;
  /** Periods scrolled from the one holding today (negative: earlier); reset with the period or scenario. */
  capacityScroll: number;
  /** Scenario id from the plan, or undefined for the plan's own lanes. */
  scenario?: string;
  /** Set when the user confirmed quitting; the app exits on it. */
  quit: boolean;
  /** Done work hidden from every pane (remembered per plan). */
  hideDone: boolean;
  /** Order within a kanban column and a timeline group (remembered per plan). */
  sort: SortOrder;
  /** Timeline groups (phase or lane keys) folded to their header row. */
  folded: string[];
  /** Standup walk: whose turn (index into the standup's lanes) and since when (ms, for the timer). */
  standup: { index: number; since: number };
}

export interface PrefsSlice {
  /** Where hide-done and sort are remembered; null: nowhere. */
  viewPrefs: ViewPrefsStore | null;
}

export interface SelectionSlice {
  /** Selected issue id, shared by every pane. */
  selectedId: string | null;
}


export interface Actions {
  // selection and navigation
  select(id: string | null): void;
  /** Move within the current pane's row order (kanban: within the column). */
  moveRow(delta: number): void;
  /** Kanban: move to the neighbouring column. Timeline: scroll. */
  moveColumn(delta: number): void;
  moveToEdge(edge: 'first' | 'last'): void;
  setPane(pane: PaneId): void;
  cyclePane(delta: number): void;
  toggleSwimlanes(): void;
  setFilter(filter: Filter): void;
  setSearch(query: string): void;
  clear(): void;
  setMessage(message: string | null): void;
  zoomTimeline(delta: number): void;
  scrollTimeline(delta: number): void;
  cycleCapacityPeriod(): void;
  scrollCapacity(delta: number): void;
  cycleScenario(): void;
  toggleHideDone(): void;
  /** Timeline rows by phase or by lane. */
  toggleGroupBy(): void;
  /** Quit at once (unsaved edits are dropped: the quit question asked first). */
  quitNow(): void;
  /** Save, and quit when nothing is left unsaved (a conflict or refusal keeps the board open). */
  saveThenQuit(): Promise<void>;
  cycleSort(): void;
  /** Timeline: fold or unfold the selected issue's group. */
  toggleFold(): void;
  /** Standup: next or previous person; restarts the timer. */
  standupStep(delta: number): void;
  /** Into the standup (from the first person, timer at 0:00), or back to the kanban. */
  toggleStandup(): void;
  // overlays: prompts, pickers and questions (prompt-slice.ts), one step per key
  closeOverlay(): void;
  showHelp(): void;
  /** Help: scroll by `delta` lines over a text `lines` long. */
  scrollHelp(delta: number, lines: number): void;
  showDetail(): void;
  moveDetail(delta: number): void;
  toggleDetailSubtask(): void;
  askSearch(): void;
  /** New issue: a title first, then optional details (estimate, lane, status). */
  askNewIssue(): void;
  askRename(): void;
  askLogTime(): void;
  askSaveAs(): void;
  pickLane(): void;
  /** Which field to set; choosing one asks for its value. */
  pickField(): void;
  /** What the selected issue waits for; choosing a linked one unlinks it. */
  pickDependency(): void;
  pickFilter(): void;
  askDelete(): void;
  answerDelete(yes: boolean): void;
  /** One key typed into the open prompt (printable text, backspace, Ctrl-u). */
  typeInPrompt(input: string, key: PromptKey): void;
  /** Enter in the open prompt: the next step of its flow, or its edit (kept open with the reason when refused). */
  submitPrompt(): Promise<void>;
  cancelPrompt(): void;
  movePicker(delta: number): void;
  choosePicker(): void;
  /** The selected issue's web link, through `openUrl` (the app's effect) when there is one. */
  openLink(openUrl?: (url: string) => string | null): void;
  /** $EDITOR at the selected issue's line, once nothing is pending. */
  openInEditor(openEditor?: (file: string, line: number) => Promise<void> | void, issueLine?: (text: string, id: string) => number): void;
  // edits: each becomes one core op
  apply(op: Op): boolean;
  /**
   * A new issue titled `title`, in the selected issue's column, lane and group unless given, with
   * the next id in the plan's pattern; placed in the file after its group's last issue.
   */
  addIssue(title: string, opts?: { estimate?: string; lane?: string | null; status?: string; group?: string | null }): boolean;
  /** The selected issue's title; false (reason in the message) when refused. */
  renameIssue(title: string): boolean;
  /** The selected issue's estimate (2h, 1.5d, 1w, 3-5d); empty removes it. */
  setEstimate(text: string): boolean;
  /** One of the fields the board edits, from typed text (core/ops/field-input.ts); empty removes it. */
  setIssueField(field: EditableField, text: string): boolean;
  /** The selected issue waits for `on`; a cycle is refused with the loop named. */
  addDependency(on: string, lag?: string): boolean;
  removeDependency(on: string): boolean;
  /** Removes the selected issue (undo puts back the same lines in the same place). Confirm first. */
  removeIssue(): boolean;
  /** Moves the selected issue up (-1) or down (+1) its kanban column, trading places in the file. */
  reorderIssue(delta: -1 | 1): boolean;
  toggleDone(): void;
  shiftStatus(delta: number): void;
  shiftLane(delta: number): void;
  assignLane(lane: string | null): void;
  logTime(text: string): boolean;
  toggleSubtask(index: number): void;
  undo(): void;
  redo(): void;
  // file
  save(): Promise<void>;
  /** Write base + pending to another path and continue there; 'exists' when a different file is there and `overwrite` is not set. */
  saveAs(path: string, overwrite?: boolean): Promise<'saved' | 'exists' | 'failed'>;
  resolveConflicts(keep: 'mine' | 'theirs'): Promise<void>;
  /** "Decide later": close the dialog; the conflicts stay recorded and block every save. */
  deferConflicts(): void;
  /** Replace the base with new file text (after $EDITOR or another process's save), rebasing pending ops. */
  reload(text: string, why?: string | ((before: PlanData, after: PlanData) => string)): boolean;
  /** The watcher found the file on disk unreadable (half-written, invalid): the board keeps its data. */
  diskUnreadable(why: string): void;
  /** $EDITOR has exited: reload what it wrote, or say why not (it failed, the plan does not read, nothing changed). */
  editorClosed(outcome: { failure: unknown } | { problem: string } | { text: string; status: number }): void;
  setPresence(who: string[]): void;
  requestQuit(): void;
}

/** The pointer (src/store/pointer.ts): what a click or the wheel does, once the UI knows what is under it. */
export interface PointerActions {
  /** A click on an issue drawn in `pane`: that pane takes the keys and the issue is selected. */
  pointIssue(pane: PaneId, id: string): void;
  /** The wheel over `pane`: the selection moves `delta` rows (the window follows it). */
  wheelPane(pane: PaneId, delta: number): void;
  /** The wheel over the help, detail or picker overlay; `max`: the help's last scroll position. */
  wheelOverlay(delta: number, max?: number): void;
}

// The schedule is not state: selectSchedule derives it, memoised on (model, today, scenario), so
// it runs once per edit or scenario change and never on navigation.
/** What the panes draw from: the board's state without its actions (a static picture needs no more). */
export type ViewState = PlanSlice & HistorySlice & UiSlice & SelectionSlice & PrefsSlice;

export type BoardState = ViewState & Actions & PointerActions;
