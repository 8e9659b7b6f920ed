// Parsed plans remembered between runs: the checked data of a plan that read clean through the
// fast read, under the hash of its text and planboard's version, in the user's cache directory.
// A hit skips the YAML parse and the checks (the same text and the same code give the same data);
// the model and everything after it are built from that data as on a miss, so output is the same.
//
// The same directory holds commands' computed output (outputCacheKey: see cli/output-cache.ts),
// under the hash of everything the output was computed from, the build's own hash among it.
//
// Never trusted across users: the directory must be a real directory (no symlink) owned by us and
// writable by nobody else, checked before any read; an entry must be a regular file owned by us,
// writable by nobody else, reached without a symlink, naming its own key and version. Anything
// else (unreadable, corrupt, mismatched) is ignored and the plan read afresh, never an error.
// Entries are written to an exclusive temp file and renamed into place, and the oldest pruned.
import { constants, closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync, renameSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { PlanData } from '../plan/model.js';
import { emptyFile, loadCheckedPlan, type LoadResult } from '../plan/loaded-plan.js';
import { makeDirs } from './make-dirs.js';

/** Bumped whenever what an entry holds changes shape. */
const FORMAT = 1;
/** At most this many entries, and this many bytes in all: the oldest go first. */
export const MAX_ENTRIES = 32;
export const MAX_BYTES = 64 * 1024 * 1024;
/** A plan may be 20 MB; its data as JSON is about as big. */
const MAX_ENTRY_BYTES = 48 * 1024 * 1024;

/** `$XDG_CACHE_HOME/planboard` or `~/.cache/planboard`; none with PLANBOARD_NO_CACHE=1. */
export function planCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.PLANBOARD_NO_CACHE === '1') return undefined;
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'planboard');
  const home = env.HOME || homedir();
  return home && isAbsolute(home) ? join(home, '.cache', 'planboard') : undefined;
}

/** The entry's key: the text and the code that read it. */
export function planCacheKey(text: string, version: string): string {
  return createHash('sha256').update(`planboard ${version}\0format ${FORMAT}\0`).update(text).digest('hex');
}

const uid = () => process.getuid?.() ?? -1;
/** Ours, and writable by nobody else. */
const trusted = (st: { uid: number; mode: number }) => st.uid === uid() && (st.mode & 0o022) === 0;

/** The directory, if it is ours to trust; `create` makes it (0700) when missing. */
function trustedDir(dir: string, create: boolean): boolean {
  let st = lstatSync(dir, { throwIfNoEntry: false });
  if (!st && create) {
    try {
      makeDirs(dir, 0o700);
    } catch {
      return false;
    }
    st = lstatSync(dir, { throwIfNoEntry: false });
  }
  return !!st && st.isDirectory() && !st.isSymbolicLink() && trusted(st);
}

function readAll(fd: number, size: number): Buffer {
  const buf = Buffer.alloc(size);
  let n = 0;
  while (n < size) {
    const got = readSync(fd, buf, n, size - n, n);
    if (got === 0) break;
    n += got;
  }
  return buf.subarray(0, n);
}

/** The cached data for this key, or undefined (no entry, or one not to trust). */
export function readCachedPlan(dir: string, key: string, version: string): PlanData | undefined {
  const data = readEntry(dir, key, version);
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as PlanData) : undefined;
}

/** What an entry holds, if the directory and the entry are ours to trust and it names this key and version. */
function readEntry(dir: string, key: string, version: string): unknown {
  try {
    if (!trustedDir(dir, false)) return undefined;
    const path = join(dir, `${key}.json`);
    const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    let bytes: Buffer;
    try {
      const st = fstatSync(fd);
      if (!st.isFile() || !trusted(st) || st.size > MAX_ENTRY_BYTES) return undefined;
      bytes = readAll(fd, st.size);
    } finally {
      closeSync(fd);
    }
    const entry = JSON.parse(bytes.toString('utf8')) as { format?: unknown; key?: unknown; version?: unknown; data?: unknown };
    if (entry?.format !== FORMAT || entry.key !== key || entry.version !== version) return undefined;
    // Recently used: the last to be pruned.
    const now = new Date();
    try {
      utimesSync(path, now, now);
    } catch {
      // a read-only cache still serves
    }
    return entry.data;
  } catch {
    return undefined;
  }
}

