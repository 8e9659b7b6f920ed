// The registry of op kinds: the one place a new kind is added. Its type makes the compiler
// refuse a kind without a definition, or a definition missing any part (types.ts). The store,
// the CLI, the text edits and the merge/rebase code all ask here.
// A new kind: its variant in plan/op-types.ts, its module in this folder, its line below.
import type { PlanData } from '../plan/model.js';
import type { Op, OpKind } from '../plan/op-types.js';
import { addIssueOp } from './add-issue.js';
import { addDependencyOp, removeDependencyOp } from './dependency.js';
import { logTimeOp } from './log-time.js';
import { moveLaneOp } from './move-lane.js';
import { removeIssueOp } from './remove-issue.js';
import { reorderIssueOp } from './reorder-issue.js';
import { restoreFieldsOp } from './restore-fields.js';
import { setFieldOp } from './set-field.js';
import { setStatusOp } from './set-status.js';
import { setSubtaskOp } from './set-subtask.js';
import { tickOp } from './tick.js';
import type { InverseContext, OpDef, TextEdit } from './types.js';
import { untickOp } from './untick.js';

export const OPS: { readonly [K in OpKind]: OpDef<K> } = {
  'set-status': setStatusOp,
  tick: tickOp,
  untick: untickOp,
  'move-lane': moveLaneOp,
  'set-field': setFieldOp,
  'restore-fields': restoreFieldsOp,
  'log-time': logTimeOp,
  'set-subtask': setSubtaskOp,
  'add-issue': addIssueOp,
  'remove-issue': removeIssueOp,
  'add-dependency': addDependencyOp,
  'remove-dependency': removeDependencyOp,
  'reorder-issue': reorderIssueOp,
};

export const OP_KINDS = Object.keys(OPS) as OpKind[];

// One cast, here: the mapped type guarantees OPS[op.kind] is the definition for that op's kind.
const def = (op: Op): OpDef<OpKind> => OPS[op.kind] as unknown as OpDef<OpKind>;
type AnyOp = Parameters<OpDef<OpKind>['apply']>[1];

/** Applies one op to plan data; see OpDef.apply. */
export const applyOp = (data: PlanData, op: Op): PlanData => def(op).apply(data, op as AnyOp);
export const describeOp = (op: Op): string => def(op).describe(op as AnyOp);
export const opTarget = (op: Op): string => def(op).target(op as AnyOp);
export const opFieldsOf = (op: Op): string[] => def(op).fields(op as AnyOp);
export const needsPlanCheck = (op: Op): boolean => def(op).needsPlanCheck(op as AnyOp);
export const inverseOp = (op: Op, ctx: InverseContext): Op[] => def(op).inverse(op as AnyOp, ctx);
export const textEditOf = (op: Op): TextEdit<AnyOp> => def(op).text;

export { OpError } from './data.js';
export { EditError } from './diff-text.js';
export type { OpDef, InverseContext, ItemSource } from './types.js';
