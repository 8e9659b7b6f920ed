// `planboard log PLAN ID 1.5h [--date D] [--note TEXT]`: appends a time entry through commitOps,
// with the same `log-time` op as the board's `t` key.
import { CliError, type Command } from './command.js';
import { checkDate, loadPlan, noExtraPositionals, parseCommandArgs, todayOf } from './input.js';
import { parseLoggedHours } from '../core/report/log-time.js';
import { savePlan as commitOps, LockTimeoutError, NoWriteAccessError, PlanReadError, LockLostError, NotAPlanFileError, FileMovedOnError } from '../core/persist/index.js';
import { OpError } from '../core/plan/ops.js';
import { didYouMean } from '../core/plan/suggest.js';
import type { Op } from '../core/plan/op-types.js';
import { sanitize, sanitizeJson } from '../core/text/sanitize.js';

const USAGE = `usage: planboard log PLAN ID DURATION [--date YYYY-MM-DD] [--note TEXT] [--today YYYY-MM-DD] [--json]

Logs time on an issue, e.g. planboard log plan.yaml CAB-238 1.5h --note "review".
DURATION: 1.5h, 90m, 0.5d (days of the plan's hours_per_day). --date defaults to today.`;

export const run: Command = async (args, io) => {
  const parsed = parseCommandArgs('log', args, {
    date: { type: 'string' },
    note: { type: 'string' },
    today: { type: 'string' },
    json: { type: 'boolean' },
  }, USAGE, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  noExtraPositionals('log', positionals, 3, USAGE);
  const [file, id, duration] = positionals;
  if (!file || !id || !duration) throw new CliError(USAGE, 2);
  const date = checkDate('log', '--date', values.date) ?? todayOf('log', values.today);
  const plan = await loadPlan('log', io.cwd, file, USAGE);
  if (!plan.model.byId.has(id)) throw new CliError(`planboard log: no issue "${id}" in ${file}${didYouMean(id, plan.model.byId.keys())}`);
  let hours: number;
  try {
    hours = parseLoggedHours(duration, plan.model.hoursPerDay);
  } catch (e) {
    throw new CliError(`planboard log: ${(e as Error).message}`, 2);
  }
  const entry = { date, hours, ...(values.note ? { note: values.note } : {}) };
  const op: Op = { kind: 'log-time', id, entry };
  try {
    await commitOps(plan.path, [op], { onNotice: (n) => io.err(`planboard log: ${n}`) });
  } catch (e) {
    if (e instanceof OpError || e instanceof PlanReadError || e instanceof NoWriteAccessError || e instanceof LockTimeoutError || e instanceof LockLostError || e instanceof NotAPlanFileError || e instanceof FileMovedOnError)
      throw new CliError(`planboard log: ${e.message}`);
    throw e;
  }
  const issue = plan.model.byId.get(id)!;
  const total = Math.round((issue.loggedHours + hours) * 100) / 100;
  if (values.json) io.out(sanitizeJson({ version: 1, id, entry, logged_hours: total }, 2));
  else io.out(`logged ${hours}h on ${sanitize(id)} (${date})${values.note ? ` "${sanitize(values.note)}"` : ''}: ${total}h logged in all`);
  return 0;
};
