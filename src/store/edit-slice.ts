// Edits, history and the file: every edit is one core op, appended to `pending` (the undo
// stack). Undo re-derives the data from the base plus the remaining ops.
import type { StoreApi } from 'zustand/vanilla';
import { notSaved } from './messages.js';
import { buildModel, type PlanData } from '../core/plan/model.js';
import { updateModel } from './model-update.js';
import type { Op } from '../core/plan/op-types.js';
import { parseDuration } from '../core/plan/duration.js';
import { DONE } from '../core/plan/schema.js';
import type { Persistence } from './index.js';
import { opFields, opTarget } from './op-fields.js';
import type { BoardState } from './types.js';
import { editCount, endsWith, inverseOf, pushEntry, type HistoryEntry } from './history.js';
import { fieldValue, type EditableField } from '../core/ops/field-input.js';
import { nextIssueId } from '../core/ops/next-id.js';
import { itemSource } from '../core/ops/item-text.js';
import { dependsDirectly } from '../core/ops/dependency.js';
import { selectColumns } from './selectors.js';
import { describeOp, textEditOf } from '../core/ops/index.js';
import { applyOps, applyOpsDetailed } from '../core/plan/ops.js';
import { createSaveAs, isNoWriteAccess } from './save-as.js';

type Set = StoreApi<BoardState>['setState'];
type Get = StoreApi<BoardState>['getState'];
type ApplyOp = (data: PlanData, op: Op) => PlanData;

