// Writes a file so that a crash or a failure at any moment leaves either the old file or the
// new one, whole: a temp file in the same real directory, fsync, rename over, fsync the directory.
import * as nodeFs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';

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

const MAX_LINKS = 40;

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

function explain(e: unknown, path: string, target: string): WriteError {
  if (e instanceof WriteError) return e;
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
  };
  const reason = (code && why[code]) ?? (e instanceof Error ? e.message : String(e));
  return new WriteError(`cannot save ${where}: ${reason}; the file was left as it was`, path, code);
}

/**
 * Replaces the file at `path` (or the file a symlink there points to) with `text`, atomically.
 * Keeps the file's mode (and owner, when allowed). On failure the old file is untouched, the temp
 * file is removed, and a WriteError names the path and the reason.
 */
export async function writeFileAtomic(path: string, text: string, opts: WriteOptions = {}): Promise<void> {
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
      mode = st.mode & 0o7777;
      owner = { uid: st.uid, gid: st.gid };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

    await step('open');
    // A new file gets the usual mode (umask applies); a replaced one keeps its own exactly.
    handle = await fs.open(temp, 'wx', mode === undefined ? 0o666 : 0o600);
    await step('write');
    await handle.writeFile(text, 'utf8');
    if (mode !== undefined) await handle.chmod(mode);
    if (owner && process.getuid?.() === 0) await handle.chown(owner.uid, owner.gid).catch(() => undefined);
    await step('fsync');
    await handle.sync();
    await step('close');
    const h = handle;
    handle = undefined;
    await h.close();
    await step('rename');
    await fs.rename(temp, target);
    renamed = true;
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
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    if (!renamed && temp) await fs.unlink(temp).catch(() => undefined);
    if (renamed) {
      const err = explain(e, path, target);
      throw new WriteError(
        `saved ${path}, but its directory could not be synced to disk (${err.message.replace(/^cannot save [^:]*: /, '').replace(/; the file was left as it was$/, '')})`,
        path,
        err.code,
        true,
      );
    }
    throw explain(e, path, target);
  }
}
