// Edits, history and the file: every edit is one core op, appended to `pending` (the undo
// stack). Undo re-derives the data from the base plus the remaining ops.
import type { StoreApi } from 'zustand/vanilla';
import { buildModel, type PlanData } from '../core/plan/model.js';
import { updateModel } from './model-update.js';
import type { Op } from '../core/plan/op-types.js';
import { parseDuration } from '../core/plan/duration.js';
import { DONE } from '../core/plan/schema.js';
import type { Persistence } from './index.js';
import { opFields, opTarget } from './op-fields.js';
import type { BoardState } from './types.js';

type Set = StoreApi<BoardState>['setState'];
type Get = StoreApi<BoardState>['getState'];
type ApplyOp = (data: PlanData, op: Op) => PlanData;

type EditActions = Pick<
  BoardState,
  | 'apply'
  | 'toggleDone'
  | 'shiftStatus'
  | 'shiftLane'
  | 'assignLane'
  | 'logTime'
  | 'toggleSubtask'
  | 'undo'
  | 'redo'
  | 'save'
  | 'resolveConflicts'
  | 'reload'
>;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** Log-time input: `1.5h`, `30m`? no — durations as the plan writes them (`1.5h`, `0.5d`), then an optional note. */
export function parseLogInput(text: string, hoursPerDay: number): { hours: number; note?: string } {
  const m = /^\s*(\S+)\s*(.*)$/.exec(text);
  if (!m) throw new Error('type hours, e.g. 1.5h (and an optional note)');
  let h;
  try {
    h = parseDuration(m[1], hoursPerDay);
  } catch {
    throw new Error(`"${m[1]}" is not a duration: type e.g. 1.5h or 0.5d`);
  }
  if (h.min !== h.max) throw new Error('log one amount, not a range');
  if (!(h.expected > 0)) throw new Error('hours must be more than 0');
  const note = m[2].trim();
  return note ? { hours: h.expected, note } : { hours: h.expected };
}

