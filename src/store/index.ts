// The board's one store (vanilla zustand), built from slices. Actions turn keys into core ops;
// the data is re-derived from the base plus pending ops, never by re-parsing YAML per keypress.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { buildModel, type PlanData } from '../core/plan/model.js';
import type { Op } from '../core/plan/op-types.js';
import { applyOpToData } from '../core/plan/ops.js';
import { loadPlanText, formatProblem } from '../core/plan/load.js';
import { createEditSlice } from './edit-slice.js';
import { createFileSyncSlice } from './file-sync-slice.js';
import { createPending } from './pending.js';
import { createUiSlice } from './ui-slice.js';
import { createPromptSlice } from './prompt-slice.js';
import { createPointerActions } from './pointer.js';
import { initialPlan, type OpeningOptions } from './view-state.js';
import type { ViewPrefsStore } from '../core/persist/view-prefs.js';
import type { BoardState, Conflict } from './types.js';

export type BoardStore = StoreApi<BoardState>;

/** How the store reaches the file system; tests inject their own. */
export interface Persistence {
  /** `onNotice`: what the save cannot keep of the file (its group), told before it writes. */
  commit(path: string, ops: Op[], opts: { baseText: string; onNotice?: (notice: string) => void }): Promise<{ text: string; conflicts: Conflict[] }>;
  /** Current text on disk, or an error message. */
  read(path: string): Promise<{ ok: true; text: string } | { ok: false; message: string }>;
  /**
   * Write `text` to a new path atomically, under that path's lock. 'exists' (nothing written) when
   * a file with other content is there and `overwrite` is false. Absent: save-as is unavailable.
   */
  saveAs?(path: string, text: string, opts: { overwrite: boolean }): Promise<'written' | 'exists'>;
  /** Parse text into plan data, or explain why not (validate-style lines). */
  parse(text: string, path: string): { ok: true; data: PlanData } | { ok: false; message: string };
}

export const filePersistence: Persistence = {
  // Loaded on first save: navigating never pays for the lock and writer modules.
  commit: async (path, ops, opts) => (await import('../core/persist/index.js')).savePlan(path, ops, opts),
  read: async (path) => {
    const r = await (await import('../core/persist/index.js')).readPlanFile(path);
    return r.ok ? { ok: true, text: r.plan.text } : { ok: false, message: r.problems.map(formatProblem).join('\n') };
  },
  saveAs: async (path, text, { overwrite }) =>
    (await import('../core/persist/index.js')).writePlanTo(path, text, { overwrite, sameIsOk: true }),
  parse: (text, path) => {
    const r = loadPlanText(text, path);
    return r.ok ? { ok: true, data: r.plan.data } : { ok: false, message: r.problems.map(formatProblem).join('\n') };
  },
};

export interface BoardOptions extends OpeningOptions {
  persistence?: Persistence;
  /** Where hide-done and sort are remembered per plan; default nowhere (the board passes the user's). */
  viewPrefs?: ViewPrefsStore | null;
}

/** The edit and file-sync slices share how pending ops become data and the save in flight. */
function editSlices(set: BoardStore['setState'], get: BoardStore['getState'], persistence: Persistence) {
  const pending = createPending(get, applyOpToData);
  return { ...createEditSlice(set, get, applyOpToData, pending), ...createFileSyncSlice(set, get, persistence, applyOpToData, pending) };
}

export function createBoardStore(opts: BoardOptions): BoardStore {
  const persistence = opts.persistence ?? filePersistence;
  const viewPrefs = opts.viewPrefs ?? null;
  return createStore<BoardState>()((set, get, api) => ({
    ...initialPlan(opts, buildModel(opts.data), viewPrefs),
    ...createUiSlice(set, get, api, viewPrefs?.read(opts.file) ?? {}),
    ...editSlices(set, get, persistence),
    ...createPromptSlice(set, get),
    ...createPointerActions(set, get),
  }));
}

export type { BoardState } from './types.js';
