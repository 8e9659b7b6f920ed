// The board's state before any action: what a fresh board holds, and what a static picture
// (`render`, a piped board) draws from. Imports nothing of the edit machinery (ops, zod, yaml),
// so a static picture never loads it.
import { buildModel, type Model, type PlanData } from '../core/plan/model.js';
import type { SortOrder, ViewPrefsStore } from '../core/persist/view-prefs.js';
import { localToday } from '../core/schedule/dates.js';
import { openingSelection } from './opening.js';
import type { HistorySlice, PlanSlice, PrefsSlice, SelectionSlice, UiSlice, ViewState } from './types.js';

export interface OpeningOptions {
  file: string;
  /** The file's text as read: the base for pending ops and for conflict detection on save. */
  text: string;
  /** Its parsed data (from the loader). */
  data: PlanData;
  /** "Today" as YYYY-MM-DD; default: the local calendar date. */
  today?: string;
  /** Login name: the cursor opens on this user's lane when a lane has that id or name. */
  user?: string;
}

/** Panes, filters and the rest of the view as a board opens (hide-done and sort as remembered). */
export function initialUi(prefs: { hideDone?: boolean; sort?: SortOrder } = {}): UiSlice {
  return {
    pane: 'kanban',
    swimlanes: false,
    filter: {},
    search: '',
    overlay: null,
    message: null,
    timeline: { zoom: 'week', scroll: 0, groupBy: 'group' },
    capacityPeriod: 'week',
    capacityScroll: 0,
    scenario: undefined,
    quit: false,
    hideDone: prefs.hideDone ?? false,
    sort: prefs.sort ?? 'order',
    folded: [],
    standup: { index: 0, since: Date.now() },
  };
}

/** The plan as opened: nothing pending, nothing to undo, the file as saved. */
export function initialPlan(opts: OpeningOptions, model: Model = buildModel(opts.data), viewPrefs: ViewPrefsStore | null = null): PlanSlice & HistorySlice & SelectionSlice & PrefsSlice {
  return {
    file: opts.file,
    baseText: opts.text,
    baseData: opts.data,
    data: opts.data,
    model,
    pending: [],
    undoStack: [],
    redoStack: [],
    writeBlocked: null,
    fileState: 'saved',
    conflicts: [],
    presence: [],
    reloadNote: null,
    autosave: opts.data.settings?.autosave ?? false,
    today: opts.today ?? localToday(),
    selectedId: openingSelection(model, opts.user),
    viewPrefs,
  };
}

/** A board's state as it opens, for a static picture: no actions, no edit machinery. */
export function openingView(opts: OpeningOptions): ViewState {
  return { ...initialPlan(opts), ...initialUi() };
}
