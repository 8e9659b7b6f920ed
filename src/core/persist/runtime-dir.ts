// Files planboard keeps beside a plan (lock, presence, temp files) live in one `.planboard/`
// folder next to it, which carries its own `.gitignore` (`*`), so `git status` never lists them.
// Every file in it is created exclusively and never through a symlink (O_EXCL | O_NOFOLLOW) under
// a name nobody can predict, so another user of a shared directory cannot plant a link there.
import { constants, closeSync, openSync, readFileSync, rmSync, writeSync, lstatSync, readdirSync, unlinkSync } from 'node:fs';
import { chmod, chown, lstat, mkdir, open, stat } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

export const RUNTIME_DIR = '.planboard';

/** `.planboard` is there but is not a plain directory (a symlink, a file): we refuse to use it. */
export class RuntimeDirError extends Error {
  readonly code = 'ERUNTIMEDIR';
  constructor(readonly path: string, why: string) {
    super(`${path} ${why}; planboard keeps its lock and presence files there and will not use it: remove it`);
  }
}

/** Flags for a new file that must not exist yet and must not be reached through a symlink. */
export const EXCLUSIVE = constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | constants.O_NOFOLLOW;
/** Reading a runtime file never follows a link planted in its place. */
export const READ_NOFOLLOW = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

export const runtimeDirOf = (planReal: string): string => join(dirname(planReal), RUNTIME_DIR);

/** Short, stable tag of this host, for names that say which machine made a file. */
export const hostTag = (host = hostname()): string => createHash('sha256').update(host).digest('hex').slice(0, 8);

/** `<prefix>.<host>.<pid>.<random>.tmp`: whose it is (for cleaning up), and unguessable. */
export function tempName(prefix: string): string {
  return `${prefix}.${hostTag()}.${process.pid}.${randomBytes(12).toString('hex')}.tmp`;
}

/** Alive on this host? EPERM means it exists but belongs to someone else: alive. */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const made = new Set<string>();

/**
 * The plan's runtime folder, made if missing with the permissions of the plan's own directory
 * (so a group directory's `.planboard` is the group's too). Refuses a symlink or a non-directory.
 */
export async function ensureRuntimeDir(planReal: string): Promise<string> {
  const dir = runtimeDirOf(planReal);
  if (made.has(dir)) {
    const st = await lstat(dir).catch(() => undefined);
    if (st?.isDirectory()) return dir;
    made.delete(dir);
  }
  const parent = await stat(dirname(planReal));
  try {
    await mkdir(dir, { mode: 0o700 });
    // mkdir's mode passes through the umask; the folder takes the parent's bits exactly
    // (setgid and sticky included) so every user who may save the plan may lock it.
    await chmod(dir, parent.mode & 0o3777);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const st = await lstat(dir);
  if (st.isSymbolicLink()) throw new RuntimeDirError(dir, 'is a symbolic link');
  if (!st.isDirectory()) throw new RuntimeDirError(dir, 'is not a directory');
  // In a group directory without setgid the folder would get our own group: give it the
  // directory's, so the other members can lock and clean up too (allowed when we are a member).
  if (st.gid !== parent.gid && st.uid === process.getuid?.()) await chown(dir, st.uid, parent.gid).catch(() => undefined);
  const ignore = join(dir, '.gitignore');
  // A planted link (or anything else) in place of our .gitignore is replaced, not followed.
  const gi = lstatSync(ignore, { throwIfNoEntry: false });
  if (gi && !gi.isFile()) {
    try {
      unlinkSync(ignore);
    } catch {
      /* not ours to remove: git then may list the folder, nothing worse */
    }
  }
  try {
    const h = await open(ignore, EXCLUSIVE, parent.mode & 0o666);
    try {
      await h.writeFile('# planboard runtime files (lock, presence, temp): never commit them\n*\n');
      await h.chmod(parent.mode & 0o666 | 0o444);
    } finally {
      await h.close();
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  made.add(dir);
  return dir;
}

/** Writes a new file exclusively (no overwrite, no symlink), synchronously: for exit handlers. */
export function writeExclusiveSync(path: string, text: string, mode = 0o644): void {
  const fd = openSync(path, EXCLUSIVE, mode);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

function readOwnerAt(file: string): { pid: number; host: string } | undefined {
  try {
    const fd = openSync(file, READ_NOFOLLOW);
    try {
      const v = JSON.parse(readFileSync(fd, 'utf8')) as { pid?: unknown; host?: unknown };
      return typeof v.pid === 'number' && typeof v.host === 'string' ? { pid: v.pid, host: v.host } : undefined;
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/** `<prefix>.<host>.<pid>.<random>.tmp` → its host tag and pid. */
function tempOwner(name: string): { host: string; pid: number } | undefined {
  const m = /\.([0-9a-f]{8})\.(\d+)\.[0-9a-f]{24}\.tmp$/.exec(name);
  return m ? { host: m[1], pid: Number(m[2]) } : undefined;
}

/** Older builds put their temp files beside the plan: `.NAME.<pid>.<hex>.tmp`. */
const legacyTemp = (plan: string) => new RegExp(`^\\.${basename(plan).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.[0-9a-f]+\\.tmp$`);

/** A temp file from another host is only presumed dead after this long. */
const FOREIGN_TEMP_MS = 24 * 3600_000;

/**
 * Removes temp files left by processes that died on this host (and very old ones from other
 * hosts). Only regular files matching our own naming are touched; a symlink is never followed.
 * Returns how many were removed.
 */
export function sweepTemps(planReal: string, now = Date.now()): number {
  const me = hostTag();
  let removed = 0;
  const sweep = (dir: string, owner: (name: string) => { host: string; pid: number } | undefined) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const who = owner(name);
      if (!who) continue;
      const path = join(dir, name);
      try {
        const st = lstatSync(path);
        if (!st.isFile() && !st.isSymbolicLink()) continue;
        const dead = who.host === me ? !pidAlive(who.pid) : now - st.mtimeMs > FOREIGN_TEMP_MS;
        if (!dead) continue;
        unlinkSync(path);
        removed++;
      } catch {
        /* gone already, or not ours to remove */
      }
    }
  };
  sweep(runtimeDirOf(planReal), tempOwner);
  // Lock folders caught half-made or half-removed by a kill: `NAME.lock.new-…` / `.gone-…` / `.dead-…`.
  const rt = runtimeDirOf(planReal);
  let names: string[] = [];
  try {
    names = readdirSync(rt);
  } catch {
    /* no runtime folder yet */
  }
  for (const name of names) {
    if (!/\.lock\.(new|gone|dead)-[0-9a-f]{16}$/.test(name)) continue;
    const path = join(rt, name);
    try {
      const st = lstatSync(path);
      if (!st.isDirectory()) continue;
      const owner = readOwnerAt(join(path, 'owner'));
      const dead = owner ? (owner.host === hostname() ? !pidAlive(owner.pid) : now - st.mtimeMs > FOREIGN_TEMP_MS) : now - st.mtimeMs > 60_000;
      if (!dead) continue;
      rmSync(path, { recursive: true, force: true });
      removed++;
    } catch {
      /* not ours to remove */
    }
  }
  const legacy = legacyTemp(planReal);
  sweep(dirname(planReal), (name) => {
    const m = legacy.exec(name);
    return m ? { host: me, pid: Number(m[1]) } : undefined;
  });
  return removed;
}
