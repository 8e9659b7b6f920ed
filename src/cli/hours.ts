// `planboard hours PLAN [--week | --month] [--lane L] [--today D] [--json]`
import { CliError, type Handler } from './command.js';
import { flag, str } from './args.js';
import { checkLane, loadPlan, scheduleOf } from './input.js';
import { snakeKeys } from './json.js';
import { sanitizeJson } from '../core/text/sanitize.js';
import { hoursReport, renderHours } from '../core/report/hours.js';
import { UNASSIGNED } from '../core/schedule/types.js';

export const run: Handler = async (a, io) => {
  if (flag(a, 'week') && flag(a, 'month')) throw new CliError('planboard hours: choose --week or --month, not both', 2);
  const today = a.today;
  const plan = await loadPlan('hours', io, a.args.plan!);
  const lane = checkLane('hours', plan, str(a, 'lane'), [UNASSIGNED]);
  const r = hoursReport(plan.model, scheduleOf(plan, today), { today, period: flag(a, 'month') ? 'month' : 'week', lane });
  io.out(flag(a, 'json') ? sanitizeJson(snakeKeys(r), 2) : renderHours(r));
  return 0;
};
