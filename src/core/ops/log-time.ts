// `log-time`: one more entry in an issue's time log.
import { TimeEntry } from '../plan/schema.js';
import { checkDate, OpError, updateIssue } from './data.js';
import { restoreFields } from './restore.js';
import type { OpDef } from './types.js';

export const logTimeOp: OpDef<'log-time'> = {
  kind: 'log-time',
  apply: (data, op) => {
    const parsed = TimeEntry.safeParse(op.entry);
    if (!parsed.success) throw new OpError(`bad time entry for "${op.id}": ${parsed.error.issues[0].message}`);
    checkDate(parsed.data.date, 'log date');
    return updateIssue(data, op.id, (issue) => ({ ...issue, log: [...(issue.log ?? []), parsed.data] }));
  },
  text: 'diff',
  target: (op) => op.id,
  fields: () => ['log'],
  inverse: (op, ctx) => restoreFields(op.id, ['log'], ctx),
  describe: (op) => `${op.id}: logged ${op.entry.hours}h on ${op.entry.date}${op.entry.note ? ` (${op.entry.note})` : ''}`,
  // validate.ts refuses more than 24 hours in one entry.
  needsPlanCheck: (op) => !(typeof op.entry.hours === 'number' && op.entry.hours <= 24),
};
