// The one atomic writer (save, save-as and import all use it): a crash or a failure at any moment
// leaves either the old file or the new one, whole. A temp file in the plan's `.planboard/`
// folder (same file system; created exclusively, never through a symlink), fsync, then — just
// before the rename — compare-and-swap: the file must still be the one the caller read, and the
// caller's lock still held; then rename over, fsync the directory. Mode and group are kept.
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { renameSync } from 'node:fs';
import { fingerprintNowSync, sameContent, type Fingerprint } from './fingerprint.js';
import { ensureRuntimeDir, EXCLUSIVE, tempName } from './runtime-dir.js';

/** The steps of a write, in order; a hook runs before each, so tests can fail or "kill" there. */
export type WriteStep = 'open' | 'write' | 'fsync' | 'close' | 'rename' | 'fsync-dir';

/** The file-system calls a write makes; tests swap any of them to inject faults. */
export interface WriteFs {
  lstat: typeof nodeFs.lstat;
  stat: typeof nodeFs.stat;
  readlink: typeof nodeFs.readlink;
  realpath: typeof nodeFs.realpath;
  open: typeof nodeFs.open;
  rename: typeof nodeFs.rename;
  unlink: typeof nodeFs.unlink;
}

export interface WriteOptions {
  fs?: Partial<WriteFs>;
  /**
   * Compare-and-swap: the file must still be this one (null: must not exist) right before the
   * rename, or nothing is written and a FileMovedOnError is thrown. Absent: no check.
   */
  expect?: Fingerprint | null;
  /** Called the moment the new text is in place (synchronously after the rename). */
  onRenamed?: () => void;
  /** Told, before anything is written, what the write cannot keep (the file's group). */
  onNotice?: (notice: string) => void;
  /** Checked right before the rename (the caller's lock); false → nothing written, LockLostError. */
  stillHeld?: () => boolean;
  /** Called before each step with the temp and target paths; throwing fails the write there. */
  beforeStep?: (step: WriteStep, paths: { temp: string; target: string }) => void | Promise<void>;
}

/** A failed write, with a message that names the file and says what to do about it. */
export class WriteError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly code?: string,
    /** True when the new text is in place but the directory could not be synced. */
    readonly written = false,
  ) {
    super(message);
  }
}

/** The file changed between the caller's read and our rename: nothing was written; read and rebase again. */
export class FileMovedOnError extends Error {
  readonly code = 'EMOVEDON';
  constructor(readonly path: string) {
    super(`not saved: ${path} changed on disk while saving; nothing was written`);
  }
}

/** The lock was taken over while we stalled (e.g. the machine slept); nothing was written. */
export class LockLostError extends Error {
  readonly code = 'ELOCKLOST';
  constructor(readonly path: string) {
    super(`not saved: lost the lock on ${path} while saving; try again`);
  }
}

/** What a write could not keep of the file it replaced, said before it writes. */
export interface WriteResult {
  notice?: string;
}

const MAX_LINKS = 40;
const myUid = () => process.getuid?.() ?? -1;

/**
 * The group a saver's new file can carry: the old file's, when the saver is root or a member of
 * it. Otherwise the new file gets the directory's group (setgid) or the saver's own, and we say so.
 */
function groupPlan(old: { gid: number }, dir: { gid: number; mode: number }): { chownGid?: number; notice?: string } {
  const uid = myUid();
  if (uid < 0) return {};
  const egid = process.getegid?.() ?? -1;
  const groups = process.getgroups?.() ?? [];
  if (uid === 0 || old.gid === egid || groups.includes(old.gid)) return { chownGid: old.gid };
  const gets = dir.mode & 0o2000 ? dir.gid : egid;
  if (gets === old.gid) return {};
  return { notice: `the file's group (gid ${old.gid}) cannot be kept: you are not a member, so it becomes gid ${gets}; see docs/sharing.md` };
}

/**
 * What a save of `path` by this user could not keep (its group), or undefined: the board says it
 * when it opens the plan, before any save writes.
 */
export async function groupNotice(path: string): Promise<string | undefined> {
  try {
    const target = await resolveTarget(nodeFs, path);
    const [file, dir] = await Promise.all([nodeFs.stat(target), nodeFs.stat(dirname(target))]);
    return groupPlan(file, dir).notice;
  } catch {
    return undefined;
  }
}

