// `planboard init [PATH] [--title T]`: a new, small, commented plan that validates, with the
// modeline that gives editors the schema. Never replaces a file without --force.
import { existsSync } from 'node:fs';
import { open, unlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError, type Handler } from './command.js';
import { flag, str } from './args.js';
import { explainSaveError } from './commit.js';
import { formatProblem, loadPlanText } from '../core/plan/load.js';
import { schemaModeline } from '../core/plan/schema-location.js';
import { writeFileAtomic } from '../core/persist/atomic-write.js';

const yamlString = (s: string) => (/^[\w][\w .,()/-]*$/.test(s) && !/^(true|false|null|yes|no|on|off|~)$/i.test(s) ? s : JSON.stringify(s));

export function initialPlan(title: string, modeline: string): string {
  return `${modeline}
# A planboard plan: edit it by hand or on the board; check it with planboard validate.
# The format: docs/plan-format.md in the planboard package.
planboard: 1
title: ${yamlString(title)}
hours_per_day: 8            # what "1d" means in estimates
workdays: [mon, tue, wed, thu, fri]

# Who does the work, and how many hours a week (32h/w) or a day (6h/d) each can give.
lanes:
  - id: me
    name: Me
    capacity: 32h/w

# Dates the plan is held to; an issue belongs to one with \`milestone: ID\`.
milestones:
  - id: first-release
    title: First release

# The work. Estimates: 4h, 1.5d, 1w or a range 3-5d. Statuses: todo, in-progress, review, done.
issues:
  - id: T-1
    title: Write down what the first release must do
    status: in-progress
    estimate: 2h
    lane: me
    milestone: first-release
  - id: T-2
    title: Build the smallest version that does it
    estimate: 3-5d
    lane: me
    milestone: first-release
    depends_on: [T-1]
`;
}

export const run: Handler = async (a, io) => {
  const given = a.args.path ?? 'plan.yaml';
  const path = resolve(io.cwd, given);
  const text = initialPlan(str(a, 'title') ?? 'My plan', schemaModeline(path));
  // What init writes must load exactly as validate would load it.
  const check = loadPlanText(text, given);
  if (!check.ok) throw new Error(`init's template does not validate: ${check.problems.map(formatProblem).join('; ')}`);
  const force = flag(a, 'force');
  if (!force && existsSync(path)) throw new CliError(`planboard init: ${given} already exists; use --force to replace it`, 1);
  let created = false;
  try {
    if (force) await writeFileAtomic(path, text);
    else {
      // Created exclusively, so a file that appeared meanwhile is never replaced; a failed write
      // (a full disk) removes what it created.
      const fh = await open(path, 'wx', 0o644);
      created = true;
      try {
        await fh.writeFile(text);
        await fh.sync();
      } finally {
        await fh.close();
      }
    }
  } catch (e) {
    if (created) await unlink(path).catch(() => undefined);
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new CliError(`planboard init: ${given} already exists; use --force to replace it`, 1);
    throw new CliError(`planboard init: ${explainSaveError(given, e)?.message ?? String(e)}`, 1);
  }
  io.out(`wrote ${given}: a plan with 1 lane, 1 milestone and 2 issues; open it with planboard ${given}`);
  return 0;
};
