// `planboard validate PLAN...`: ok per good file on stdout; one `PLAN:LINE:COL: message` per
// problem on stderr; exit 1 when any file has a problem.
import { resolve } from 'node:path';
import { CliError, type Command } from './command.js';
import { formatProblem } from '../core/plan/load.js';
import { readPlanFile } from '../core/persist/read-plan.js';
import { sanitize, sanitizeJson } from '../core/text/sanitize.js';

const HELP = `usage: planboard validate [--json] [--quiet] PLAN...

Checks each plan: YAML syntax, the format (docs/plan-format.md), ids, references, cycles, dates.
Prints "ok PLAN" per valid plan, else one "PLAN:LINE:COL: message" line per problem on stderr.
  --json    print one JSON object per run on stdout: [{ file, ok, problems, warnings }]
  --quiet   do not print warnings
Exit status: 0 when every plan is valid, 1 otherwise.`;

export const run: Command = async (args, io) => {
  const files: string[] = [];
  let json = false;
  let quiet = false;
  for (const a of args) {
    if (a === '--help' || a === '-h') {
      io.out(HELP);
      return 0;
    } else if (a === '--json') json = true;
    else if (a === '--quiet' || a === '-q') quiet = true;
    else if (a.startsWith('-') && a !== '-') throw new CliError(`validate: unknown option ${a}\n${HELP}`, 2);
    else files.push(a);
  }
  if (files.length === 0) throw new CliError(`validate: name at least one plan file\n${HELP}`, 2);

  let failed = false;
  const report: unknown[] = [];
  for (const file of files) {
    const result = await readPlanFile(resolve(io.cwd, file));
    // Problems name the file as the user typed it.
    const named = <T extends { file: string }>(p: T): T => ({ ...p, file });
    if (!result.ok) {
      failed = true;
      const problems = result.problems.map(named);
      if (json) report.push({ file, ok: false, problems, warnings: [] });
      else io.err(problems.map(formatProblem).join('\n'));
      continue;
    }
    const warnings = quiet ? [] : result.warnings.map(named);
    if (json) {
      report.push({ file, ok: true, issues: result.plan.model.issues.length, problems: [], warnings });
      continue;
    }
    if (warnings.length) io.err(warnings.map((w) => formatProblem({ ...w, message: `warning: ${w.message}` })).join('\n'));
    const n = result.plan.model.issues.length;
    io.out(`ok ${sanitize(file)} (${n} issue${n === 1 ? '' : 's'})`);
  }
  if (json) io.out(sanitizeJson(report, 2));
  return failed ? 1 : 0;
};
