// Edits and their history: every edit is one core op, appended to `pending` (the undo stack).
// Undo re-derives the data from the base plus the remaining ops. The file side (save, reload,
// conflicts) is file-sync-slice.ts.
import type { StoreApi } from 'zustand/vanilla';
import type { PlanData } from '../core/plan/model.js';
import type { Op } from '../core/plan/op-types.js';
import { parseLogEntry } from '../core/text/duration.js';
import { DONE } from '../core/plan/schema.js';
import { opTarget } from './op-fields.js';
import type { BoardState } from './types.js';
import { endsWith, inverseOf, pushEntry, type HistoryEntry } from './history.js';
import { fieldValue, type EditableField } from '../core/ops/field-input.js';
import { nextIssueId } from '../core/ops/next-id.js';
import { placeInGroup } from '../core/ops/add-issue.js';
import { editedItemSource, itemSource } from '../core/ops/item-text.js';
import { dependsDirectly } from '../core/ops/dependency.js';
import { selectColumns } from './selectors.js';
import { describeOp, textEditOf } from '../core/ops/index.js';
import { applyOps, applyOpsDetailed } from '../core/plan/ops.js';
import { type ApplyOp, errorText, type Pending } from './pending.js';

type Set = StoreApi<BoardState>['setState'];
type Get = StoreApi<BoardState>['getState'];

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
>;

/** Log-time input: a duration (a bare number is hours; 30m, 1.5h, 0.5d), then an optional note. */
export const parseLogInput = parseLogEntry;

export function createEditSlice(set: Set, get: Get, applyOpToData: ApplyOp, p: Pending): EditActions {
  const { derive, rebase, stateOf } = p;

  const selected = () => {
    const s = get();
    return s.selectedId === null ? undefined : s.model.byId.get(s.selectedId);
  };

  /**
   * How the issue `op` edits is written before the edit, for an undo that restores it byte for
   * byte: its lines in the base text, edited on their own as the unsaved edits of that issue will
   * edit them (no other field edit changes its lines). Asked lazily (see lazyProp): a keypress
   * pays nothing. Until then it holds only the base, the pending ops and that issue's data, not
   * the state: held by every unsaved edit, a state each would keep a whole plan alive.
   */
  const sourceFor = (s: BoardState, op: Op) => {
    const { baseText, baseData, pending } = s;
    const target = opTarget(op);
    const was = s.model.byId.get(target)?.data;
    return (id: string) => {
      if (pending.some((p) => textEditOf(p) !== 'diff')) {
        // Items were placed or moved since the base: the whole text as the save will write it.
        try {
          const now = applyOpsDetailed(baseText, pending);
          return itemSource(now.text, now.data, id);
        } catch {
          return undefined; // the undo then writes the issue's data in the file's style
        }
      }
      if (!pending.some((p) => opTarget(p) === id)) return itemSource(baseText, baseData, id);
      // Every op's inverse asks for the issue it edits (its target); another is not known here.
      return id === target && was ? editedItemSource(baseText, baseData, id, was) : undefined;
    };
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
    const entry: HistoryEntry = { op, inverse: inverseOf(s.data, op, sourceFor(s, op)) };
    p.unsettled.push(entry);
    const pending = [...s.pending, op];
    set({ ...derive(data, true), pending, undoStack: pushEntry(s.undoStack, entry), redoStack: [], fileState: stateOf(pending), reloadNote: s.conflicts.length ? s.reloadNote : null, message });
    // A file we cannot write would fail every autosave: the user saves elsewhere (W) instead.
    if (get().autosave && !get().writeBlocked) void get().save();
    return true;
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
      const before = placeInGroup(s.data, group);
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
      // An edit being written right now counts as saved: its inverse becomes a new edit.
      if (at >= 0 && !p.inFlight.has(op)) {
        // Not saved yet: drop it, as if it had never been made.
        const pending = [...s.pending.slice(0, at), ...s.pending.slice(at + 1)];
        const { data } = rebase(s.baseData, pending);
        set({ ...derive(data, true), pending, undoStack, redoStack: [...s.redoStack, { entry, applied: [] }], fileState: stateOf(pending), message: `undone: ${op.kind} ${opTarget(op)}` });
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
          fileState: stateOf([entry.op]),
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
        set({ ...derive(data, true), pending, undoStack: pushEntry(s.undoStack, top.entry), redoStack, fileState: stateOf(pending), message: `redone: ${op.kind} ${opTarget(op)}` });
      } else {
        let data: PlanData;
        try {
          data = applyOpToData(s.data, op);
        } catch (e) {
          return void set({ message: `cannot redo: ${errorText(e)}`, redoStack });
        }
        const entry: HistoryEntry = { op, inverse: inverseOf(s.data, op, sourceFor(s, op)) };
        p.unsettled.push(entry);
        set({ ...derive(data, true), pending: [...s.pending, op], undoStack: pushEntry(s.undoStack, entry), redoStack, fileState: stateOf([op]), message: `redone: ${op.kind} ${opTarget(op)}` });
      }
      follow(op);
    },
  };
}