/** Remembers `data` for this key; any failure leaves the cache as it was. */
export function writeCachedPlan(dir: string, key: string, version: string, data: PlanData): void {
  writeEntry(dir, key, version, data);
}

function writeEntry(dir: string, key: string, version: string, data: unknown): void {
  try {
    if (!trustedDir(dir, true)) return;
    const body = JSON.stringify({ format: FORMAT, key, version, data });
    if (body.length > MAX_ENTRY_BYTES) return;
    const tmp = join(dir, `${key}.${process.pid}.${randomBytes(8).toString('hex')}.tmp`);
    const fd = openSync(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | constants.O_NOFOLLOW, 0o600);
    try {
      const buf = Buffer.from(body, 'utf8');
      let n = 0;
      while (n < buf.length) n += writeSync(fd, buf, n, buf.length - n);
    } catch {
      closeSync(fd);
      unlinkSync(tmp);
      return;
    }
    closeSync(fd);
    renameSync(tmp, join(dir, `${key}.json`));
    prune(dir);
  } catch {
    // a full disk or a read-only home: no cache, same output
  }
}

/** Keeps the newest MAX_ENTRIES entries within MAX_BYTES; drops temp files left by a crash. */
function prune(dir: string): void {
  const entries: { path: string; size: number; mtime: number }[] = [];
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st?.isFile()) continue;
    if (name.endsWith('.tmp')) {
      if (now - st.mtimeMs > 60_000) unlinkSync(path);
      continue;
    }
    if (name.endsWith('.json')) entries.push({ path, size: st.size, mtime: st.mtimeMs });
  }
  entries.sort((a, b) => b.mtime - a.mtime);
  let bytes = 0;
  entries.forEach((e, i) => {
    bytes += e.size;
    if (i >= MAX_ENTRIES || bytes > MAX_BYTES) unlinkSync(e.path);
  });
}

/**
 * What a command printed, remembered under the hash of everything it was computed from: the
 * build (a hash of its sources), the command and its options, the plan's path and text, and
 * "today". A read-only command whose output takes long to compute (the Monte Carlo odds) prints
 * it again from here when nothing it depends on has changed.
 */
export function outputCacheKey(parts: readonly string[], text: string): string {
  const hash = createHash('sha256').update(`planboard output\0format ${FORMAT}\0`);
  for (const p of parts) hash.update(`${p.length}:${p}\0`);
  return hash.update(text).digest('hex');
}

export function readCachedOutput(dir: string, key: string, build: string): string | undefined {
  const out = readEntry(dir, key, build);
  return typeof out === 'string' ? out : undefined;
}

export function writeCachedOutput(dir: string, key: string, build: string, out: string): void {
  writeEntry(dir, key, build, out);
}

/**
 * loadPlanTextLazily with the cache: a hit is loaded as the fast read would load it, without
 * loading any parser; a plan the fast read accepts is remembered; anything else is read as always
 * and never cached.
 */
export async function loadPlanTextCached(text: string, file: string, version: string, dir = planCacheDir()): Promise<LoadResult> {
  const empty = emptyFile(text, file);
  if (empty) return empty;
  const key = dir === undefined ? '' : planCacheKey(text, version);
  const cached = dir === undefined ? undefined : readCachedPlan(dir, key, version);
  if (cached) return loadCheckedPlan(text, file, cached);
  const read = await import('../plan/load-fast.js');
  const early = read.fromMemo(text, file);
  if (early) return early;
  if (dir === undefined) return read.loadPlanTextLazily(text, file);
  const fast = read.loadPlanTextFast(text, file);
  if (!fast) return read.loadPlanTextPrecisely(text, file);
  if (fast.ok) writeCachedPlan(dir, key, version, fast.plan.data);
  return fast;
}
