// The board and its file: save (with rebase onto what others wrote), save as, reload after
// another process's save or $EDITOR, and conflicts kept until the user settles them.
import type { StoreApi } from 'zustand/vanilla';
import { isDeepStrictEqual } from 'node:util';
import type { PlanData } from '../core/plan/model.js';
import type { Op } from '../core/plan/op-types.js';
import { WHOLE_ISSUE } from '../core/ops/types.js';
import { mergeConflictLists, rebaseOps, resolveConflicts as settle } from '../core/persist/rebase.js';
import { editCount } from './history.js';
import type { Persistence } from './index.js';
import { notSaved } from './messages.js';
import { type ApplyOp, conflictNote, errorText, type Pending, plural, settledState } from './pending.js';
import { createSaveAs, isNoWriteAccess } from './save-as.js';
import type { BoardState, Conflict } from './types.js';

type Set = StoreApi<BoardState>['setState'];
type Get = StoreApi<BoardState>['getState'];

type FileSyncActions = Pick<BoardState, 'save' | 'saveAs' | 'resolveConflicts' | 'deferConflicts' | 'reload' | 'diskUnreadable' | 'editorClosed'>;

/**
 * While a conflict waits, the board shows mine: the value the dialog calls mine, which "keep mine"
 * writes. My ops replayed over theirs do not always end there (a tick and an untick over another
 * status end on that status), so each such field gets a pin (restore-fields) after my ops; "keep
 * theirs" drops it with them, and a later edit of the field comes after it.
 */
function pinned(apply: ApplyOp, kept: Op[], data: PlanData, found: Conflict[]): { data: PlanData; pending: Op[] } {
  const pins = pinMine(data, found);
  if (!pins.length) return { data, pending: kept };
  let out = data;
  for (const op of pins) out = apply(out, op);
  return { data: out, pending: [...kept, ...pins] };
}

/** The issue a conflict on one top-level field concerns, as a record; undefined for a whole-issue or sub-field conflict or a gone issue. */
function fieldIssue(data: PlanData, c: Conflict): Record<string, unknown> | undefined {
  if (c.field === WHOLE_ISSUE || c.field.includes('.')) return undefined;
  return (data.issues ?? []).find((i) => String(i.id) === c.id) as Record<string, unknown> | undefined;
}

/** restore-fields ops that make each conflicting field read as mine in `data`. */
function pinMine(data: PlanData, conflicts: Conflict[]): Op[] {
  const byIssue = new Map<string, Record<string, unknown>>();
  for (const c of conflicts) {
    const issue = fieldIssue(data, c);
    if (!issue || isDeepStrictEqual(issue[c.field], c.mine)) continue;
    byIssue.set(c.id, { ...byIssue.get(c.id), [c.field]: c.mine });
  }
  return [...byIssue].map(([id, values]) => ({ kind: 'restore-fields', id, values }) as Op);
}

/**
 * A save's conflicts concern the ops it carried. An edit made while it was in flight may have
 * moved the field on: mine is what the board shows now (the dialog's "mine", which "keep mine"
 * writes), and a field that now reads as theirs is no conflict.
 */
function mineNow(found: Conflict[], now: PlanData): Conflict[] {
  return found.flatMap((c) => {
    const issue = fieldIssue(now, c);
    if (!issue) return [c];
    return isDeepStrictEqual(issue[c.field], c.theirs) ? [] : [{ ...c, mine: issue[c.field] }];
  });
}