type EditActions = Pick<
  BoardState,
  | 'apply'
  | 'addIssue'
  | 'renameIssue'
  | 'setEstimate'
  | 'setIssueField'
  | 'addDependency'
  | 'removeDependency'
  | 'removeIssue'
  | 'reorderIssue'
  | 'toggleDone'
  | 'shiftStatus'
  | 'shiftLane'
  | 'assignLane'
  | 'logTime'
  | 'toggleSubtask'
  | 'undo'
  | 'redo'
  | 'save'
  | 'saveAs'
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

  /**
   * How issue `id` is written now, for an undo that restores it byte for byte: its lines in the
   * base text, after the unsaved edits of that issue (no other edit changes its lines).
   */
  const sourceFor = (s: BoardState) => (id: string) => {
    const mine = s.pending.filter((p) => opTarget(p) === id);
    if (!mine.length) return itemSource(s.baseText, s.baseData, id);
    try {
      const now = applyOpsDetailed(s.baseText, mine);
      return itemSource(now.text, now.data, id);
    } catch {
      return undefined; // the undo then writes the issue's data in the file's style
    }
  };

  /** After undo or redo, the selection follows the edited issue while it exists. */
  const follow = (op: Op) => {
    const id = opTarget(op);
    if (get().model.byId.has(id)) set({ selectedId: id });
  };

  /** Runs f on the selected issue, or says there is none. */
  const withSelected = <T>(f: (i: NonNullable<ReturnType<typeof selected>>) => T, none: T): T => {
    const i = selected();
    if (!i) {
      set({ message: 'nothing selected' });
      return none;
    }
    return f(i);
  };

  /** Typed text → value, or false with the reason in the message line. */
  const typed = (field: EditableField, text: string): { value: unknown } | false => {
    try {
      return { value: fieldValue(get().data, field, text) };
    } catch (e) {
      set({ message: `cannot: ${errorText(e)}` });
      return false;
    }
  };

  const setIssueField = (field: EditableField, text: string): boolean =>
    withSelected((i) => {
      const v = typed(field, text);
      if (!v) return false;
      const was = (i.data as Record<string, unknown>)[field];
      const value = v.value === null ? undefined : v.value;
      if (JSON.stringify(was) === JSON.stringify(value)) {
        set({ message: `${i.id}: ${field} unchanged` });
        return true;
      }
      return edit({ kind: 'set-field', id: i.id, field, value: v.value }, value === undefined ? `${i.id}: ${field} removed` : `${i.id}: ${field} = ${Array.isArray(value) ? value.join(', ') : String(value)}`);
    }, false);

  const edit = (op: Op, message: string): boolean => {
    const s = get();
    let data: PlanData;
    try {
      data = applyOpToData(s.data, op);
    } catch (e) {
      set({ message: `cannot: ${errorText(e)}` });
      return false;
    }
    // Nothing to write and nothing to undo.
    if (data === s.data) {
      set({ message: `no change: ${describeOp(op)}` });
      return false;
    }
    // An op that places or moves whole items (add, remove, reorder) may meet a layout it cannot
    // write (an anchor others use, say): rare edits, so try the save's text edit now and refuse at once.
    if (textEditOf(op) !== 'diff') {
      try {
        applyOps(s.baseText, [...s.pending, op]);
      } catch (e) {
        set({ message: `cannot: ${errorText(e)}` });
        return false;
      }
    }
    const entry: HistoryEntry = { op, inverse: inverseOf(s.data, op, sourceFor(s)) };
    set({ ...derive(data, true), pending: [...s.pending, op], undoStack: pushEntry(s.undoStack, entry), redoStack: [], fileState: 'unsaved', reloadNote: null, message });
    // A file we cannot write would fail every autosave: the user saves elsewhere (W) instead.
    if (get().autosave && !get().writeBlocked) void get().save();
    return true;
  };

  const rebase = (baseData: PlanData, ops: Op[]) => {
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
  };

  return {
    apply: (op) => edit(op, op.kind),
    addIssue: (title, opts = {}) => {
      const s = get();
      const v = typed('title', title);
      if (!v) return false;
      const near = selected();
      const group = opts.group !== undefined ? opts.group : near?.group;
      const status = opts.status ?? near?.status;
      const lane = opts.lane !== undefined ? opts.lane : near?.lane;
      const id = nextIssueId(s.data, { group: group ?? undefined, near: near?.id });
      const issue: Record<string, unknown> & { id: string; title: string } = { id, title: v.value as string };
      if (status !== undefined && status !== s.model.statuses[0]) issue.status = status;
      if (group) issue.group = group;
      if (opts.estimate) {
        const e = typed('estimate', opts.estimate);
        if (!e) return false;
        if (e.value !== null) issue.estimate = e.value;
      }
      if (lane) issue.lane = lane;
      // In the file, after the last issue of its group, so a plan written by phase stays so.
      const issues = s.data.issues ?? [];
      let last = -1;
      if (group) issues.forEach((x, n) => x.group === group && (last = n));
      const before = last >= 0 && last + 1 < issues.length ? issues[last + 1].id : undefined;
      const ok = edit({ kind: 'add-issue', issue, ...(before !== undefined ? { before } : {}) }, `${id}: added`);
      if (ok) set({ selectedId: id });
      return ok;
    },
    renameIssue: (title) => setIssueField('title', title),
    setEstimate: (text) => setIssueField('estimate', text),
    setIssueField,
    addDependency: (on, lag) =>
      withSelected((i) => {
        const s = get();
        if (!s.model.byId.has(on)) {
          set({ message: `cannot: unknown issue "${on}"` });
          return false;
        }
        if (dependsDirectly(s.data, i.id, on)) {
          set({ message: `${i.id} already waits for ${on}` });
          return false;
        }
        return edit({ kind: 'add-dependency', id: i.id, on, ...(lag ? { lag } : {}) }, `${i.id} waits for ${on}`);
      }, false),
    removeDependency: (on) =>
      withSelected((i) => {
        const s = get();
        const how = s.model.byId.has(on) ? dependsDirectly(s.data, i.id, on) : undefined;
        if (how === 'depends_on') return edit({ kind: 'remove-dependency', id: i.id, on }, `${i.id} no longer waits for ${on}`);
        if (how === 'blocks') {
          // Written the other way round (`on` blocks this one): edit that list.
          const rest = (s.model.byId.get(on)!.data.blocks ?? []).filter((b) => b !== i.id);
          return edit({ kind: 'set-field', id: on, field: 'blocks', value: rest.length ? rest : undefined }, `${i.id} no longer waits for ${on}`);
        }
        set({ message: `${i.id} does not wait for ${on}` });
        return false;
      }, false),
    removeIssue: () => withSelected((i) => edit({ kind: 'remove-issue', id: i.id }, `${i.id}: removed (u undoes)`), false),
    reorderIssue: (delta) =>
      withSelected((i) => {
        const s = get();
        // Its column as the kanban shows it (in swimlanes, its lane's part of the column).
        const col = (selectColumns(s).get(i.status) ?? []).filter((x) => !s.swimlanes || x.lane === i.lane);
        const r = col.findIndex((x) => x.id === i.id);
        const other = r < 0 ? undefined : col[r + delta];
        if (!other) {
          set({ message: `${i.id} is already ${delta < 0 ? 'first' : 'last'} in its column` });
          return false;
        }
        return edit({ kind: 'reorder-issue', id: i.id, with: other.id }, `${i.id}: moved ${delta < 0 ? 'up' : 'down'} (past ${other.id})`);
      }, false),
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
      const entry = s.undoStack[s.undoStack.length - 1];
      if (!entry) return void set({ message: 'nothing to undo' });
      const undoStack = s.undoStack.slice(0, -1);
      const { op } = entry;
      const at = s.pending.lastIndexOf(op);
      if (at >= 0) {
        // Not saved yet: drop it, as if it had never been made.
        const pending = [...s.pending.slice(0, at), ...s.pending.slice(at + 1)];
        const { data } = rebase(s.baseData, pending);
        set({ ...derive(data, true), pending, undoStack, redoStack: [...s.redoStack, { entry, applied: [] }], fileState: pending.length ? 'unsaved' : 'saved', message: `undone: ${op.kind} ${opTarget(op)}` });
      } else {
        // Already saved: the inverse becomes a new edit, written by the next save.
        let data = s.data;
        try {
          for (const inv of entry.inverse) data = applyOpToData(data, inv);
        } catch (e) {
          return void set({ undoStack, message: `cannot undo ${op.kind} ${opTarget(op)}: ${errorText(e)}` });
        }
        set({
          ...derive(data, true),
          pending: [...s.pending, ...entry.inverse],
          undoStack,
          redoStack: [...s.redoStack, { entry, applied: entry.inverse }],
          fileState: 'unsaved',
          message: `undone: ${op.kind} ${opTarget(op)} (it was saved: s saves the undo)`,
        });
      }
      follow(op);
    },
    redo: () => {
      const s = get();
      const top = s.redoStack[s.redoStack.length - 1];
      if (!top) return void set({ message: 'nothing to redo' });
      const redoStack = s.redoStack.slice(0, -1);
      const { op } = top.entry;
      if (endsWith(s.pending, top.applied)) {
        // The undo's inverse is still pending: taking it back restores the saved state exactly.
        const pending = s.pending.slice(0, s.pending.length - top.applied.length);
        const { data } = rebase(s.baseData, pending);
        set({ ...derive(data, true), pending, undoStack: pushEntry(s.undoStack, top.entry), redoStack, fileState: pending.length ? 'unsaved' : 'saved', message: `redone: ${op.kind} ${opTarget(op)}` });
      } else {
        let data;
        try {
          data = applyOpToData(s.data, op);
        } catch (e) {
          return void set({ message: `cannot redo: ${errorText(e)}`, redoStack });
        }
        const entry: HistoryEntry = { op, inverse: inverseOf(s.data, op, sourceFor(s)) };
        set({ ...derive(data, true), pending: [...s.pending, op], undoStack: pushEntry(s.undoStack, entry), redoStack, fileState: 'unsaved', message: `redone: ${op.kind} ${opTarget(op)}` });
      }
      follow(op);
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
        if (isNoWriteAccess(e)) {
          // The way out (W) first: a long path at the end may be cut off, the hint must not be.
          const reason = (e as { reason?: string }).reason ?? errorText(e);
          return void set({ fileState: 'unsaved', writeBlocked: reason, message: `cannot save (edits kept in memory; W saves them elsewhere): ${reason}` });
        }
        return void set({ fileState: 'unsaved', message: notSaved(e) });
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
        conflicts: [],
        writeBlocked: null,
        fileState: kept.length ? 'unsaved' : 'saved',
        reloadNote: null,
        message: `saved ${plural(editCount(ops), 'edit')}`,
      });
    },
    saveAs: createSaveAs(set, get, persistence),
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
      const kept = new Set(ops);
      const gone = new Set(s.pending.filter((op) => !kept.has(op)));
      set({ pending: ops, undoStack: gone.size ? s.undoStack.filter((e) => !gone.has(e.op)) : s.undoStack, conflicts: [], overlay: null });
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
      const { data, kept, dropped, droppedOps } = rebase(parsed.data, s.pending);
      if (typeof why === 'function') why = why(s.baseData, parsed.data);
      set({
        ...derive(data),
        baseText: text,
        baseData: parsed.data,
        pending: kept,
        // An edit that no longer applies is gone: undoing it must not write its old values back.
        undoStack: droppedOps.size ? s.undoStack.filter((e) => !droppedOps.has(e.op)) : s.undoStack,
        redoStack: [],
        fileState: kept.length ? 'unsaved' : 'saved',
        reloadNote: why ?? 'from disk',
        message: `reloaded${why ? `: ${why}` : ''}${dropped.length ? `; ${plural(dropped.length, 'edit')} no longer apply: ${dropped.join('; ')}` : ''}`,
      });
      return true;
    },
  };
}
