// `planboard import ROADMAP -o PLAN [--force]`: an existing roadmap (Markdown, reStructuredText,
// or our JSON export) becomes a plan file. Lines it cannot place are listed on stderr.
import { open, readFile, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join, basename, resolve } from 'node:path';
import { CliError, type Handler } from './command.js';
import { flag, str } from './args.js';
import { explainSaveError } from './commit.js';
import { importText, ImportError } from '../core/report/import.js';
import { formatProblem, loadPlanText } from '../core/plan/load.js';

export const run: Handler = async (a, io) => {
  const src = a.args.roadmap!;
  const values = { output: str(a, 'output')!, force: flag(a, 'force'), json: flag(a, 'json') };
  const from = resolve(io.cwd, src);
  const to = resolve(io.cwd, values.output);

  let text: string;
  try {
    text = await readFile(from, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? e);
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
  await write(to, result.yaml, Boolean(values.force));

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

/** Without --force the file is created exclusively, so a racing writer is never clobbered. */
async function write(path: string, text: string, replace: boolean): Promise<void> {
  const target = replace ? join(dirname(path), `.${basename(path)}.import-${process.pid}.tmp`) : path;
  let fh: FileHandle | undefined;
  try {
    fh = await open(target, replace ? 'w' : 'wx', 0o644);
    await fh.writeFile(text);
    await fh.sync();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    await fh?.close();
    fh = undefined;
    // A failed write (a full disk) leaves no half plan behind.
    if (code !== 'EEXIST') await unlink(target).catch(() => {});
    if (code === 'EEXIST') throw new CliError(`planboard import: ${path} already exists; use --force to replace it`);
    throw new CliError(`planboard import: ${explainSaveError(path, e)?.message ?? `cannot write ${path}: ${code ?? e}`}`);
  } finally {
    await fh?.close();
  }
  if (replace) {
    try {
      await rename(target, path);
    } catch (e) {
      await unlink(target).catch(() => {});
      throw new CliError(`planboard import: cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? e}`);
    }
  }
}
