// `planboard log PLAN ID DURATION [--date D] [--note TEXT]`: appends a time entry with the same
// `log-time` op and the same duration parser as the board's `t` key (a bare number is hours).
import { CliError, type Handler } from './command.js';
import { flag, str } from './args.js';
import { loadPlan } from './input.js';
import { commitEdit } from './commit.js';
import { DurationError, parseLoggedHours } from '../core/text/duration.js';
import { didYouMean } from '../core/plan/suggest.js';
import { sanitize, sanitizeJson } from '../core/text/sanitize.js';
import type { Op } from '../core/plan/op-types.js';

export const run: Handler = async (a, io) => {
  const file = a.args.plan!;
  const id = a.args.id!;
  const date = str(a, 'date') ?? a.today;
  const note = str(a, 'note');
  const plan = await loadPlan('log', io, file);
  let hours: number;
  try {
    hours = parseLoggedHours(a.args.duration!, plan.model.hoursPerDay);
  } catch (e) {
    if (e instanceof DurationError) throw new CliError(`planboard log: ${e.message}`, 2);
    throw e;
  }
  const issue = plan.model.byId.get(id);
  if (!issue) throw new CliError(`planboard log: no issue "${id}" in ${file}${didYouMean(id, plan.model.byId.keys())}`);
  const entry = { date, hours, ...(note ? { note } : {}) };
  const op: Op = { kind: 'log-time', id, entry };
  await commitEdit('log', io, file, [op], { base: str(a, 'base') });
  const total = Math.round((issue.loggedHours + hours) * 100) / 100;
  if (flag(a, 'json')) io.out(sanitizeJson({ version: 1, id, entry, logged_hours: total }, 2));
  else io.out(`logged ${hours}h on ${sanitize(id)} (${date})${note ? ` "${sanitize(note)}"` : ''}: ${total}h logged in all`);
  return 0;
};
