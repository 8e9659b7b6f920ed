// `planboard standup PLAN [--since D] [--lane L] [--today D] [--json]`
import type { Handler } from './command.js';
import { flag, str } from './args.js';
import { checkLane, loadPlan, scheduleOf } from './input.js';
import { snakeKeys } from './json.js';
import { sanitizeJson } from '../core/text/sanitize.js';
import { renderStandup, standup } from '../core/report/standup.js';
import { UNASSIGNED } from '../core/schedule/types.js';

export const run: Handler = async (a, io) => {
  const today = a.today;
  const plan = await loadPlan('standup', io, a.args.plan!);
  const lane = checkLane('standup', plan, str(a, 'lane'), [UNASSIGNED]);
  const st = standup(plan.model, scheduleOf(plan, today), { today, since: str(a, 'since'), lane });
  io.out(flag(a, 'json') ? sanitizeJson(snakeKeys(st), 2) : renderStandup(st));
  return 0;
};