/** The file a write to `path` must replace: symlinks followed, even a dangling one. */
async function resolveTarget(fs: WriteFs, path: string): Promise<string> {
  let p = resolve(path);
  for (let i = 0; i < MAX_LINKS; i++) {
    let isLink = false;
    try {
      isLink = (await fs.lstat(p)).isSymbolicLink();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (!isLink) return join(await fs.realpath(dirname(p)), basename(p));
    p = resolve(dirname(p), await fs.readlink(p));
  }
  throw Object.assign(new Error('too many levels of symbolic links'), { code: 'ELOOP' });
}

function explain(e: unknown, path: string, target: string): Error {
  if (e instanceof WriteError || e instanceof FileMovedOnError || e instanceof LockLostError) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  const where = target === resolve(path) ? path : `${path} (→ ${target})`;
  const dir = dirname(target);
  const why: Record<string, string> = {
    EACCES: `permission denied: the directory ${dir} or the file is not writable by you`,
    EPERM: `operation not permitted in ${dir}`,
    EROFS: `the file system holding ${dir} is read-only`,
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    ENOENT: `the directory ${dir} does not exist`,
    ENOTDIR: `${dir} is not a directory`,
    EISDIR: `${target} is a directory`,
    ELOOP: 'too many levels of symbolic links',
    ENOTREG: `${target} is not a regular file (only regular files are plans)`,
    ERUNTIMEDIR: e instanceof Error ? e.message : '',
  };
  const reason = (code && why[code]) ?? (e instanceof Error ? e.message : String(e));
  return new WriteError(`cannot save ${where}: ${reason}; the file was left as it was`, path, code);
}

/**
 * Replaces the file at `path` (or the file a symlink there points to) with `text`, atomically.
 * Keeps the file's mode (and owner, when allowed). On failure the old file is untouched, the temp
 * file is removed, and a WriteError names the path and the reason.
 */
export async function writeFileAtomic(path: string, text: string, opts: WriteOptions = {}): Promise<WriteResult> {
  const fs: WriteFs = { ...nodeFs, ...opts.fs } as WriteFs;
  let target = resolve(path);
  let temp = '';
  let handle: nodeFs.FileHandle | undefined;
  let renamed = false;
  const step = async (s: WriteStep) => opts.beforeStep?.(s, { temp, target });
  try {
    target = await resolveTarget(fs, path);
    const dir = dirname(target);
    let mode: number | undefined;
    let owner: { uid: number; gid: number } | undefined;
    try {
      const st = await fs.stat(target);
      if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      if (!st.isFile()) throw Object.assign(new Error('is not a regular file'), { code: 'ENOTREG' });
      mode = st.mode & 0o7777;
      owner = { uid: st.uid, gid: st.gid };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const group = owner ? groupPlan(owner, await fs.stat(dir)) : {};
    if (group.notice) opts.onNotice?.(`${path}: ${group.notice}`);
    temp = join(await ensureRuntimeDir(target), tempName(basename(target)));

    await step('open');
    // A new file gets the usual mode (umask applies); a replaced one keeps its own exactly.
    handle = await fs.open(temp, EXCLUSIVE, mode === undefined ? 0o666 : 0o600);
    await step('write');
    await handle.writeFile(text, 'utf8');
    // Owner (root only) and group first: chown clears the setgid bit, which chmod then restores.
    if (owner && myUid() === 0) await handle.chown(owner.uid, owner.gid).catch(() => undefined);
    else if (group.chownGid !== undefined) await handle.chown(myUid(), group.chownGid).catch(() => undefined);
    if (mode !== undefined) await handle.chmod(mode).catch(() => handle!.chmod(mode! & 0o777));
    await step('fsync');
    await handle.sync();
    await step('close');
    const h = handle;
    handle = undefined;
    await h.close();
    await step('rename');
    // From the check to the rename no other code of this process runs (all synchronous), so
    // the compare and the swap are one step here; across processes the window is a few syscalls.
    if (opts.stillHeld && !opts.stillHeld()) throw new LockLostError(path);
    if (opts.expect !== undefined) {
      const now = fingerprintNowSync(target);
      const same = opts.expect === null ? now === null : now !== null && now !== 'not-a-file' && sameContent(now, opts.expect);
      if (!same) throw new FileMovedOnError(path);
    }
    if (opts.fs?.rename) await fs.rename(temp, target);
    else renameSync(temp, target);
    renamed = true;
    opts.onRenamed?.();
    await step('fsync-dir');
    const d = await fs.open(dir, 'r');
    try {
      await d.sync();
    } catch (e) {
      // Some file systems cannot sync a directory; the rename itself stands.
      if (!['EINVAL', 'ENOTSUP', 'EISDIR', 'EBADF'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
    } finally {
      await d.close();
    }
    return { notice: group.notice };
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    if (!renamed && temp) await fs.unlink(temp).catch(() => undefined);
    if (renamed) {
      const err = explain(e, path, target);
      throw new WriteError(
        `saved ${path}, but its directory could not be synced to disk (${err.message.replace(/^cannot save [^:]*: /, '').replace(/; the file was left as it was$/, '')})`,
        path,
        (err as { code?: string }).code,
        true,
      );
    }
    throw explain(e, path, target);
  }
}
