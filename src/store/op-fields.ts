// Which issue an op edits and which of its top-level keys it writes, from core's op registry,
// so undo and conflict handling agree on what an op touches.
import type { Op } from '../core/plan/op-types.js';
import { opFieldsOf, opTarget as target, WHOLE_ISSUE } from '../core/ops/index.js';

export const opTarget = target;

/** Top-level keys (`subtasks`, not `subtasks.2`); `*` for ops that add or remove the issue. */
export function opFields(op: Op): string[] {
  const keys = opFieldsOf(op).map((f) => (f === WHOLE_ISSUE ? '*' : f.split('.')[0]));
  return [...new Set(keys)];
}
