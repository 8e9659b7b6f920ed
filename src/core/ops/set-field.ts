// `set-field`: any field of an issue to a new value (null/undefined removes it). The value is
// checked by the schema, and references by name here, so a bad edit is refused with a reason
// instead of "the plan would not load".
import { isDeepStrictEqual } from 'node:util';
import type { IssueData, PlanData } from '../plan/model.js';
import { DONE, DURATION_RE, Issue as IssueSchema } from '../plan/schema.js';
import { checkDate, checkLane, checkStatus, didYouMean, OpError, updateIssue, without } from './data.js';
import { restoreFields } from './restore.js';
import type { OpDef } from './types.js';

export const ISSUE_FIELDS = new Set(Object.keys(IssueSchema.shape));

function checkRef(list: { id: string }[] | undefined, id: string, what: string): void {
  const ids = (list ?? []).map((x) => x.id);
  if (ids.includes(id)) return;
  throw new OpError(ids.length ? `unknown ${what} "${id}"${didYouMean(id, ids)}; ${what}s: ${ids.join(', ')}` : `unknown ${what} "${id}": the plan has no ${what}s`);
}

/** Checks of a field's value that the plan's validation would otherwise make, said plainly. */
function checkValue(data: PlanData, field: string, value: unknown): void {
  const s = String(value);
  if (field === 'status') checkStatus(data, s);
  if (field === 'reopen_status') {
    checkStatus(data, s);
    if (s === DONE) throw new OpError(`reopen_status cannot be "${DONE}"`);
  }
  if (field === 'lane') checkLane(data, s);
  if (field === 'milestone') checkRef(data.milestones, s, 'milestone');
  if (field === 'group') checkRef(data.groups, s, 'group');
  if ((field === 'done_on' || field === 'started' || field === 'due') && typeof value === 'string') checkDate(s, field);
  if (field === 'estimate') {
    const m = DURATION_RE.exec(s);
    if (m && m[2] !== undefined && Number(m[1]) > Number(m[2])) throw new OpError(`bad estimate "${s.trim()}": ${m[1]} is more than ${m[2]}`);
  }
}

/** Issue `id` with `field` set to `value` (absent when null/undefined), checked. */
export function setField(data: PlanData, id: string, field: string, value: unknown): PlanData {
  if (!ISSUE_FIELDS.has(field)) throw new OpError(`unknown issue field "${field}"${didYouMean(field, ISSUE_FIELDS)}`);
  if (field === 'id') throw new OpError('an issue id cannot be changed');
  const remove = value === undefined || value === null;
  if (!remove) checkValue(data, field, value);
  return updateIssue(data, id, (issue) => {
    if (remove) {
      if (field === 'title') throw new OpError(`issue "${id}" needs a title`);
      return without(issue, field as keyof IssueData);
    }
    const parsed = IssueSchema.safeParse({ ...issue, [field]: value });
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new OpError(`bad ${[field, ...first.path.slice(1)].join('.')} for "${id}": ${first.message}`);
    }
    const v = (parsed.data as Record<string, unknown>)[field];
    if (isDeepStrictEqual(v, (issue as Record<string, unknown>)[field])) return issue;
    return { ...issue, [field]: v };
  });
}

export const setFieldOp: OpDef<'set-field'> = {
  kind: 'set-field',
  apply: (data, op) => setField(data, op.id, op.field, op.value),
  text: 'diff',
  target: (op) => op.id,
  fields: (op) => [op.field],
  inverse: (op, ctx) => restoreFields(op.id, [op.field], ctx),
  describe: (op) => (op.value === undefined || op.value === null ? `${op.id}: ${op.field} removed` : `${op.id}: ${op.field} = ${JSON.stringify(op.value)}`),
  // References, cycles and ranges of any field: the whole plan is checked.
  needsPlanCheck: () => true,
};
