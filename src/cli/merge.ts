// `planboard merge BASE OURS THEIRS [PATH]`: a git merge driver (`%O %A %B %P`). Merges by meaning
// (core/persist/merge.ts) on top of git's own line merge, writes the result to OURS; exit 0 when
// clean, 1 with a conflict record (or conflict markers) otherwise. It always leaves a result in
// OURS that git can show: never an internal error with OURS silently unchanged.
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError, type Handler, type Io } from './command.js';
import { formatProblem } from '../core/plan/load.js';
import { mergePlanTexts } from '../core/persist/merge.js';
import { readTextFile } from '../core/persist/read-plan.js';
import type { LineMerges } from '../core/persist/merge-lines.js';
import { sanitize, sanitizeJson } from '../core/text/sanitize.js';

async function read(path: string, what: string): Promise<string> {
  try {
    // Regular files only, opened without blocking: a FIFO given as a side must not hang git.
    return await readTextFile(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new CliError(`planboard merge: cannot read ${what} ${sanitize(path)}: ${err.code === 'ENOTREG' ? err.message : (err.code ?? err.message)}`, 1);
  }
}

async function write(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (e) {
    throw new CliError(`planboard merge: cannot write the result to ${sanitize(path)}: ${(e as NodeJS.ErrnoException).code ?? e}`, 1);
  }
}

/** `git merge-file -p` in one mode; exit status 0 clean, 1..127 conflicts, else git failed. */
function gitMergeFile(base: string, ours: string, theirs: string, mode?: '--union' | '--ours' | '--diff3'): { text: string; clean: boolean } | undefined {
  const args = ['merge-file', '-p', ...(mode ? [mode] : []), '-L', 'ours', '-L', 'base', '-L', 'theirs', ours, base, theirs];
  const r = spawnSync('git', args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error || r.status === null || r.status < 0 || r.status > 127) return undefined;
  return { text: r.stdout, clean: r.status === 0 };
}

function lineMerges(base: string, ours: string, theirs: string): LineMerges {
  const plain = gitMergeFile(base, ours, theirs);
  if (!plain) return {};
  if (plain.clean) return { clean: plain.text };
  return {
    diff3: gitMergeFile(base, ours, theirs, '--diff3')?.text,
    union: gitMergeFile(base, ours, theirs, '--union')?.text,
    ours: gitMergeFile(base, ours, theirs, '--ours')?.text,
  };
}

/** git's line merge with conflict markers, written to OURS: the result when meaning cannot merge. */
async function markerMerge(base: string, ours: string, theirs: string, io: Io, name: string): Promise<number> {
  const r = gitMergeFile(base, ours, theirs);
  if (!r) {
    io.err(`planboard merge: ${name}: git merge-file is not available either: OURS is left as it was, unmerged`);
    return 1;
  }
  await write(ours, r.text);
  return r.clean ? 0 : 1;
}

export const run: Handler = async (a, io) => {
  const [baseP, oursP, theirsP] = [a.args.base!, a.args.ours!, a.args.theirs!].map((p) => resolve(io.cwd, p));
  const shownPath = a.args.path ?? a.args.ours!;
  const name = sanitize(shownPath);
  const [base, ours, theirs] = await Promise.all([read(baseP, 'BASE'), read(oursP, 'OURS'), read(theirsP, 'THEIRS')]);
  let r: ReturnType<typeof mergePlanTexts>;
  try {
    r = mergePlanTexts(base, ours, theirs, shownPath, lineMerges(baseP, oursP, theirsP));
  } catch (e) {
    // A bug of ours must not cost the user their side: fall back to git's merge with markers.
    io.err(`planboard merge: ${name}: internal error (${sanitize(e instanceof Error ? e.message : String(e))}); falling back to a line-by-line merge with conflict markers`);
    await markerMerge(baseP, oursP, theirsP, io, name);
    return 1;
  }
  if (!r.ok) {
    io.err(`planboard merge: ${r.side} is not a valid plan, so ${name} gets a line-by-line merge instead:`);
    for (const p of r.problems) io.err('  ' + formatProblem(p));
    return markerMerge(baseP, oursP, theirsP, io, name);
  }
  await write(oursP, r.text);
  if (r.textSource === 'rewritten') io.err(`planboard merge: ${name}: no side's text could carry the merge, so the plan was written anew (comments lost)`);
  if (r.problems.length) {
    io.err(`planboard merge: ${name}: merged, but the result does not validate:`);
    for (const p of r.problems) io.err('  ' + formatProblem(p));
  }
  if (!r.conflicts.length) return r.problems.length ? 1 : 0;
  io.err(`planboard merge: ${name}: ${r.conflicts.length} conflict(s), kept OURS and recorded them under \`conflicts:\`:`);
  for (const c of r.conflicts) {
    const where = c.section === 'issues' ? `${sanitize(c.id)} ${sanitize(c.field)}` : [c.section, c.id].filter((x) => x !== undefined).map(sanitize).join(' ');
    io.err(`  ${where}: ours ${sanitizeJson(c.ours)} / theirs ${sanitizeJson(c.theirs)}`);
  }
  return 1;
};
