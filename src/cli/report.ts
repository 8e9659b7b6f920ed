// `planboard report PLAN [--today D] [-o FILE]`: the Markdown capacity-planning report.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError, type Command } from './command.js';
import { loadPlan, noExtraPositionals, parseCommandArgs, scheduleOf, todayOf } from './input.js';
import { markdownReport } from '../core/report/markdown-report.js';
import { monteCarlo } from '../core/schedule/forecast-mc.js';

const USAGE = `usage: planboard report PLAN [--today YYYY-MM-DD] [--scenario S] [-o FILE]

Prints a Markdown capacity-planning report: summary per milestone, phase tables and issue
checklists, metrics, monthly availability, the capacity verdict and the next actions.`;

export const run: Command = async (args, io) => {
  const parsed = parseCommandArgs('report', args, {
    today: { type: 'string' },
    scenario: { type: 'string' },
    output: { type: 'string', short: 'o' },
  }, USAGE, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  noExtraPositionals('report', positionals, 1, USAGE);
  const today = todayOf('report', values.today);
  const plan = await loadPlan('report', io.cwd, positionals[0], USAGE);
  if (values.scenario !== undefined && !(plan.data.scenarios ?? []).some((s) => s.id === values.scenario))
    throw new CliError(`planboard report: unknown scenario "${values.scenario}"; scenarios: ${(plan.data.scenarios ?? []).map((s) => s.id).join(', ') || '(none)'}`);
  const schedule = scheduleOf(plan, today, values.scenario);
  const odds = monteCarlo(plan.model, { today, ...(values.scenario !== undefined ? { scenario: values.scenario } : {}), seed: 1 });
  const text = markdownReport(plan.model, schedule, { today, source: positionals[0], odds });
  if (!values.output) {
    io.out(text);
    return 0;
  }
  try {
    await writeFile(resolve(io.cwd, values.output), text);
  } catch (e) {
    throw new CliError(`planboard report: cannot write ${values.output}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  return 0;
};
