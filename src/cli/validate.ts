// `planboard validate PLAN...`: ok per good file on stdout; one `PLAN:LINE:COL: message` per
// problem on stderr; exit 1 when any file has a problem. `-` checks standard input.
import { STDIN_NAME, type Handler } from './command.js';
import { flag } from './args.js';
import { formatProblem, type LoadResult } from '../core/plan/loaded-plan.js';
import { readPlanText } from './plan-text.js';
import { readPlanFile } from '../core/persist/read-plan.js';
import { sanitize, sanitizeJson } from '../core/text/sanitize.js';
import { resolve } from 'node:path';

export const run: Handler = async (a, io) => {
  const json = flag(a, 'json');
  const quiet = flag(a, 'quiet');
  let failed = false;
  const plans: unknown[] = [];
  for (const file of a.list) {
    const result: LoadResult =
      file === '-' && io.readStdin ? await readPlanText(await io.readStdin(), STDIN_NAME) : await readPlanFile(resolve(io.cwd, file), readPlanText);
    // Problems name the file as the user typed it.
    const named = <T extends { file: string }>(p: T): T => ({ ...p, file: file === '-' ? STDIN_NAME : file });
    if (!result.ok) {
      failed = true;
      const problems = result.problems.map(named);
      if (json) plans.push({ file, ok: false, problems, warnings: [] });
      else io.err(problems.map(formatProblem).join('\n'));
      continue;
    }
    const warnings = quiet ? [] : result.warnings.map(named);
    if (json) {
      plans.push({ file, ok: true, issues: result.plan.model.issues.length, problems: [], warnings });
      continue;
    }
    if (warnings.length) io.err(warnings.map((w) => formatProblem({ ...w, message: `warning: ${w.message}` })).join('\n'));
    const n = result.plan.model.issues.length;
    io.out(`ok ${sanitize(file)} (${n} issue${n === 1 ? '' : 's'})`);
  }
  if (json) io.out(sanitizeJson({ version: 1, plans }, 2));
  return failed ? 1 : 0;
};
