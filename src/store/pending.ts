// What the edit and file-sync slices share: the data re-derived from the base plus pending ops,
// the file state those ops give, and the save in flight (which ops it carries, whose undo texts
// wait for it).
import type { StoreApi } from 'zustand/vanilla';
import { buildModel, type PlanData } from '../core/plan/model.js';
import type { Op } from '../core/plan/op-types.js';
import type { HistoryEntry } from './history.js';
import { updateModel } from './model-update.js';
import type { BoardState, Conflict } from './types.js';

type Get = StoreApi<BoardState>['getState'];
export type ApplyOp = (data: PlanData, op: Op) => PlanData;

export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
export const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

export const conflictNote = (cs: Conflict[]) =>
  `${plural(cs.length, 'conflict')} with changes on disk (${[...new Set(cs.map((c) => `${c.id} ${c.field}`))].slice(0, 3).join(', ')}${cs.length > 3 ? ', …' : ''}): s to resolve`;

/** The state once the save in flight has settled. */
export const settledState = (pending: Op[], conflicts: Conflict[]) => (conflicts.length ? 'conflict' : pending.length ? 'unsaved' : 'saved') as BoardState['fileState'];

export type Pending = ReturnType<typeof createPending>;

export function createPending(get: Get, applyOpToData: ApplyOp) {
  const self = {
    /** The save in flight: an edit made meanwhile must not start a second save of the same ops. */
    saving: null as Promise<void> | null,
    /** The ops that save carries: undoing one of them makes an inverse edit, as for a saved one. */
    inFlight: new Set<Op>(),
    /** Entries whose undo text still waits on an old base text; a save computes them and lets it go. */
    unsettled: [] as HistoryEntry[],

    settleSources() {
      for (const e of self.unsettled) for (const inv of e.inverse) void (inv as { source?: unknown }).source;
      self.unsettled = [];
    },

    /** With conflicts standing, the file state says so until they are settled, whatever else happens. */
    stateOf: (pending: Op[], conflicts = get().conflicts) =>
      (conflicts.length ? 'conflict' : self.saving ? 'saving' : pending.length ? 'unsaved' : 'saved') as BoardState['fileState'],

    /** New data → new model; keep the selection if the issue still exists. */
    derive(data: PlanData, local = false) {
      const model = local ? updateModel(get().model, data) : buildModel(data);
      const sel = get().selectedId;
      return { data, model, selectedId: sel !== null && model.byId.has(sel) ? sel : (model.issues[0]?.id ?? null) };
    },

    /** `ops` replayed over `baseData`; an op that no longer applies is dropped, with its reason. */
    rebase(baseData: PlanData, ops: Op[]) {
      let data = baseData;
      const kept: Op[] = [];
      const dropped: string[] = [];
      const droppedOps = new Set<Op>();
      for (const op of ops) {
        try {
          data = applyOpToData(data, op);
          kept.push(op);
        } catch (e) {
          dropped.push(errorText(e));
          droppedOps.add(op);
        }
      }
      return { data, kept, dropped, droppedOps };
    },
  };
  return self;
}
