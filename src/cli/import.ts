// `planboard import SOURCE -o PLAN [--from FORMAT] [--force]`: a roadmap (Markdown,
// reStructuredText), a tracker export (GitHub, Jira, Linear, taskwarrior), a Backlog.md folder
// or our JSON export becomes a plan file. Lines it cannot place are listed on stderr.
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { readTextFile, writePlanTo } from '../core/persist/index.js';
import { CliError, type Command } from './command.js';
import { parseCommandArgs } from './input.js';
import { importSource, ImportError, type ImportResult } from '../core/formats/import.js';
import { IMPORTERS, importerOptions } from '../core/formats/registry.js';
import type { Source } from '../core/formats/types.js';
import { formatProblem, loadPlanText } from '../core/plan/load.js';
import { schemaModeline } from '../core/plan/schema-location.js';
import { sanitize, sanitizeJson } from '../core/text/sanitize.js';

const FORMAT_OPTIONS = importerOptions();

const USAGE = `usage: planboard import SOURCE -o PLAN [--from FORMAT] [--force] [--json] [FORMAT OPTIONS]

Reads SOURCE and writes a plan. The format is detected from the content; --from names it:
${IMPORTERS.map((f) => `  ${f.name.padEnd(15)} ${f.description}`).join('\n')}
Format options:
${[...FORMAT_OPTIONS].map(([name, o]) => `  --${name}${o.option.type === 'string' ? ' VALUE' : ''}  (${o.formats.join(', ')}) ${o.option.description}`).join('\n')}
SOURCE is a file, or a folder for backlog-md. PLAN is never overwritten without --force.`;

export const run: Command = async (args, io) => {
  const parsed = parseCommandArgs('import', args, {
    output: { type: 'string', short: 'o' },
    from: { type: 'string' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
    ...Object.fromEntries([...FORMAT_OPTIONS].map(([name, o]) => [name, { type: o.option.type }])),
  }, USAGE, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const [src] = positionals;
  if (!src || positionals.length > 1) throw new CliError(USAGE, 2);
  if (!values.output) throw new CliError(`planboard import: say where to write the plan with -o PLAN\n${USAGE}`, 2);
  if (values.from !== undefined && !IMPORTERS.some((f) => f.name === values.from))
    throw new CliError(`planboard import: unknown format "${values.from}": ${IMPORTERS.map((f) => f.name).join(', ')}`, 2);
  const from = resolve(io.cwd, src);
  const to = resolve(io.cwd, values.output);

  const source = await readSource(from, src);
  let result: ImportResult;
  try {
    const options = Object.fromEntries([...FORMAT_OPTIONS.keys()].map((k) => [k, (values as Record<string, string | boolean | undefined>)[k]]));
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
    throw new CliError(`planboard import: ${(e as Error).message}`);
  }
  if (r === 'exists') throw new CliError(`planboard import: ${shown} already exists; use --force to replace it`);
}