export function createFileSyncSlice(set: Set, get: Get, persistence: Persistence, applyOpToData: ApplyOp, p: Pending): FileSyncActions {
  const { derive, rebase, stateOf } = p;

  const saveOnce = async (): Promise<void> => {
    const s = get();
    // A conflict found by a save or a reload is settled by the user before anything is written.
    if (s.conflicts.length) return void set({ fileState: 'conflict', overlay: { kind: 'conflict', cursor: 0 }, message: conflictNote(s.conflicts) });
    if (s.pending.length === 0 && s.fileState !== 'changed-on-disk') return void set({ message: 'nothing to save' });
    const ops = s.pending;
    p.inFlight = new Set(ops);
    set({ fileState: 'saving', message: 'saving…' });
    let result: Awaited<ReturnType<Persistence['commit']>>;
    let notice: string | undefined;
    try {
      result = await persistence.commit(s.file, ops, { baseText: s.baseText, onNotice: (n) => (notice = n) });
    } catch (e) {
      if (isNoWriteAccess(e)) {
        // The way out (W) first: a long path at the end may be cut off, the hint must not be.
        const reason = (e as { reason?: string }).reason ?? errorText(e);
        return void set({ fileState: settledState(get().pending, get().conflicts), writeBlocked: reason, message: `cannot save (edits kept in memory; W saves them elsewhere): ${reason}` });
      }
      return void set({ fileState: settledState(get().pending, get().conflicts), message: notSaved(e) });
    }
    if (result.conflicts.length > 0) {
      // The base moves to the text the conflicts were found against; our edits stay pending on it
      // and the conflicts stay recorded until the user settles them (m / t), so no later save
      // can write "mine" without asking.
      const onDisk = persistence.parse(result.text, s.file);
      if (!onDisk.ok) return void set({ fileState: settledState(get().pending, get().conflicts), message: `not saved: the file on disk does not read: ${onDisk.message}` });
      const cur = get();
      // Edits made while the save was in flight meet the disk text too: same rule.
      const fresh = mergeConflictLists(mineNow(result.conflicts, cur.data), rebaseOps(cur.baseData, cur.pending, onDisk.data));
      const conflicts = mergeConflictLists(cur.conflicts, fresh);
      const replayed = rebase(onDisk.data, cur.pending);
      const { droppedOps } = replayed;
      const { data, pending: kept } = pinned(applyOpToData, replayed.kept, replayed.data, fresh);
      set({
        ...derive(data),
        baseText: result.text,
        baseData: onDisk.data,
        pending: kept,
        undoStack: droppedOps.size ? cur.undoStack.filter((e) => !droppedOps.has(e.op)) : cur.undoStack,
        conflicts,
        fileState: conflicts.length ? 'conflict' : settledState(kept, conflicts),
        overlay: conflicts.length ? { kind: 'conflict', cursor: 0 } : cur.overlay,
        message: conflicts.length ? `${plural(conflicts.length, 'conflict')} with changes on disk` : 'saving again: the edits made meanwhile agree with the changes on disk',
      });
      // Nothing left to ask: the save the user asked for goes on, over the new base, once this one has ended.
      if (!conflicts.length && kept.length) void get().save();
      return;
    }
    // The base text moves on: undo texts still waiting on the old one are taken now.
    p.settleSources();
    const parsed = persistence.parse(result.text, s.file);
    if (!parsed.ok) return void set({ fileState: settledState(get().pending, get().conflicts), message: `saved, but the file no longer reads: ${parsed.message}` });
    // Edits made while the save was in flight stay pending on top of the new base, which may
    // carry other sessions' changes: they are rebased by the same rule as a reload, so a field
    // changed both ways is a conflict here too, not a silent "mine wins" at the next save.
    const cur = get();
    const later = cur.pending.filter((op) => !p.inFlight.has(op));
    const { data, kept } = rebase(parsed.data, later);
    const laterBase = rebase(cur.baseData, cur.pending.filter((op) => p.inFlight.has(op))).data;
    const standing = cur.conflicts.filter((c) => settle(later, [c], 'theirs').length < later.length);
    const conflicts = mergeConflictLists(standing, rebaseOps(laterBase, later, parsed.data));
    set({
      ...derive(data),
      baseText: result.text,
      baseData: parsed.data,
      pending: kept,
      conflicts,
      writeBlocked: null,
      fileState: settledState(kept, conflicts),
      reloadNote: conflicts.length ? conflictNote(conflicts) : null,
      message: `saved ${plural(editCount(ops), 'edit')}${conflicts.length ? `; ${conflictNote(conflicts)}` : ''}${notice ? `; note: ${notice}` : ''}`,
    });
  };

  return {
    save: async () => {
      if (p.saving) {
        // One save at a time: the edits made meanwhile are saved once this one has landed.
        await p.saving;
        const after = get();
        if (after.pending.length || after.conflicts.length) await after.save();
        return;
      }
      let done!: () => void;
      p.saving = new Promise<void>((r) => (done = r));
      try {
        await saveOnce();
      } finally {
        p.saving = null;
        p.inFlight = new Set();
        done();
      }
    },
    saveAs: createSaveAs(set, get, persistence),
    resolveConflicts: async (keep) => {
      const s = get();
      if (!s.conflicts.length) return void set({ overlay: null });
      // The base is already the text the conflicts were found against: settling them is local
      // (core's rule: "theirs" drops my ops on those fields), then a normal save rebases again.
      const ops = settle(s.pending, s.conflicts, keep);
      const kept = new Set(ops);
      const gone = new Set(s.pending.filter((op) => !kept.has(op)));
      const { data } = rebase(s.baseData, ops);
      set({
        ...derive(data),
        pending: ops,
        undoStack: gone.size ? s.undoStack.filter((e) => !gone.has(e.op)) : s.undoStack,
        redoStack: gone.size ? [] : s.redoStack,
        conflicts: [],
        overlay: null,
        reloadNote: null,
        fileState: stateOf(ops, []),
        message: keep === 'mine' ? 'kept mine' : 'kept theirs',
      });
      if (get().pending.length) await get().save();
    },
    deferConflicts: () => {
      const s = get();
      set({ overlay: null, fileState: stateOf(s.pending), message: s.conflicts.length ? `conflicts not resolved: nothing is written until you choose (s asks again)` : null });
    },
    reload: (text, why) => {
      const s = get();
      const parsed = persistence.parse(text, s.file);
      if (!parsed.ok) {
        set({ fileState: 'changed-on-disk', message: `the file on disk does not read; keeping the board as it was: ${parsed.message}` });
        return false;
      }
      // The same rule as a save: a field our pending edits changed that the file also changed
      // another way is a conflict, recorded now, whatever the timing of the next save.
      const found = rebaseOps(s.baseData, s.pending, parsed.data);
      const conflicts = found.length ? mergeConflictLists(s.conflicts, found) : s.conflicts;
      const replayed = rebase(parsed.data, s.pending);
      const { dropped, droppedOps } = replayed;
      const { data, pending: kept } = pinned(applyOpToData, replayed.kept, replayed.data, found);
      if (typeof why === 'function') why = why(s.baseData, parsed.data);
      if (found.length) why = `${why ?? 'from disk'}; ${conflictNote(conflicts)}`;
      set({
        ...derive(data),
        baseText: text,
        baseData: parsed.data,
        pending: kept,
        // An edit that no longer applies is gone: undoing it must not write its old values back.
        undoStack: droppedOps.size ? s.undoStack.filter((e) => !droppedOps.has(e.op)) : s.undoStack,
        redoStack: [],
        conflicts,
        fileState: stateOf(kept, conflicts),
        reloadNote: why ?? 'from disk',
        message: `reloaded${why ? `: ${why}` : ''}${dropped.length ? `; ${plural(dropped.length, 'edit')} no longer apply: ${dropped.join('; ')}` : ''}`,
      });
      return true;
    },
    diskUnreadable: (why) => set({ fileState: 'changed-on-disk', message: `the file on disk does not read: ${why}` }),
    editorClosed: (outcome) => {
      const s = get();
      if ('failure' in outcome) return s.setMessage(`editor: ${errorText(outcome.failure)}`);
      if ('problem' in outcome) return s.setMessage(`after editing, the plan does not read (board unchanged): ${outcome.problem}`);
      if (outcome.text === s.baseText) return s.setMessage(`editor closed (status ${outcome.status}); no changes`);
      s.reload(outcome.text, 'after editing');
    },
  };
}
