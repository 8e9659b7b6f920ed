// A lock that holds across processes (and across hosts on a shared filesystem): proper-lockfile
// makes `.planboard/<plan>.lock` with mkdir (atomic) and keeps its mtime fresh while held, so a
// lock left by a crashed process on another host goes stale and is taken over. Inside it we record
// the owner (pid, host, a random token): a lock whose owner is a dead process on THIS host is
// taken at once, and a live owner's lock is never broken before it goes stale. Within one process
// we also queue per path, so concurrent saves from one board wait their turn.
import * as fs from 'node:fs';
import { constants } from 'node:fs';
import { access, realpath, rename, rm, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import lockfile from 'proper-lockfile';
import { ensureRuntimeDir, EXCLUSIVE, pidAlive, READ_NOFOLLOW, RuntimeDirError } from './runtime-dir.js';

/** The plan (or its directory) cannot be written. The ops stay with the caller, who may save elsewhere. */
export class NoWriteAccessError extends Error {
  readonly code = 'ENOWRITE';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot save ${path}: ${reason}`);
  }
}

/** Another process held the lock for longer than we were willing to wait. */
export class LockTimeoutError extends Error {
  readonly code = 'ELOCKTIMEOUT';
  constructor(readonly path: string, readonly lockPath = '') {
    super(`cannot save ${path}: another planboard is still saving it${lockPath ? ` (lock ${lockPath})` : ''}; try again`);
  }
}

export interface LockOptions {
  /** A lock whose mtime is older than this is taken over (proper-lockfile's minimum is 2000). */
  staleMs?: number;
  /** How long to keep retrying a held lock before giving up. */
  waitMs?: number;
}

interface Owner {
  pid: number;
  host: string;
  token: string;
}

const OWNER = 'owner';
const queues = new Map<string, Promise<unknown>>();

/** Real path of the plan (symlinks followed, even a dangling one's directory). */
export async function planRealPath(path: string): Promise<string> {
  return realpath(path).catch(async () => join(await realpath(dirname(resolve(path))).catch(() => dirname(resolve(path))), basename(path)));
}

const myUid = () => process.getuid?.() ?? -1;

/**
 * Fails fast, with the path named, when the plan cannot be replaced by this user: the directory
 * is not writable, the file is read-only, or the directory is sticky (+t) and neither the file
 * nor the directory is ours (rename would fail with EPERM after we had waited for the lock).
 */
export async function assertWritable(path: string): Promise<void> {
  const real = await planRealPath(path);
  const dir = dirname(real);
  try {
    await access(dir, constants.W_OK);
  } catch (e) {
    // Said as what it is: a folder that is missing is not a folder we may not write to.
    const code = (e as NodeJS.ErrnoException).code;
    throw new NoWriteAccessError(path, code === 'ENOENT' ? `the directory ${dir} does not exist` : code === 'ENOTDIR' ? 'a part of the path is not a directory' : `the directory ${dir} is not writable`);
  }
  let file: fs.Stats | undefined;
  try {
    file = await stat(real);
    await access(real, constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    // Only a refused write is "read-only"; a link loop or a bad path is said as what it is.
    throw new NoWriteAccessError(path, code === 'ELOOP' ? 'too many symbolic links (a link loop?)' : code === 'ENOTDIR' ? 'a part of the path is not a directory' : 'the file is read-only');
  }
  const d = await stat(dir);
  const uid = myUid();
  if (file && d.mode & 0o1000 && uid !== 0 && file.uid !== uid && d.uid !== uid)
    throw new NoWriteAccessError(
      path,
      `the directory ${dir} is sticky (mode +t), so only the file's owner (uid ${file.uid}) or the directory's owner may replace it; ` +
        'a shared plan belongs in a setgid group directory (see docs/sharing.md)',
    );
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
  const real = await planRealPath(path);
  return withRuntimeLock(real, basename(real), path, fn, opts);
}

/** The lock named `<name>.lock` in the runtime folder of `planReal` (the plan's, or its presence's). */
export async function withRuntimeLock<T>(
  planReal: string,
  name: string,
  shown: string,
  fn: (stillHeld: () => boolean) => Promise<T>,
  opts: LockOptions = {},
): Promise<T> {
  const key = `${planReal}\u0000${name}`;
  const prev = queues.get(key) ?? Promise.resolve();
  const run = prev.catch(() => undefined).then(() => lockAndRun(planReal, name, shown, fn, opts));
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

/**
 * The file calls proper-lockfile makes, adapted: the lock is born WITH its owner record (made in a
 * temp folder, then renamed into place, which fails if a lock is there), so a process killed at
 * any moment never leaves an anonymous lock that others must wait out; and rmdir removes the
 * record too.
 */
const lockFsFor = (me: Owner, mode: () => number, staleMs: number) => ({
  ...fs,
  mkdir: (p: string, cb: (e: NodeJS.ErrnoException | null) => void) => {
    const tmp = `${p}.new-${randomBytes(8).toString('hex')}`;
    try {
      fs.mkdirSync(tmp, 0o700);
      const fd = fs.openSync(join(tmp, OWNER), EXCLUSIVE, 0o644);
      try {
        fs.writeSync(fd, JSON.stringify(me));
      } finally {
        fs.closeSync(fd);
      }
      // The lock takes the runtime folder's group and permissions, so another user may clear it once dead.
      const rt = fs.statSync(dirname(p));
      if (fs.statSync(tmp).gid !== rt.gid) {
        try {
          fs.chownSync(tmp, process.getuid?.() ?? -1, rt.gid);
        } catch {
          /* not a member: the lock is still ours, only harder for others to clear */
        }
      }
      fs.chmodSync(tmp, mode());
      fs.renameSync(tmp, p);
      cb(null);
    } catch (e) {
      fs.rmSync(tmp, { recursive: true, force: true });
      const code = (e as NodeJS.ErrnoException).code;
      cb(code === 'ENOTEMPTY' || code === 'EEXIST' ? Object.assign(new Error(`EEXIST: ${p}`), { code: 'EEXIST' }) : (e as NodeJS.ErrnoException));
    }
  },
  // Called to release our lock, or to clear one found stale. It is first moved aside, and only
  // removed if it is ours or still stale: a fresh lock that replaced the stale one meanwhile is
  // put back, never removed.
  rmdir: (p: string, cb: (e: NodeJS.ErrnoException | null) => void) => {
    const aside = `${p}.gone-${randomBytes(8).toString('hex')}`;
    try {
      fs.renameSync(p, aside);
    } catch (e) {
      return cb(e as NodeJS.ErrnoException);
    }
    let removable = readOwner(aside)?.token === me.token;
    try {
      removable ||= fs.statSync(aside).mtimeMs < Date.now() - staleMs;
    } catch {
      removable = true;
    }
    if (!removable) {
      try {
        fs.renameSync(aside, p);
        return cb(Object.assign(new Error(`the lock ${p} was taken meanwhile`), { code: 'EBUSY' }));
      } catch {
        /* a newer lock is in place; the one we moved is orphaned: clear it */
      }
    }
    fs.rm(aside, { recursive: true, force: true }, () => cb(null));
  },
  rmdirSync: (p: string) => {
    try {
      fs.unlinkSync(join(p, OWNER));
    } catch {
      /* no owner record */
    }
    fs.rmdirSync(p);
  },
});

export function readOwner(lockPath: string): Owner | undefined {
  try {
    const fd = fs.openSync(join(lockPath, OWNER), READ_NOFOLLOW);
    try {
      const v = JSON.parse(fs.readFileSync(fd, 'utf8')) as Owner;
      return typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.token === 'string' ? v : undefined;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/**
 * A lock whose recorded owner is a process that no longer runs on this host is removed now,
 * rather than after the staleness window. It is first renamed aside, and only removed if the
 * record we judged is still the one inside (another process may have replaced the lock meanwhile).
 */
export async function breakDeadLock(lockPath: string): Promise<boolean> {
  // Anything but a folder at the lock's name (a planted symlink, a file) is no lock of ours:
  // removed (unlink never follows a link), never followed.
  const st = fs.lstatSync(lockPath, { throwIfNoEntry: false });
  if (st && !st.isDirectory()) {
    await fs.promises.unlink(lockPath).catch(() => undefined);
    return true;
  }
  const owner = readOwner(lockPath);
  if (!owner || owner.host !== hostname() || pidAlive(owner.pid)) return false;
  const aside = `${lockPath}.dead-${randomBytes(8).toString('hex')}`;
  try {
    await rename(lockPath, aside);
  } catch {
    return false;
  }
  const moved = readOwner(aside);
  if (moved?.token !== owner.token) {
    // Not the dead one any more: put it back (if nobody has locked since) and let it be.
    await rename(aside, lockPath).catch(() => rm(aside, { recursive: true, force: true }));
    return false;
  }
  await rm(aside, { recursive: true, force: true }).catch(() => undefined);
  return true;
}

async function lockAndRun<T>(
  planReal: string,
  name: string,
  shown: string,
  fn: (stillHeld: () => boolean) => Promise<T>,
  opts: LockOptions,
): Promise<T> {
  const stale = Math.max(opts.staleMs ?? envStale() ?? 10_000, 2000);
  const waitMs = opts.waitMs ?? stale * 3;
  let dir: string;
  try {
    dir = await ensureRuntimeDir(planReal);
  } catch (e) {
    if (e instanceof RuntimeDirError) throw new NoWriteAccessError(shown, e.message);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new NoWriteAccessError(shown, `cannot create the folder ${join(dirname(planReal), '.planboard')}`);
    throw e;
  }
  const lockPath = join(dir, `${name}.lock`);
  await breakDeadLock(lockPath);
  const me: Owner = { pid: process.pid, host: hostname(), token: randomBytes(12).toString('hex') };
  const lockFs = lockFsFor(me, () => fs.statSync(dir).mode & 0o777, stale);
  let compromised = false;
  let release: () => Promise<void>;
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      // Keyed by the lock path: proper-lockfile keeps one entry per key, and a plan has two locks.
      release = await lockfile.lock(lockPath, {
        stale,
        realpath: false,
        lockfilePath: lockPath,
        fs: lockFs,
        // Short retries: between rounds we look for a dead owner on this host.
        retries: { retries: 6, factor: 1.3, minTimeout: 15, maxTimeout: 120, randomize: true },
        onCompromised: () => {
          compromised = true;
        },
      });
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ELOCKED' || code === 'EBUSY') {
        if (await breakDeadLock(lockPath)) continue;
        if (Date.now() < deadline) continue;
        throw new LockTimeoutError(shown, lockPath);
      }
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
        throw new NoWriteAccessError(shown, `cannot create the lock ${lockPath}`);
      throw e;
    }
  }
  // Held = not flagged compromised AND the record inside is still ours (a takeover replaces it).
  const ours = () => readOwner(lockPath)?.token === me.token;
  const stillHeld = () => !compromised && ours();
  try {
    return await fn(stillHeld);
  } finally {
    // Never release a lock that another process has taken over since: that would free THEIR lock.
    if (ours()) {
      await release().catch(() => new Promise<void>((done) => lockFs.rmdir(lockPath, () => done())));
    }
  }
}

function envStale(): number | undefined {
  const v = Number(process.env.PLANBOARD_LOCK_STALE_MS);
  return Number.isFinite(v) && v > 0 ? v : undefined;
}
