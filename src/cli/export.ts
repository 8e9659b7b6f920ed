// `planboard export PLAN --format json|csv|mermaid|tjp [--today D] [-o FILE]`
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError, type Command } from './command.js';
import { loadPlan, noExtraPositionals, parseCommandArgs, scheduleOf, todayOf } from './input.js';
import { exportJson } from '../core/report/export-json.js';
import { exportCsv } from '../core/report/export-csv.js';
import { exportMermaid } from '../core/report/export-mermaid.js';
import { exportTjp } from '../core/report/export-tjp.js';

const FORMATS = { json: exportJson, csv: exportCsv, mermaid: exportMermaid, tjp: exportTjp } as const;

const USAGE = `usage: planboard export PLAN --format json|csv|mermaid|tjp [--today YYYY-MM-DD] [--scenario S] [-o FILE]

json: the plan, its model and its schedule (version 1; re-import with planboard import).
csv: one row per issue. mermaid: a gantt block. tjp: a TaskJuggler 3 project.`;

export const run: Command = async (args, io) => {
  const parsed = parseCommandArgs('export', args, {
    format: { type: 'string', short: 'f' },
    today: { type: 'string' },
    scenario: { type: 'string' },
    output: { type: 'string', short: 'o' },
  }, USAGE, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  noExtraPositionals('export', positionals, 1, USAGE);
  const format = values.format as keyof typeof FORMATS | undefined;
  if (!format || !(format in FORMATS)) throw new CliError(`planboard export: ${format ? `unknown format "${format}"` : 'say which --format'}: json, csv, mermaid or tjp`, 2);
  const today = todayOf('export', values.today);
  const plan = await loadPlan('export', io.cwd, positionals[0], USAGE);
  if (values.scenario !== undefined && !(plan.data.scenarios ?? []).some((s) => s.id === values.scenario))
    throw new CliError(`planboard export: unknown scenario "${values.scenario}"; scenarios: ${(plan.data.scenarios ?? []).map((s) => s.id).join(', ') || '(none)'}`);
  const text = FORMATS[format](plan.model, scheduleOf(plan, today, values.scenario));
  if (!values.output) {
    io.out(text); // as written to a file: the exporter's own line endings (CSV: CRLF) to the last byte
    return 0;
  }
  try {
    await writeFile(resolve(io.cwd, values.output), text);
  } catch (e) {
    throw new CliError(`planboard export: cannot write ${values.output}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  return 0;
};
