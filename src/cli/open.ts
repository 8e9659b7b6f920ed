// `planboard PLAN [--today D]`: the full-screen board on a terminal; a static kanban otherwise.
import { resolve } from 'node:path';
import { CliError, type Handler } from './command.js';
import { flag, str } from './args.js';
import { defaultPlan } from './default-plan.js';
import { COMMANDS } from './commands.js';
import { mainUsage } from './help.js';
import { formatProblem } from '../core/plan/loaded-plan.js';
import { readPlanFile } from '../core/persist/read-plan.js';
import { readPlanText } from './plan-text.js';

/** Reads and checks the plan; validate-style messages and exit 1 when it does not load. */
export async function loadForBoard(path: string) {
  const r = await readPlanFile(path, readPlanText);
  if (!r.ok) throw new CliError(r.problems.map(formatProblem).join('\n'), 1);
  return r.plan;
}

export const run: Handler = async (a, io) => {
  const given = a.args.plan ?? (await defaultPlan(io.cwd));
  if (given === undefined) {
    io.err(mainUsage(COMMANDS));
    return 2;
  }
  const today = str(a, 'today');
  const file = resolve(io.cwd, given);
  const plan = await loadForBoard(file);

  // No terminal to draw on, none to read keys from (piped stdin), or one that cannot move the
  // cursor (TERM=dumb): every issue as static text instead.
  if (!io.isTTY || !process.stdin.isTTY || process.env.TERM === 'dumb') {
    const { staticKanban } = await import('./render.js');
    // On a dumb terminal the text is as wide as the terminal (COLUMNS is seldom exported).
    const columns = io.isTTY && process.stdout.columns ? String(process.stdout.columns) : process.env.COLUMNS;
    io.out(await staticKanban(file, plan.text, plan.data, today, columns));
    return 0;
  }
  // A person at a terminal: Ink must draw interactively even when CI variables leak in (Ink then
  // prints only the last frame). Removed, not set to 0: colour detection treats any CI as no colour.
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  const { runBoard } = await import('../ui/run-board.js');
  return runBoard({ file, text: plan.text, data: plan.data, today, mouse: !flag(a, 'no-mouse') && process.env.PLANBOARD_MOUSE !== '0' });
};
