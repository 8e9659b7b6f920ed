// The one way anything saves a plan: lock, re-read (with its fingerprint), rebase our ops onto
// what is on disk, write atomically with compare-and-swap at the rename, unlock. Edits never
// overwrite another session's work: they are replayed onto the current text by issue id, and only
// a field changed two ways stops the save (as a Conflict). If the file moved on after our read
// (a writer that stalled past the lock's staleness window, or any writer that ignores the lock),
// nothing is written and the whole save runs again against the newer file.
import { stat } from 'node:fs/promises';
import type { Op } from '../plan/op-types.js';
import { applyOps } from '../plan/ops.js';
import { formatProblem, loadPlanText, type Problem } from '../plan/load.js';
import { notRegular, readPlanWithFingerprint } from './read-plan.js';
import { FileMovedOnError, LockLostError, writeFileAtomic } from './atomic-write.js';
import { assertWritable, planRealPath, withPlanLock, type LockOptions } from './lock.js';
import { rebaseOps, type Conflict } from './rebase.js';
import { sweepTemps } from './runtime-dir.js';

export type { Conflict } from './rebase.js';
export { NoWriteAccessError, LockTimeoutError } from './lock.js';
export { LockLostError, FileMovedOnError } from './atomic-write.js';
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

export interface CommitOptions extends LockOptions {
  /** The text our ops were made against. When the file changed since, conflicts are detected. */
  baseText?: string;
  /** Called the moment the new text is in place (before the lock is released). */
  onWritten?: (text: string) => void;
  /** What the save cannot keep of the file (its group), told before anything is written. */
  onNotice?: (notice: string) => void;
}

/** A file that is not a regular file (FIFO, socket, device) is refused before any lock is taken. */
export class NotAPlanFileError extends Error {
  readonly code = 'ENOTREG';
  constructor(readonly path: string, why: string) {
    super(`cannot save ${path}: it ${why.replace(/^is /, 'is ')}`);
  }
}

/** Rounds of lock → read → rebase → compare-and-swap before giving up on a file that keeps moving. */
const MAX_ROUNDS = 8;

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
  const f = process.env.PLANBOARD_FAULT;
  if (!f) return;
  if (f === step) process.kill(process.pid, 'SIGKILL');
  // `stop:<step>`: stop here (SIGSTOP) once, as a Ctrl-Z, a paused VM or heavy swapping would.
  if (f === `stop:${step}` && !stopped) {
    stopped = true;
    process.kill(process.pid, 'SIGSTOP');
  }
}
let stopped = false;

export async function commitOps(path: string, ops: Op[], opts: CommitOptions = {}): Promise<CommitResult> {
  // Only regular files are plans; a FIFO is refused here, before the lock (it would block a read).
  const st = await stat(path).catch(() => undefined);
  const why = st && notRegular(st);
  if (why) throw new NotAPlanFileError(path, why);
  await assertWritable(path);
  for (let round = 1; ; round++) {
    try {
      return await commitOnce(path, ops, opts);
    } catch (e) {
      // The file moved on, or our lock was taken over while we stalled: nothing was written.
      // Lock, read and rebase again, now against the newer file.
      if (!(e instanceof FileMovedOnError || e instanceof LockLostError) || round >= MAX_ROUNDS) throw e;
    }
  }
}

function commitOnce(path: string, ops: Op[], opts: CommitOptions): Promise<CommitResult> {
  return withPlanLock(
    path,
    async (stillHeld) => {
      fault('locked');
      // Leftover temp files of writers that died on this host go now, under the lock.
      sweepTemps(await planRealPath(path));
      const { result: current, fingerprint } = await readPlanWithFingerprint(path);
      if (!current.ok) throw new PlanReadError(path, current.problems);
      const disk = current.plan;
      fault('read');
      if (opts.baseText !== undefined && opts.baseText !== disk.text) {
        const base = loadPlanText(opts.baseText, path);
        // A base that does not parse cannot tell us what changed; the ops then simply replay.
        if (base.ok) {
          const conflicts = rebaseOps(base.plan.data, ops, disk.data);
          if (conflicts.length) return { text: disk.text, conflicts };
        }
      }
      // The plan just read is the one edited: no second parse of the whole file.
      const next = applyOps(disk.text, ops, { loaded: disk });
      fault('applied');
      if (next === disk.text) return { text: next, conflicts: [] };
      await writeFileAtomic(path, next, {
        expect: fingerprint,
        stillHeld,
        onNotice: opts.onNotice,
        onRenamed: () => opts.onWritten?.(next),
        beforeStep: (step) => fault(`step-${step}`),
      });
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
