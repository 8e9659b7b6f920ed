// Undo that survives a save. Each edit remembers how to put its fields back (its inverse ops,
// taken from the data just before it). Undoing an edit that is still pending simply drops it;
// undoing one already saved pushes its inverse as a new pending edit, so the next save writes it.
import type { PlanData } from '../core/plan/model.js';
import type { Op } from '../core/plan/op-types.js';
import { inverseOp, type ItemSource } from '../core/ops/index.js';

export interface HistoryEntry {
  op: Op;
  /** Ops that restore what `op` changed, as it was just before `op`. */
  inverse: Op[];
}

export interface RedoEntry {
  entry: HistoryEntry;
  /** The inverse ops the undo added to `pending` (empty when the undo just dropped a pending op). */
  applied: Op[];
}

/** Enough history for a long session; the oldest entries go first. */
export const HISTORY_LIMIT = 1000;

/**
 * Ops that undo `op`, from the data just before it (the op registry's inverse). `source` gives an
 * issue's text as it was then, when known, so the undo writes it back byte for byte.
 */
export function inverseOf(before: PlanData, op: Op, source?: (id: string) => ItemSource | undefined): Op[] {
  return oneEdit(inverseOp(op, { data: before, source }));
}

export const pushEntry = (stack: HistoryEntry[], entry: HistoryEntry): HistoryEntry[] =>
  stack.length >= HISTORY_LIMIT ? [...stack.slice(stack.length - HISTORY_LIMIT + 1), entry] : [...stack, entry];

/** Do `pending` end with exactly these ops (the same objects)? */
export function endsWith(pending: Op[], ops: Op[]): boolean {
  if (ops.length === 0 || ops.length > pending.length) return false;
  const from = pending.length - ops.length;
  return ops.every((op, n) => pending[from + n] === op);
}

// An undo of a saved edit may take several ops (status and done_on); to the user it is one edit.
const continuations = new WeakSet<Op>();

/** Marks ops[1..] as parts of ops[0]'s edit; returns the ops. */
export function oneEdit(ops: Op[]): Op[] {
  for (const op of ops.slice(1)) continuations.add(op);
  return ops;
}

/** How many edits (as the user made them) these ops are. */
export const editCount = (ops: readonly Op[]): number => ops.reduce((n, op) => (continuations.has(op) ? n : n + 1), 0);
