// A lock that holds across processes (and across hosts on a shared filesystem): proper-lockfile
// makes `<plan>.lock` with mkdir (atomic) and keeps its mtime fresh while held, so a lock left by a
// crashed process goes stale and is taken over. Within one process we also queue per path, so
// concurrent saves from one board wait their turn instead of polling the lock directory.
import { constants } from 'node:fs';
import { access, realpath } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import lockfile from 'proper-lockfile';

/** The plan (or its directory) cannot be written. The ops stay with the caller, who may save elsewhere. */
export class NoWriteAccessError extends Error {
  readonly code = 'ENOWRITE';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot save ${path}: ${reason}; your edits are kept in memory — save them to another path`);
  }
}

/** Another process held the lock for longer than we were willing to wait. */
export class LockTimeoutError extends Error {
  readonly code = 'ELOCKTIMEOUT';
  constructor(readonly path: string) {
    super(`cannot save ${path}: another planboard is still saving it (lock ${path}.lock); try again`);
  }
}

export interface LockOptions {
  /** A lock whose mtime is older than this is taken over (proper-lockfile's minimum is 2000). */
  staleMs?: number;
  /** How long to keep retrying a held lock before giving up. */
  waitMs?: number;
}

const queues = new Map<string, Promise<unknown>>();

/** Fails fast, with the path named, when the file or its directory is not writable. */
export async function assertWritable(path: string): Promise<void> {
  const real = await realpath(path).catch(() => resolve(path));
  try {
    await access(dirname(real), constants.W_OK);
  } catch {
    throw new NoWriteAccessError(path, `the directory ${dirname(real)} is not writable`);
  }
  try {
    await access(real, constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    // Only a refused write is "read-only"; a link loop or a bad path is said as what it is.
    throw new NoWriteAccessError(path, code === 'ELOOP' ? 'too many symbolic links (a link loop?)' : code === 'ENOTDIR' ? 'a part of the path is not a directory' : 'the file is read-only');
  }
}

/**
 * Runs `fn` while holding the plan's lock. `fn` receives `stillHeld()`: check it right before the
 * irreversible step (the rename), so a lock taken over while we stalled never lets two writers race.
 */
export async function withPlanLock<T>(
  path: string,
  fn: (stillHeld: () => boolean) => Promise<T>,
  opts: LockOptions = {},
): Promise<T> {
  const key = await realpath(path).catch(() => resolve(path));
  const prev = queues.get(key) ?? Promise.resolve();
  const run = prev.catch(() => undefined).then(() => lockAndRun(key, path, fn, opts));
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

async function lockAndRun<T>(
  key: string,
  path: string,
  fn: (stillHeld: () => boolean) => Promise<T>,
  opts: LockOptions,
): Promise<T> {
  const stale = Math.max(opts.staleMs ?? envStale() ?? 10_000, 2000);
  const waitMs = opts.waitMs ?? stale * 3;
  let compromised = false;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(key, {
      stale,
      realpath: false,
      // Exponential backoff with jitter; the total covers a stale takeover plus some queueing.
      retries: { retries: Math.ceil(waitMs / 150), factor: 1.2, minTimeout: 15, maxTimeout: 250, randomize: true },
      onCompromised: () => {
        compromised = true;
      },
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOCKED') throw new LockTimeoutError(path);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new NoWriteAccessError(path, `cannot create the lock ${key}.lock`);
    throw e;
  }
  try {
    return await fn(() => !compromised);
  } finally {
    if (!compromised) await release().catch(() => undefined);
  }
}

function envStale(): number | undefined {
  const v = Number(process.env.PLANBOARD_LOCK_STALE_MS);
  return Number.isFinite(v) && v > 0 ? v : undefined;
}
