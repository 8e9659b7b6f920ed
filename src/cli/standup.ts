// `planboard standup PLAN [--since D] [--lane L] [--today D] [--json]`
import type { Command } from './command.js';
import { checkDate, checkLane, loadPlan, noExtraPositionals, parseCommandArgs, scheduleOf, todayOf } from './input.js';
import { renderStandup, standup } from '../core/report/standup.js';
import { UNASSIGNED } from '../core/schedule/types.js';
import { sanitizeJson } from '../core/text/sanitize.js';

const USAGE = `usage: planboard standup PLAN [--since YYYY-MM-DD] [--lane LANE] [--today YYYY-MM-DD] [--json]

Per lane: done since the last working day (or --since), in progress with age, next up,
blocked (and by what), and this week's load against capacity.`;

export const run: Command = async (args, io) => {
  const parsed = parseCommandArgs('standup', args, {
    since: { type: 'string' },
    lane: { type: 'string' },
    today: { type: 'string' },
    json: { type: 'boolean' },
  }, USAGE, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  noExtraPositionals('standup', positionals, 1, USAGE);
  const today = todayOf('standup', values.today);
  const since = checkDate('standup', '--since', values.since);
  const plan = await loadPlan('standup', io.cwd, positionals[0], USAGE);
  const lane = checkLane('standup', plan, values.lane, [UNASSIGNED]);
  const st = standup(plan.model, scheduleOf(plan, today), { today, since, lane });
  io.out(values.json ? sanitizeJson(st, 2) : renderStandup(st));
  return 0;
};
