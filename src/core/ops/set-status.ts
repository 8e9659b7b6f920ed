// `set-status`: an issue's status; to done it records done_on (and where it came from, for
// untick), away from done it drops both.
import type { IssueData, PlanData } from '../plan/model.js';
import { DONE } from '../plan/schema.js';
import { checkDate, checkStatus, statusOf, untickStatus, updateIssue, without } from './data.js';
import { restoreFields } from './restore.js';
import type { OpDef } from './types.js';

export const STATUS_FIELDS = ['status', 'done_on', 'started', 'reopen_status'];

/**
 * Sets the status. Done: keeps an existing done_on, else `date`; and records the status it left in
 * `reopen_status` unless that is where untick goes anyway. Not done: removes done_on and reopen_status.
 */
export function setStatus(data: PlanData, id: string, status: string, date: string): PlanData {
  checkStatus(data, status);
  if (status === DONE) checkDate(date, 'done date');
  return updateIssue(data, id, (issue) => {
    const current = statusOf(data, issue);
    if (status === DONE) {
      // Already done: keep the day it was done on.
      if (current === DONE && issue.status === DONE) return issue;
      const next: IssueData = { ...issue, status, done_on: issue.done_on ?? date };
      if (current !== DONE && current !== untickStatus(data)) next.reopen_status = current;
      return next;
    }
    if (issue.status === status && issue.done_on === undefined && issue.reopen_status === undefined) return issue;
    return without(without({ ...issue, status }, 'done_on'), 'reopen_status');
  });
}

export const setStatusOp: OpDef<'set-status'> = {
  kind: 'set-status',
  apply: (data, op) => setStatus(data, op.id, op.status, op.date),
  text: 'diff',
  target: (op) => op.id,
  fields: () => STATUS_FIELDS,
  inverse: (op, ctx) => restoreFields(op.id, STATUS_FIELDS, ctx),
  describe: (op) => `${op.id} → ${op.status}`,
  needsPlanCheck: () => false,
};
