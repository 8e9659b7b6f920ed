// Reading a plan file from disk. A failed read is a problem to report, never an empty plan:
// the next save would otherwise write that empty plan over the user's work.
import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { LoadResult, Problem } from '../plan/loaded-plan.js';
import { fingerprintOf, type Fingerprint } from './fingerprint.js';

/** Plans of 10,000 issues are a few MB; anything this big is not a plan. */
export const MAX_PLAN_BYTES = 20 * 1024 * 1024;
/** A file caught mid-write (truncated, then filled) is read again after a short pause. */
const RETRIES = 3;
const RETRY_MS = 50;

const fail = (file: string, message: string): LoadResult => ({ ok: false, problems: [{ file, line: 1, col: 1, message } satisfies Problem] });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

type Read = { text: string; size: number; mtimeMs: number; fingerprint: Fingerprint } | { error: string };

/** Only regular files are plans: a FIFO would block a reader (and a writer holding the lock) forever. */
export function notRegular(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'is a directory, not a plan file';
  if (st.isFIFO()) return 'is a FIFO (named pipe), not a plan file: only regular files are plans';
  if (st.isSocket()) return 'is a socket, not a plan file: only regular files are plans';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'is a device, not a plan file: only regular files are plans';
  return 'is not a regular file';
}

/** Opens for reading without ever blocking: checked with stat first, then opened O_NONBLOCK and fstat'ed. */
async function openRegular(path: string) {
  const pre = await stat(path);
  const why = notRegular(pre);
  if (why) throw Object.assign(new Error(why), { code: 'ENOTREG' });
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  return handle;
}

async function readOnce(path: string): Promise<Read> {
  let handle: Awaited<ReturnType<typeof openRegular>>;
  try {
    handle = await openRegular(path);
  } catch (e) {
    return { error: describeFsError(e) };
  }
  try {
    const st = await handle.stat();
    const why = notRegular(st);
    if (why) return { error: why };
    if (st.size > MAX_PLAN_BYTES) return { error: `file is too large (${mb(st.size)}; a plan may be at most ${mb(MAX_PLAN_BYTES)})` };
    // Read at most one byte past the limit, in case the file grew since stat.
    const buf = Buffer.alloc(Math.min(MAX_PLAN_BYTES + 1, st.size + 64 * 1024));
    let n = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n === buf.length) break;
    }
    if (n > MAX_PLAN_BYTES) return { error: `file is too large (over ${mb(MAX_PLAN_BYTES)})` };
    const bytes = buf.subarray(0, n);
    const nul = bytes.indexOf(0);
    if (nul !== -1) return { error: `binary file (a NUL byte at offset ${nul}), not a YAML plan` };
    let text: string;
    try {
      // ignoreBOM keeps a leading BOM in the text, so a save writes the file back byte for byte.
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return { error: 'not UTF-8 text: is this a binary file?' };
    }
    return { text, size: st.size, mtimeMs: st.mtimeMs, fingerprint: fingerprintOf(st, bytes) };
  } catch (e) {
    return { error: describeFsError(e) };
  } finally {
    await handle.close();
  }
}

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOTREG':
      return (e as Error).message;
    case 'ENOENT':
      return 'file not found';
    case 'EISDIR':
      return 'is a directory, not a plan file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: cannot read the file';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ELOOP':
      return 'too many symbolic links (a link loop?)';
    default:
      return `cannot read the file: ${(e as Error)?.message ?? String(e)}`;
  }
}

/** Text → checked plan (load-fast.ts's loadPlanTextLazily, or the CLI's cached read). */
export type PlanLoader = (text: string, file: string) => Promise<LoadResult>;

/** The fast read, loaded on first use (a cached read may never need it); the precise one only if it steps aside. */
const loadPlanTextLazily: PlanLoader = async (text, file) => (await import('../plan/load-fast.js')).loadPlanTextLazily(text, file);

/** Reads and checks a plan. `path` is reported as given. */
export async function readPlanFile(path: string, load: PlanLoader = loadPlanTextLazily): Promise<LoadResult> {
  return (await readPlanWithFingerprint(path, load)).result;
}

/** A plan as read, with the fingerprint of exactly the bytes it was read from (for compare-and-swap). */
export async function readPlanWithFingerprint(path: string, load: PlanLoader = loadPlanTextLazily): Promise<{ result: LoadResult; fingerprint?: Fingerprint }> {
  let last: LoadResult | undefined;
  let fingerprint: Fingerprint | undefined;
  for (let attempt = 1; attempt <= RETRIES; attempt++) {
    const read = await readOnce(path);
    if ('error' in read) return { result: fail(path, read.error) };
    fingerprint = read.fingerprint;
    last = await load(read.text, path);
    if (last.ok) return { result: last, fingerprint };
    // A failed load is worth another look only if the file was empty or was changed just now.
    const empty = read.text.trim() === '';
    if (attempt === RETRIES || (!empty && Date.now() - read.mtimeMs > 1000)) break;
    await sleep(RETRY_MS);
    if (empty) continue;
    const now = await stat(path).catch(() => undefined);
    if (!now || (now.size === read.size && now.mtimeMs === read.mtimeMs)) break;
  }
  return { result: last!, fingerprint };
}

/** Any text file a command reads (a roadmap to import, a --base copy): regular files only, never blocking. */
export async function readTextFile(path: string): Promise<string> {
  const h = await openRegular(path);
  try {
    const why = notRegular(await h.stat());
    if (why) throw Object.assign(new Error(why), { code: 'ENOTREG' });
    return await h.readFile('utf8');
  } finally {
    await h.close();
  }
}
