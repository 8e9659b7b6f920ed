// `planboard import SOURCE -o PLAN [--from FORMAT] [--force]`: a roadmap (Markdown,
// reStructuredText), a tracker export (GitHub, Jira, Linear, taskwarrior), a Backlog.md folder
// or our JSON export becomes a plan file. Lines it cannot place are listed on stderr.
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { readTextFile, writePlanTo } from '../core/persist/index.js';
import { CliError, type Handler } from './command.js';
import { flag, str } from './args.js';
import { explainSaveError } from './commit.js';
import { importSource, ImportError, type ImportResult } from '../core/formats/import.js';
import { importerOptions } from '../core/formats/registry.js';
import type { Source } from '../core/formats/types.js';
import { formatProblem, loadPlanText } from '../core/plan/load.js';
import { schemaModeline } from '../core/plan/schema-location.js';
import { sanitize, sanitizeJson } from '../core/text/sanitize.js';

export const run: Handler = async (a, io) => {
  const src = a.args.source!;
  const values = { output: str(a, 'output')!, from: str(a, 'from'), force: flag(a, 'force'), json: flag(a, 'json') };
  const from = resolve(io.cwd, src);
  const to = resolve(io.cwd, values.output);

  const source = await readSource(from, src);
  let result: ImportResult;
  try {
    const options = Object.fromEntries([...importerOptions().keys()].map((k) => [k, a.opts[k]]));
    result = await importSource(source, { from: values.from as string | undefined, modeline: schemaModeline(to), options });
  } catch (e) {
    if (e instanceof ImportError) throw new CliError(`planboard import: ${e.message}`, e.usage ? 2 : 1);
    throw e;
  }
  // The plan must load exactly as `planboard validate` would load it, before anything is written.
  const check = loadPlanText(result.yaml, values.output);
  if (!check.ok) throw new CliError(`planboard import: the imported plan does not validate, nothing written:\n${check.problems.map(formatProblem).join('\n')}`);

  if (!values.force && (await exists(to))) throw new CliError(`planboard import: ${values.output} already exists; use --force to replace it`);
  await write(to, result.yaml, Boolean(values.force), values.output);

  // The roadmap's words are untrusted: shown inert, never as terminal escapes.
  for (const u of result.unplaced) io.err(`${sanitize(src)}:${u.line}: kept as a note (not placed): ${sanitize(u.text)}`);
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
  if (values.json) io.out(sanitizeJson(summary, 2));
  else
    io.out(
      `imported ${src} (${result.format}) → ${values.output}: ${summary.issues} issues (${summary.done} done), ` +
        `${summary.groups} groups, ${summary.milestones} milestones, ${summary.lanes} lanes` +
        (summary.notes ? `; ${summary.notes} line(s) kept as notes (listed on stderr)` : ''),
    );
  return 0;
};

const MAX_FILES = 5000;

/** A file's text, or for a folder the text of every file in it (a Backlog.md backlog/). */
async function readSource(path: string, name: string): Promise<Source> {
  const cannot = (e: unknown): never => {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOTREG' ? (e as Error).message : code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code ?? e);
    throw new CliError(`planboard import: cannot read ${name}: ${why}`);
  };
  const info = await stat(path).catch(cannot);
  if (!info.isDirectory()) return { name, text: await readTextFile(path).catch(cannot) };
  const files: { path: string; text: string }[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true }).catch(cannot)) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && /\.(md|ya?ml)$/i.test(e.name)) {
        if (files.length >= MAX_FILES) throw new CliError(`planboard import: ${name} holds more than ${MAX_FILES} files; point at its backlog/ folder`);
        files.push({ path: relative(path, p).split(sep).join('/'), text: await readTextFile(p).catch(cannot) });
      }
    }
  };
  await walk(path);
  return { name, text: '', files };
}

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
    // One vocabulary for failed writes (a full disk, no permission): the shared explanation.
    throw new CliError(`planboard import: ${explainSaveError(shown, e)?.message ?? (e as Error).message}`);
  }
  if (r === 'exists') throw new CliError(`planboard import: ${shown} already exists; use --force to replace it`);
}
