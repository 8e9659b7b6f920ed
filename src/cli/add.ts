// `planboard add PLAN --title T [--estimate --lane --status --group ...]`: a new issue after its
// group's last issue (else at the end), as the board places it, with the next id in the plan's own pattern; only the new lines are written.
import { CliError, type Handler } from './command.js';
import { flag, str } from './args.js';
import { loadPlan } from './input.js';
import { commitEdit } from './commit.js';
import { fieldValues } from './issue-fields.js';
import { nextIssueId } from '../core/ops/next-id.js';
import { placeInGroup } from '../core/ops/add-issue.js';
import { describeOp } from '../core/plan/ops.js';
import { sanitize, sanitizeJson } from '../core/text/sanitize.js';
import type { Op } from '../core/plan/op-types.js';

export const run: Handler = async (a, io) => {
  const file = a.args.plan!;
  const plan = await loadPlan('add', io, file);
  const fields = fieldValues('add', a, plan.data, plan.model.hoursPerDay);
  for (const [k, v] of Object.entries(fields)) if (v === null) throw new CliError(`planboard add: --${k} - (remove) means nothing for a new issue`, 2);
  if (!fields.title?.trim()) throw new CliError('planboard add: --title must not be empty', 2);
  const id = str(a, 'id') ?? nextIssueId(plan.data, { group: fields.group ?? undefined });
  // Key order as people write issues: id and title first.
  const { title, ...rest } = fields as Record<string, string>;
  const before = placeInGroup(plan.data, fields.group);
  const op: Op = { kind: 'add-issue', issue: { id, title, ...rest }, ...(before !== undefined ? { before } : {}) };
  await commitEdit('add', io, file, [op], { base: str(a, 'base') });
  io.out(flag(a, 'json') ? sanitizeJson({ version: 1, id, issue: op.issue }, 2) : sanitize(describeOp(op)));
  return 0;
};
