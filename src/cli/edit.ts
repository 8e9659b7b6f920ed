// `planboard edit PLAN ID --title T --estimate E --lane L ...`: sets the given fields of one issue
// in one save; `-` removes a field. Status goes through set-status (done records done_on) and the
// lane through move-lane, exactly as the board's keys do.
import { CliError, type Handler } from './command.js';
import { str, usageError } from './args.js';
import { commandNamed } from './commands.js';
import { loadPlan } from './input.js';
import { commitEdit } from './commit.js';
import { fieldValues } from './issue-fields.js';
import { describeOp } from '../core/plan/ops.js';
import { sanitize } from '../core/text/sanitize.js';
import type { Op } from '../core/plan/op-types.js';

export const run: Handler = async (a, io) => {
  const file = a.args.plan!;
  const id = a.args.id!;
  const plan = await loadPlan('edit', io, file);
  const fields = fieldValues('edit', a, plan.data, plan.model.hoursPerDay);
  if (Object.keys(fields).length === 0) throw usageError(commandNamed('edit')!, 'say what to change (--title, --estimate, --lane, ...)');
  const ops: Op[] = [];
  if ('title' in fields && !fields.title?.trim()) throw new CliError('planboard edit: an issue needs a title', 2);
  for (const [field, value] of Object.entries(fields)) {
    if (field === 'status' && fields.status) ops.push({ kind: 'set-status', id, status: fields.status, date: a.today });
    else if (field === 'lane') ops.push({ kind: 'move-lane', id, lane: fields.lane ?? null });
    else ops.push({ kind: 'set-field', id, field, value });
  }
  await commitEdit('edit', io, file, ops, { base: str(a, 'base') });
  io.out(ops.map((op) => sanitize(describeOp(op))).join('\n'));
  return 0;
};
