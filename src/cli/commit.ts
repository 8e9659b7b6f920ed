// The one path every edit command saves through: ops → commitOps (lock, re-read, rebase, atomic
// write), and every way that can fail → one exit code and one clear message. A refused edit, a
// full disk, no permission, a lock held too long: exit 1, the file left as it was. A field
// changed another way since --base: exit 3. Nothing a user can cause reaches 70.
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError, type Io } from './command.js';
import type { Op } from '../core/plan/op-types.js';
import { describeOp, EditError, OpError, PlanTextError } from '../core/plan/ops.js';
import { str, type Parsed } from './args.js';
import { WriteError } from '../core/persist/atomic-write.js';
import { savePlan, formatConflicts, readTextFile, FileMovedOnError, LockLostError, LockTimeoutError, NoWriteAccessError, NotAPlanFileError, PlanReadError } from '../core/persist/index.js';
import { sanitize } from '../core/text/sanitize.js';

const FS_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOENT: 'file not found',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory, not a plan file',
  ELOOP: 'too many symbolic links (a link loop?)',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  EBUSY: 'the file is busy',
  ETXTBSY: 'the file is busy',
};

const NOTHING = 'nothing was written';

/** The message and exit code for an error out of commitOps, or undefined when it is our bug. */
export function explainSaveError(file: string, e: unknown): { message: string; code: number } | undefined {
  if (e instanceof OpError || e instanceof EditError) return { message: `${file}: ${e.message}`, code: 1 };
  if (e instanceof PlanTextError) return { message: `${file} does not load, so it was left alone:\n${e.message}`, code: 1 };
  if (e instanceof PlanReadError) return { message: e.message, code: 1 };
  // The board keeps edits in memory and offers save-as; a CLI keeps nothing, so it says only what happened.
  if (e instanceof NoWriteAccessError) return { message: `cannot save ${file}: ${e.reason}; ${NOTHING}`, code: 1 };
  if (e instanceof LockTimeoutError || e instanceof LockLostError || e instanceof WriteError || e instanceof NotAPlanFileError || e instanceof FileMovedOnError)
    return { message: e.message, code: 1 };
  const code = (e as NodeJS.ErrnoException)?.code;
  if (typeof code === 'string' && FS_REASONS[code]) return { message: `cannot save ${file}: ${FS_REASONS[code]}; ${NOTHING}`, code: 1 };
  return undefined;
}

const readable = (path: string) =>
  access(path, constants.R_OK).then(
    () => true,
    (e: NodeJS.ErrnoException) => e.code !== 'EACCES',
  );

export interface EditOptions {
  /** --base FILE, as typed. */
  base?: string;
}

/** Applies `ops` to the plan at `file` (as typed) and saves; throws CliError on any failure. */
export async function commitEdit(command: string, io: Io, file: string, ops: Op[], opts: EditOptions = {}): Promise<string> {
  const fail = (message: string, code: number) => new CliError(`planboard ${command}: ${message}`, code);
  let baseText: string | undefined;
  if (opts.base !== undefined) {
    try {
      baseText = await readTextFile(resolve(io.cwd, opts.base));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      throw fail(`cannot read --base ${opts.base}: ${code === 'ENOTREG' ? (e as Error).message : (FS_REASONS[code] ?? code)}`, 2);
    }
  }
  try {
    const { text, conflicts } = await savePlan(resolve(io.cwd, file), ops, { baseText, onNotice: (n) => io.err(`planboard ${command}: ${n}`) });
    if (conflicts.length) throw fail(formatConflicts(file, conflicts), 3);
    return text;
  } catch (e) {
    if (e instanceof CliError) throw e;
    // "read-only" undersells a plan we may not even read: say that.
    if (e instanceof NoWriteAccessError && !(await readable(resolve(io.cwd, file))))
      throw fail(`cannot read ${file}: permission denied; ${NOTHING}`, 1);
    const known = explainSaveError(file, e);
    if (known) throw fail(known.message, known.code);
    throw e;
  }
}

/** The small edit commands: one op on the plan named by PLAN, then say what was done. */
export async function commitOne(a: Parsed, io: Io, op: Op): Promise<number> {
  await commitEdit(a.command, io, a.args.plan!, [op], { base: str(a, 'base') });
  io.out(sanitize(describeOp(op)));
  return 0;
}
