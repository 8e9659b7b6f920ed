// `untick`: not done after all. Back to the status tick recorded (`reopen_status`), else to
// todo (or the plan's first status that is not done); done_on goes.
import type { PlanData } from '../plan/model.js';
import { DONE } from '../plan/schema.js';
import { getIssue, statusesOf, statusOf, untickStatus, updateIssue, without } from './data.js';
import { restoreFields } from './restore.js';
import { setStatus, STATUS_FIELDS } from './set-status.js';
import type { OpDef } from './types.js';

/** The status untick gives this issue. */
export function reopenStatus(data: PlanData, id: string): string {
  const recorded = getIssue(data, id).reopen_status;
  return recorded !== undefined && recorded !== DONE && statusesOf(data).includes(recorded) ? recorded : untickStatus(data);
}

export const untickOp: OpDef<'untick'> = {
  kind: 'untick',
  apply: (data, op) => {
    const issue = getIssue(data, op.id);
    if (statusOf(data, issue) !== DONE) {
      if (issue.done_on === undefined && issue.reopen_status === undefined) return data;
      return updateIssue(data, op.id, (i) => without(without(i, 'done_on'), 'reopen_status'));
    }
    return setStatus(data, op.id, reopenStatus(data, op.id), '');
  },
  text: 'diff',
  target: (op) => op.id,
  fields: () => STATUS_FIELDS,
  inverse: (op, ctx) => restoreFields(op.id, STATUS_FIELDS, ctx),
  describe: (op) => `${op.id} → not done`,
  needsPlanCheck: () => false,
};
