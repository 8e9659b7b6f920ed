// `planboard report PLAN [--today D] [--scenario S] [-o FILE]`: the Markdown capacity-planning report.
import type { Handler } from './command.js';
import { str } from './args.js';
import { checkScenario, loadPlan, scheduleOf } from './input.js';
import { writeOutput } from './output.js';
import { markdownReport } from '../core/report/markdown-report.js';

export const run: Handler = async (a, io) => {
  const plan = await loadPlan('report', io, a.args.plan!);
  const scenario = checkScenario('report', plan, str(a, 'scenario'));
  const text = markdownReport(plan.model, scheduleOf(plan, a.today, scenario), { today: a.today, source: a.args.plan! });
  return writeOutput('report', io, str(a, 'output'), text);
};
