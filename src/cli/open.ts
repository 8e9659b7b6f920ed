// `planboard PLAN [--today D]`: the full-screen board on a terminal; a static kanban otherwise.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CliError, type Command } from './command.js';
import { formatProblem } from '../core/plan/load.js';
import { readPlanFile } from '../core/persist/read-plan.js';

const HELP = `usage: planboard PLAN [--today YYYY-MM-DD]

Opens the board on PLAN (a plan YAML file). Press ? in the board for the keys.
When stdout is not a terminal (or TERM=dumb), prints the whole kanban as text and exits:
every column and card, COLUMNS wide or as wide as the columns need.`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkToday(today: string | undefined): string | undefined {
  if (today === undefined) return undefined;
  if (!DATE.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`)) || new Date(`${today}T00:00:00Z`).toISOString().slice(0, 10) !== today)
    throw new CliError(`--today: expected a date YYYY-MM-DD, got "${today}"`, 2);
  return today;
}

export function parseCli(
  args: string[],
  options: Record<string, { type: 'string' | 'boolean' }>,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
  } catch (e) {
    throw new CliError(`${e instanceof Error ? e.message : String(e)}\nTry --help.`, 2);
  }
}

/** Reads and checks the plan; validate-style messages and exit 1 when it does not load. */
export async function loadForBoard(path: string) {
  const r = await readPlanFile(path);
  if (!r.ok) throw new CliError(r.problems.map(formatProblem).join('\n'), 1);
  return r.plan;
}

export const run: Command = async (args, io) => {
  const { values, positionals } = parseCli(args, { today: { type: 'string' } });
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError(`${positionals.length ? 'one plan at a time' : 'which plan?'}\n${HELP}`, 2);
  const today = checkToday(values.today as string | undefined);
  const file = resolve(io.cwd, positionals[0]);
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
  return runBoard({ file, text: plan.text, data: plan.data, today });
};
