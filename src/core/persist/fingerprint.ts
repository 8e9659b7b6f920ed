// What "the file changed" means: size, mtime and inode are cheap hints; the sha256 of the bytes
// decides (a touch or a rewrite with the same bytes is not a change). A save records the
// fingerprint of the text it rebased onto and checks it again just before its rename.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';

export interface Fingerprint {
  size: number;
  mtimeMs: number;
  ino: number;
  sha256: string;
}

export const hashText = (text: string | Uint8Array): string => createHash('sha256').update(text).digest('hex');

export const fingerprintOf = (st: { size: number; mtimeMs: number; ino: number }, bytes: Uint8Array): Fingerprint => ({
  size: st.size,
  mtimeMs: st.mtimeMs,
  ino: st.ino,
  sha256: hashText(bytes),
});

/**
 * The file's fingerprint now (through symlinks), or null when there is no file. Never blocks on a
 * FIFO: opened non-blocking, and anything but a regular file counts as "not the file we read".
 */
export async function fingerprintNow(path: string): Promise<Fingerprint | null | 'not-a-file'> {
  let h: Awaited<ReturnType<typeof open>>;
  try {
    h = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const st = await h.stat();
    if (!st.isFile()) return 'not-a-file';
    return fingerprintOf(st, await h.readFile());
  } finally {
    await h.close();
  }
}

/** fingerprintNow, synchronously: for the compare-and-swap, so nothing runs between check and rename. */
export function fingerprintNowSync(path: string): Fingerprint | null | 'not-a-file' {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return 'not-a-file';
    return fingerprintOf(st, readFileSync(fd));
  } finally {
    closeSync(fd);
  }
}

/** Same content: what matters for lost edits (hash); the stat fields only hint. */
export const sameContent = (a: Fingerprint, b: Fingerprint): boolean => a.sha256 === b.sha256 && a.size === b.size;
