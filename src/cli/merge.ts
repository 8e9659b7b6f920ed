// `planboard merge BASE OURS THEIRS [PATH]`: a git merge driver (`%O %A %B %P`). Merges by issue
// id and field, writes the result to OURS; exit 0 when clean, 3 with a conflict record otherwise.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError, type Handler } from './command.js';
import { explainSaveError } from './commit.js';
import { formatProblem } from '../core/plan/load.js';
import { mergePlanTexts } from '../core/persist/merge.js';

async function read(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new CliError(`planboard merge: cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? e}`, 1);
  }
}

/** When a side is not a valid plan we cannot merge by meaning: fall back to git's line merge. */
function lineMerge(base: string, ours: string, theirs: string): number {
  const r = spawnSync('git', ['merge-file', '-L', 'ours', '-L', 'base', '-L', 'theirs', ours, base, theirs], {
    stdio: 'ignore',
  });
  return r.status === 0 ? 0 : 1;
}

export const run: Handler = async (a, io) => {
  const [baseP, oursP, theirsP] = [a.args.base!, a.args.ours!, a.args.theirs!].map((p) => resolve(io.cwd, p));
  const name = a.args.path ?? a.args.ours!;
  const [base, ours, theirs] = await Promise.all([
    read(baseP, 'BASE'),
    read(oursP, 'OURS'),
    read(theirsP, 'THEIRS'),
  ]);
  const r = mergePlanTexts(base, ours, theirs, name);
  if (!r.ok) {
    io.err(`planboard merge: ${r.side} is not a valid plan, so ${name} gets a line-by-line merge instead:`);
    for (const p of r.problems) io.err('  ' + formatProblem(p));
    return lineMerge(baseP, oursP, theirsP) === 0 ? 0 : 3;
  }
  try {
    await writeFile(oursP, r.text);
  } catch (e) {
    throw new CliError(`planboard merge: ${explainSaveError(oursP, e)?.message ?? String(e)}`, 1);
  }
  if (!r.conflicts.length) return 0;
  // 3: a conflict, as every command says it (git takes any non-zero as "conflicted").
  io.err(`planboard merge: ${name}: ${r.conflicts.length} conflict(s), kept OURS and recorded them under \`conflicts:\`:`);
  for (const c of r.conflicts)
    io.err(`  ${c.id} ${c.field}: ours ${JSON.stringify(c.mine)} / theirs ${JSON.stringify(c.theirs)}`);
  return 3;
};
