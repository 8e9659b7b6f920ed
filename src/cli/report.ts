// `planboard report PLAN [--today D] [--scenario S] [-o FILE]`: the Markdown capacity-planning report.
import type { Handler } from './command.js';
import { str } from './args.js';
import { checkScenario, loadPlan, scheduleOf } from './input.js';
import { writeOutput } from './output.js';
import { markdownReport } from '../core/report/markdown-report.js';
import { monteCarlo } from '../core/schedule/forecast-mc.js';

export const run: Handler = async (a, io) => {
  const plan = await loadPlan('report', io, a.args.plan!);
  const scenario = checkScenario('report', plan, str(a, 'scenario'));
  const schedule = scheduleOf(plan, a.today, scenario);
  const odds = monteCarlo(plan.model, { today: a.today, ...(scenario !== undefined ? { scenario } : {}), seed: 1 });
  const text = markdownReport(plan.model, schedule, { today: a.today, source: a.args.plan!, odds });
  return writeOutput('report', io, str(a, 'output'), text);
};
