// Which issue an op edits and which of its top-level keys it writes, from core's own answer
// (rebase.fieldsOf), so undo and conflict handling agree on what an op touches.
import type { Op } from '../core/plan/op-types.js';
import { fieldsOf, opId, WHOLE_ISSUE } from '../core/persist/rebase.js';

export const opTarget = opId;

/** Top-level keys (`subtasks`, not `subtasks.2`); `*` for ops that add or remove the issue. */
export function opFields(op: Op): string[] {
  const keys = fieldsOf(op).map((f) => (f === WHOLE_ISSUE ? '*' : f.split('.')[0]));
  return [...new Set(keys)];
}