export function createEditSlice(
  set: Set,
  get: Get,
  _api: StoreApi<BoardState>,
  persistence: Persistence,
  applyOpToData: ApplyOp,
): EditActions {
  /** New data → new model; keep the selection if the issue still exists. */
  const derive = (data: PlanData, local = false) => {
    const model = local ? updateModel(get().model, data) : buildModel(data);
    const sel = get().selectedId;
    return { data, model, selectedId: sel !== null && model.byId.has(sel) ? sel : (model.issues[0]?.id ?? null) };
  };

  const selected = () => {
    const s = get();
    return s.selectedId === null ? undefined : s.model.byId.get(s.selectedId);
  };

  const edit = (op: Op, message: string): boolean => {
    const s = get();
    let data: PlanData;
    try {
      data = applyOpToData(s.data, op);
    } catch (e) {
      set({ message: `cannot: ${errorText(e)}` });
      return false;
    }
    set({ ...derive(data, true), pending: [...s.pending, op], redoStack: [], fileState: 'unsaved', reloadNote: null, message });
    if (get().autosave) void get().save();
    return true;
  };

  const rebase = (baseData: PlanData, ops: Op[]) => {
    let data = baseData;
    const kept: Op[] = [];
    const dropped: string[] = [];
    for (const op of ops) {
      try {
        data = applyOpToData(data, op);
        kept.push(op);
      } catch (e) {
        dropped.push(errorText(e));
      }
    }
    return { data, kept, dropped };
  };

  return {
    apply: (op) => edit(op, op.kind),
    toggleDone: () => {
      const i = selected();
      if (!i) return void set({ message: 'nothing selected' });
      if (i.done) edit({ kind: 'untick', id: i.id }, `${i.id}: reopened`);
      else edit({ kind: 'tick', id: i.id, date: get().today }, `${i.id}: done`);
    },
    shiftStatus: (delta) => {
      const i = selected();
      if (!i) return void set({ message: 'nothing selected' });
      const statuses = get().model.statuses;
      const to = statuses[statuses.indexOf(i.status) + delta];
      if (to === undefined) return void set({ message: `${i.id} is already ${delta > 0 ? 'at the last' : 'at the first'} status` });
      if (to === DONE) edit({ kind: 'tick', id: i.id, date: get().today }, `${i.id}: ${i.status} → ${to}`);
      else edit({ kind: 'set-status', id: i.id, status: to, date: get().today }, `${i.id}: ${i.status} → ${to}`);
    },
    shiftLane: (delta) => {
      const i = selected();
      if (!i) return void set({ message: 'nothing selected' });
      const lanes = get().model.lanes.map((l) => l.id);
      if (lanes.length === 0) return void set({ message: 'this plan defines no lanes' });
      const at = i.lane === undefined ? (delta > 0 ? -1 : lanes.length) : lanes.indexOf(i.lane);
      const to = lanes[at + delta];
      if (to === undefined) return void set({ message: `${i.id} is already in the ${delta > 0 ? 'last' : 'first'} lane` });
      edit({ kind: 'move-lane', id: i.id, lane: to }, `${i.id}: lane ${i.lane ?? '(none)'} → ${to}`);
    },
    assignLane: (lane) => {
      const i = selected();
      if (!i) return void set({ message: 'nothing selected' });
      if ((i.lane ?? null) === lane) return void set({ message: `${i.id} is already in ${lane ?? 'no lane'}` });
      edit({ kind: 'move-lane', id: i.id, lane }, `${i.id}: lane ${i.lane ?? '(none)'} → ${lane ?? '(none)'}`);
    },
    logTime: (text) => {
      const i = selected();
      if (!i) {
        set({ message: 'nothing selected' });
        return false;
      }
      const { hours, note } = parseLogInput(text, get().model.hoursPerDay);
      const entry = note ? { date: get().today, hours, note } : { date: get().today, hours };
      return edit({ kind: 'log-time', id: i.id, entry }, `${i.id}: logged ${hours}h`);
    },
    toggleSubtask: (index) => {
      const i = selected();
      const st = i?.subtasks[index];
      if (!i || !st) return;
      edit({ kind: 'set-subtask', id: i.id, index, done: !st.done }, `${i.id}: subtask ${index + 1} ${st.done ? 'reopened' : 'done'}`);
    },
    undo: () => {
      const s = get();
      const op = s.pending[s.pending.length - 1];
      if (!op) return void set({ message: 'nothing to undo' });
      const pending = s.pending.slice(0, -1);
      const { data } = rebase(s.baseData, pending);
      set({ ...derive(data, true), pending, redoStack: [...s.redoStack, op], fileState: pending.length ? 'unsaved' : 'saved', message: `undone: ${op.kind} ${opTarget(op)}` });
      if (op.kind !== 'add-issue') set({ selectedId: op.id });
    },
    redo: () => {
      const s = get();
      const op = s.redoStack[s.redoStack.length - 1];
      if (!op) return void set({ message: 'nothing to redo' });
      let data;
      try {
        data = applyOpToData(s.data, op);
      } catch (e) {
        return void set({ message: `cannot redo: ${errorText(e)}`, redoStack: s.redoStack.slice(0, -1) });
      }
      set({ ...derive(data, true), pending: [...s.pending, op], redoStack: s.redoStack.slice(0, -1), fileState: 'unsaved', message: `redone: ${op.kind} ${opTarget(op)}` });
      if (op.kind !== 'add-issue') set({ selectedId: op.id });
    },
    save: async () => {
      const s = get();
      if (s.fileState === 'saving') return;
      if (s.pending.length === 0 && s.fileState !== 'changed-on-disk') return void set({ message: 'nothing to save' });
      const ops = s.pending;
      set({ fileState: 'saving', message: 'saving…' });
      let result;
      try {
        result = await persistence.commit(s.file, ops, { baseText: s.baseText });
      } catch (e) {
        return void set({ fileState: 'unsaved', message: `not saved: ${errorText(e)}` });
      }
      if (result.conflicts.length > 0) {
        set({ fileState: 'conflict', conflicts: result.conflicts, overlay: { kind: 'conflict', cursor: 0 }, message: `${plural(result.conflicts.length, 'conflict')} with changes on disk` });
        return;
      }
      const parsed = persistence.parse(result.text, s.file);
      if (!parsed.ok) return void set({ fileState: 'unsaved', message: `saved, but the file no longer reads: ${parsed.message}` });
      // Edits made while the save was in flight stay pending on top of the new base.
      const later = get().pending.slice(ops.length);
      const { data, kept } = rebase(parsed.data, later);
      set({
        ...derive(data),
        baseText: result.text,
        baseData: parsed.data,
        pending: kept,
        redoStack: [],
        conflicts: [],
        fileState: kept.length ? 'unsaved' : 'saved',
        reloadNote: null,
        message: `saved ${plural(ops.length, 'edit')}`,
      });
    },
    resolveConflicts: async (keep) => {
      const s = get();
      const disk = await persistence.read(s.file);
      if (!disk.ok) return void set({ message: `cannot read ${s.file}: ${disk.message}` });
      let ops = s.pending;
      if (keep === 'theirs') {
        const lost = new Set(s.conflicts.map((c) => `${c.id}\u0000${c.field}`));
        const lostIds = new Set(s.conflicts.map((c) => c.id));
        // Drop my ops on the conflicting fields (an add/remove of a conflicting issue counts as all of them).
        ops = ops.filter((op) => !opFields(op).some((f) => (f === '*' ? lostIds.has(opTarget(op)) : lost.has(`${opTarget(op)}\u0000${f}`))));
      }
      set({ pending: ops, conflicts: [], overlay: null });
      // Rebase onto the disk text: now nothing conflicts, because the base is what is on disk.
      if (!get().reload(disk.text, keep === 'mine' ? 'kept mine' : 'kept theirs')) return;
      if (get().pending.length) await get().save();
    },
    reload: (text, why) => {
      const s = get();
      const parsed = persistence.parse(text, s.file);
      if (!parsed.ok) {
        set({ fileState: 'changed-on-disk', message: `the file on disk does not read; keeping the board as it was: ${parsed.message}` });
        return false;
      }
      const { data, kept, dropped } = rebase(parsed.data, s.pending);
      if (typeof why === 'function') why = why(s.baseData, parsed.data);
      set({
        ...derive(data),
        baseText: text,
        baseData: parsed.data,
        pending: kept,
        redoStack: [],
        fileState: kept.length ? 'unsaved' : 'saved',
        reloadNote: why ?? 'from disk',
        message: `reloaded${why ? `: ${why}` : ''}${dropped.length ? `; ${plural(dropped.length, 'edit')} no longer apply: ${dropped.join('; ')}` : ''}`,
      });
      return true;
    },
  };
}
