// `planboard merge BASE OURS THEIRS [PATH]`: a git merge driver (`%O %A %B %P`). Merges by issue
// id and field, writes the result to OURS; exit 0 when clean, 1 with a conflict record otherwise.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError, type Command } from './command.js';
import { formatProblem } from '../core/plan/load.js';
import { mergePlanTexts } from '../core/persist/merge.js';
import { sanitize, sanitizeJson } from '../core/text/sanitize.js';

const HELP = `usage: planboard merge BASE OURS THEIRS [PATH]

Three-way merge of plan files by issue id and field, for use as a git merge driver:
  .gitattributes:  plans/*.yaml merge=planboard
  git config merge.planboard.driver "planboard merge %O %A %B %P"
The result is written to OURS. Exit 0: merged cleanly. Exit 1: conflicts, recorded in a
top-level \`conflicts:\` block that \`planboard validate\` reports until resolved.`;

async function read(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new CliError(`planboard merge: cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? e}`, 2);
  }
}

/** When a side is not a valid plan we cannot merge by meaning: fall back to git's line merge. */
function lineMerge(base: string, ours: string, theirs: string): number {
  const r = spawnSync('git', ['merge-file', '-L', 'ours', '-L', 'base', '-L', 'theirs', ours, base, theirs], {
    stdio: 'ignore',
  });
  return r.status === 0 ? 0 : 1;
}

export const run: Command = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(HELP);
    return 0;
  }
  if (args.length < 3 || args.length > 4) throw new CliError(HELP, 2);
  const [baseP, oursP, theirsP] = args.slice(0, 3).map((p) => resolve(io.cwd, p));
  const name = args[3] ?? args[1];
  const [base, ours, theirs] = await Promise.all([
    read(baseP, 'BASE'),
    read(oursP, 'OURS'),
    read(theirsP, 'THEIRS'),
  ]);
  const r = mergePlanTexts(base, ours, theirs, name);
  if (!r.ok) {
    io.err(`planboard merge: ${r.side} is not a valid plan, so ${name} gets a line-by-line merge instead:`);
    for (const p of r.problems) io.err('  ' + formatProblem(p));
    return lineMerge(baseP, oursP, theirsP);
  }
  await writeFile(oursP, r.text);
  if (!r.conflicts.length) return 0;
  io.err(`planboard merge: ${name}: ${r.conflicts.length} conflict(s), kept OURS and recorded them under \`conflicts:\`:`);
  for (const c of r.conflicts)
    io.err(`  ${sanitize(c.id)} ${sanitize(c.field)}: ours ${sanitizeJson(c.mine)} / theirs ${sanitizeJson(c.theirs)}`);
  return 1;
};
