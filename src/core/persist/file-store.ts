// The one way anything saves a plan: lock, re-read, rebase our ops onto what is on disk, write
// atomically, unlock. Edits never overwrite another session's work: they are replayed onto the
// current text by issue id, and only a field changed two ways stops the save (as a Conflict).
import type { Op } from '../plan/op-types.js';
import { applyOps, applyOpToData } from '../plan/ops.js';
import { formatProblem, loadPlanText, type Problem } from '../plan/load.js';
import { readPlanFile } from './read-plan.js';
import { writeFileAtomic } from './atomic-write.js';
import { assertWritable, withPlanLock, type LockOptions } from './lock.js';
import { detectConflicts, type Conflict } from './rebase.js';

export type { Conflict } from './rebase.js';
export { NoWriteAccessError, LockTimeoutError } from './lock.js';
export { resolveConflicts } from './rebase.js';

/** The file on disk did not read as a plan (missing, half-written, invalid): we never save over it. */
export class PlanReadError extends Error {
  readonly code = 'EPLANREAD';
  constructor(
    readonly path: string,
    readonly problems: Problem[],
  ) {
    super(
      `not saved: ${path} does not read as a plan right now, so it was left alone:\n` +
        problems.map(formatProblem).join('\n'),
    );
  }
}

/** The lock was taken over while we stalled (e.g. the machine slept); nothing was written. */
export class LockLostError extends Error {
  readonly code = 'ELOCKLOST';
  constructor(readonly path: string) {
    super(`not saved: lost the lock on ${path} while saving; try again`);
  }
}

export interface CommitOptions extends LockOptions {
  /** The text our ops were made against. When the file changed since, conflicts are detected. */
  baseText?: string;
}

export interface CommitResult {
  /**
   * The file's text after the call. With conflicts, nothing was written and this is the text on
   * disk they were found against: pass it as `baseText` when retrying with resolved ops.
   */
  text: string;
  conflicts: Conflict[];
}

/** Test hook: `PLANBOARD_FAULT=<step>` kills the process at that step of a save. */
function fault(step: string): void {
  if (process.env.PLANBOARD_FAULT === step) process.kill(process.pid, 'SIGKILL');
}

export async function commitOps(path: string, ops: Op[], opts: CommitOptions = {}): Promise<CommitResult> {
  await assertWritable(path);
  return withPlanLock(
    path,
    async (stillHeld) => {
      fault('locked');
      const current = await readPlanFile(path);
      if (!current.ok) throw new PlanReadError(path, current.problems);
      const disk = current.plan;
      fault('read');
      if (opts.baseText !== undefined && opts.baseText !== disk.text) {
        const base = loadPlanText(opts.baseText, path);
        // A base that does not parse cannot tell us what changed; the ops then simply replay.
        if (base.ok) {
          const mine = ops.reduce((data, op) => applyOpToData(data, op), base.plan.data);
          const conflicts = detectConflicts(base.plan.data, mine, disk.data);
          if (conflicts.length) return { text: disk.text, conflicts };
        }
      }
      // The plan just read is the one edited: no second parse of the whole file.
      const next = applyOps(disk.text, ops, { loaded: disk });
      fault('applied');
      if (next === disk.text) return { text: next, conflicts: [] };
      if (!stillHeld()) throw new LockLostError(path);
      await writeFileAtomic(path, next);
      fault('written');
      return { text: next, conflicts: [] };
    },
    opts,
  );
}

/** One line per conflict, for CLIs (which exit 3) and logs: `S-1 lane: mine "cy" / theirs "bo"`. */
export function formatConflicts(path: string, conflicts: Conflict[]): string {
  return (
    `not saved: ${path} was changed by another session in the same places:\n` +
    conflicts.map((c) => `  ${c.id} ${c.field}: mine ${JSON.stringify(c.mine)} / theirs ${JSON.stringify(c.theirs)}`).join('\n')
  );
}
