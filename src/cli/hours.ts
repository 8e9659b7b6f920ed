// `planboard hours PLAN [--week | --month] [--lane L] [--today D] [--json]`
import { CliError, type Command } from './command.js';
import { checkLane, loadPlan, noExtraPositionals, parseCommandArgs, scheduleOf, todayOf } from './input.js';
import { hoursReport, renderHours } from '../core/report/hours.js';
import { UNASSIGNED } from '../core/schedule/types.js';
import { sanitizeJson } from '../core/text/sanitize.js';

const USAGE = `usage: planboard hours PLAN [--week | --month] [--lane LANE] [--today YYYY-MM-DD] [--json]

Hours logged against hours available per lane, for the week (default) or month holding today,
and the issues the logged hours went to.`;

export const run: Command = async (args, io) => {
  const parsed = parseCommandArgs('hours', args, {
    week: { type: 'boolean' },
    month: { type: 'boolean' },
    lane: { type: 'string' },
    today: { type: 'string' },
    json: { type: 'boolean' },
  }, USAGE, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  noExtraPositionals('hours', positionals, 1, USAGE);
  if (values.week && values.month) throw new CliError('planboard hours: choose --week or --month, not both', 2);
  const today = todayOf('hours', values.today);
  const plan = await loadPlan('hours', io.cwd, positionals[0], USAGE);
  const lane = checkLane('hours', plan, values.lane, [UNASSIGNED]);
  const r = hoursReport(plan.model, scheduleOf(plan, today), { today, period: values.month ? 'month' : 'week', lane });
  io.out(values.json ? sanitizeJson(r, 2) : renderHours(r));
  return 0;
};
