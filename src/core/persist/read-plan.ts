// Reading a plan file from disk. A failed read is a problem to report, never an empty plan:
// the next save would otherwise write that empty plan over the user's work.
import { open, stat } from 'node:fs/promises';
import { loadPlanText, type LoadResult, type Problem } from '../plan/load.js';

/** Plans of 10,000 issues are a few MB; anything this big is not a plan. */
export const MAX_PLAN_BYTES = 20 * 1024 * 1024;
/** A file caught mid-write (truncated, then filled) is read again after a short pause. */
const RETRIES = 3;
const RETRY_MS = 50;

const fail = (file: string, message: string): LoadResult => ({ ok: false, problems: [{ file, line: 1, col: 1, message } satisfies Problem] });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

type Read = { text: string; size: number; mtimeMs: number } | { error: string };

async function readOnce(path: string): Promise<Read> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    return { error: describeFsError(e) };
  }
  try {
    const st = await handle.stat();
    if (st.isDirectory()) return { error: 'is a directory, not a plan file' };
    if (!st.isFile()) return { error: 'is not a regular file' };
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
    return { text, size: st.size, mtimeMs: st.mtimeMs };
  } catch (e) {
    return { error: describeFsError(e) };
  } finally {
    await handle.close();
  }
}

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
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

/** Reads and checks a plan. `path` is reported as given. */
export async function readPlanFile(path: string): Promise<LoadResult> {
  let last: LoadResult | undefined;
  for (let attempt = 1; attempt <= RETRIES; attempt++) {
    const read = await readOnce(path);
    if ('error' in read) return fail(path, read.error);
    last = loadPlanText(read.text, path);
    if (last.ok) return last;
    // A failed load is worth another look only if the file was empty or was changed just now.
    const empty = read.text.trim() === '';
    if (attempt === RETRIES || (!empty && Date.now() - read.mtimeMs > 1000)) break;
    await sleep(RETRY_MS);
    if (empty) continue;
    const now = await stat(path).catch(() => undefined);
    if (!now || (now.size === read.size && now.mtimeMs === read.mtimeMs)) break;
  }
  return last!;
}
