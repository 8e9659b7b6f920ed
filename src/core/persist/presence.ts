// Who else has this plan open: a small JSON file in the plan's `.planboard/` folder
// (`NAME.presence.json`), replaced atomically under its own lock: written to an exclusive,
// unguessable temp file (never through a symlink) and renamed over, so a link planted at the
// presence file's name is replaced, never followed. Entries whose process is gone are dropped:
// on this host we ask the kernel (`kill(pid, 0)`); for other hosts we trust a heartbeat.
import { closeSync, openSync, readFileSync, readlinkSync, renameSync, unlinkSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { hostname, userInfo } from 'node:os';
import { breakDeadLock, planRealPath, withRuntimeLock } from './lock.js';
import { EXCLUSIVE, pidAlive, READ_NOFOLLOW, runtimeDirOf, sweepTemps, tempName, writeExclusiveSync } from './runtime-dir.js';


export interface PresenceEntry {
  user: string;
  tty: string;
  pid: number;
  host: string;
  /** When this session opened the plan (ISO instant: this is a clock time, not a plan date). */
  since: string;
  /** Last heartbeat, ms since epoch. */
  beat: number;
}

export interface PresenceOptions {
  heartbeatMs?: number;
  /** Entries from other hosts with no heartbeat for this long are dropped. */
  staleMs?: number;
}

/** The presence file of a plan, given the plan's real path. */
export const presencePath = (planReal: string): string => join(runtimeDirOf(planReal), `${basename(planReal)}.presence.json`);

function ttyName(): string {
  try {
    const t = readlinkSync('/proc/self/fd/0');
    if (t.startsWith('/dev/')) return t.slice(5);
  } catch {
    /* not Linux, or no stdin */
  }
  return process.env.SSH_TTY?.replace(/^\/dev\//, '') ?? (process.stdin.isTTY ? 'tty' : '-');
}

function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.LOGNAME ?? '?';
  }
}

export function isLive(e: PresenceEntry, now: number, staleMs: number, host = hostname()): boolean {
  if (e.host === host) return pidAlive(e.pid);
  return now - e.beat <= staleMs;
}

function parseEntries(text: string): PresenceEntry[] {
  try {
    const v = JSON.parse(text) as { sessions?: unknown };
    return Array.isArray(v.sessions)
      ? (v.sessions as PresenceEntry[]).filter((e) => e && typeof e.pid === 'number' && typeof e.host === 'string')
      : [];
  } catch {
    return [];
  }
}

async function readEntries(file: string): Promise<PresenceEntry[]> {
  let h: Awaited<ReturnType<typeof open>> | undefined;
  try {
    h = await open(file, READ_NOFOLLOW);
    if (!(await h.stat()).isFile()) return [];
    return parseEntries(await h.readFile('utf8'));
  } catch {
    return [];
  } finally {
    await h?.close();
  }
}

const body = (entries: PresenceEntry[]) => JSON.stringify({ sessions: entries }, null, 2) + '\n';

async function writeEntries(file: string, entries: PresenceEntry[]): Promise<void> {
  if (!entries.length) {
    await unlink(file).catch(() => undefined);
    return;
  }
  const tmp = join(dirname(file), tempName('presence'));
  const h = await open(tmp, EXCLUSIVE, 0o644);
  try {
    await h.writeFile(body(entries));
    // Readable by everyone who may open the plan (the folder's group), whatever our umask.
    await h.chmod(0o644);
  } finally {
    await h.close();
  }
  await rename(tmp, file).catch(async (e) => {
    await unlink(tmp).catch(() => undefined);
    throw e;
  });
}

/** Live sessions on the plan (including our own, if joined). */
export async function readPresence(plan: string, opts: PresenceOptions = {}): Promise<PresenceEntry[]> {
  const now = Date.now();
  const staleMs = opts.staleMs ?? 60_000;
  return (await readEntries(presencePath(await planRealPath(plan)))).filter((e) => isLive(e, now, staleMs));
}

export interface Presence {
  /** Other live sessions, freshly read. */
  others(): Promise<PresenceEntry[]>;
  leave(): Promise<void>;
}

const sameSession = (a: PresenceEntry, b: PresenceEntry) => a.pid === b.pid && a.host === b.host;

/**
 * Registers this process as having the plan open and keeps a heartbeat. A directory we cannot
 * write to just means others will not see us; reading still works.
 */
export async function joinPresence(plan: string, opts: PresenceOptions = {}): Promise<Presence> {
  const real = await planRealPath(plan);
  const file = presencePath(real);
  const staleMs = opts.staleMs ?? 60_000;
  const me: PresenceEntry = {
    user: userName(),
    tty: ttyName(),
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    beat: Date.now(),
  };
  const update = (mine: PresenceEntry | undefined) =>
    withRuntimeLock(
      real,
      `${basename(real)}.presence`,
      plan,
      async () => {
        const now = Date.now();
        const rest = (await readEntries(file)).filter((e) => !sameSession(e, me) && isLive(e, now, staleMs));
        await writeEntries(file, mine ? [...rest, { ...mine, beat: now }] : rest);
      },
      { waitMs: 3000 },
    ).catch(() => undefined);

  await update(me);
  // Leftovers of processes that died on this host: temp files and a lock they held.
  try {
    sweepTemps(real);
    await breakDeadLock(join(runtimeDirOf(real), `${basename(real)}.lock`));
  } catch {
    /* best effort */
  }
  const timer = setInterval(() => void update(me), opts.heartbeatMs ?? 15_000);
  timer.unref();
  // A normal exit removes us synchronously (no lock: best effort; crashes are cleaned by others).
  const onExit = () => {
    let tmp = '';
    try {
      const fd = openSync(file, READ_NOFOLLOW);
      let rest: PresenceEntry[];
      try {
        rest = parseEntries(readFileSync(fd, 'utf8')).filter((e) => !sameSession(e, me));
      } finally {
        closeSync(fd);
      }
      if (rest.length) {
        tmp = join(dirname(file), tempName('presence'));
        writeExclusiveSync(tmp, body(rest));
        renameSync(tmp, file);
        tmp = '';
      } else unlinkSyncQuiet(file);
    } catch {
      /* nothing to clean */
    }
    if (tmp) unlinkSyncQuiet(tmp);
  };
  process.once('exit', onExit);
  let left = false;
  return {
    async others() {
      const now = Date.now();
      return (await readEntries(file)).filter((e) => !sameSession(e, me) && isLive(e, now, staleMs));
    },
    async leave() {
      if (left) return;
      left = true;
      clearInterval(timer);
      process.removeListener('exit', onExit);
      await update(undefined);
    },
  };
}

function unlinkSyncQuiet(file: string) {
  try {
    unlinkSync(file);
  } catch {
    /* already gone */
  }
}
