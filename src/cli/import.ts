// `planboard import ROADMAP -o PLAN [--force]`: an existing roadmap (Markdown, reStructuredText,
// or our JSON export) becomes a plan file. Lines it cannot place are listed on stderr.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readTextFile, writePlanTo } from '../core/persist/index.js';
import { CliError, type Command } from './command.js';
import { parseCommandArgs } from './input.js';
import { importText, ImportError } from '../core/report/import.js';
import { formatProblem, loadPlanText } from '../core/plan/load.js';

const USAGE = `usage: planboard import ROADMAP -o PLAN [--force] [--json]

Reads a Markdown or reStructuredText roadmap (or a planboard JSON export) and writes a plan.
The format is detected from the content. PLAN is never overwritten without --force.`;

export const run: Command = async (args, io) => {
  const parsed = parseCommandArgs('import', args, {
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
  }, USAGE, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const [src] = positionals;
  if (!src || positionals.length > 1) throw new CliError(USAGE, 2);
  if (!values.output) throw new CliError(`planboard import: say where to write the plan with -o PLAN\n${USAGE}`, 2);
  const from = resolve(io.cwd, src);
  const to = resolve(io.cwd, values.output);

  let text: string;
  try {
    text = await readTextFile(from);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOTREG' ? (e as Error).message : code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? e);
    throw new CliError(`planboard import: cannot read ${src}: ${why}`);
  }
  let result;
  try {
    result = importText(text, src);
  } catch (e) {
    if (e instanceof ImportError) throw new CliError(`planboard import: ${e.message}`);
    throw e;
  }
  // The plan must load exactly as `planboard validate` would load it, before anything is written.
  const check = loadPlanText(result.yaml, values.output);
  if (!check.ok) throw new CliError(`planboard import: the imported plan does not validate, nothing written:\n${check.problems.map(formatProblem).join('\n')}`);

  if (!values.force && (await exists(to))) throw new CliError(`planboard import: ${values.output} already exists; use --force to replace it`);
  await write(to, result.yaml, Boolean(values.force), values.output);

  for (const u of result.unplaced) io.err(`${src}:${u.line}: kept as a note (not placed): ${u.text}`);
  const model = check.plan.model;
  const summary = {
    version: 1,
    source: src,
    format: result.format,
    output: values.output,
    issues: model.issues.length,
    done: model.issues.filter((i) => i.done).length,
    groups: model.groups.length,
    milestones: model.milestones.length,
    lanes: model.lanes.length,
    notes: result.unplaced.length,
  };
  if (values.json) io.out(JSON.stringify(summary, null, 2));
  else
    io.out(
      `imported ${src} (${result.format}) → ${values.output}: ${summary.issues} issues (${summary.done} done), ` +
        `${summary.groups} groups, ${summary.milestones} milestones, ${summary.lanes} lanes` +
        (summary.notes ? `; ${summary.notes} line(s) kept as notes (listed on stderr)` : ''),
    );
  return 0;
};

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The one atomic writer, under the plan's lock: without --force an existing file is never replaced. */
async function write(path: string, text: string, replace: boolean, shown: string): Promise<void> {
  let r;
  try {
    r = await writePlanTo(path, text, { overwrite: replace });
  } catch (e) {
    throw new CliError(`planboard import: ${(e as Error).message}`);
  }
  if (r === 'exists') throw new CliError(`planboard import: ${shown} already exists; use --force to replace it`);
}
