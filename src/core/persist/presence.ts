// Who else has this plan open: a small JSON file beside the plan (`.NAME.planboard-presence.json`),
// updated atomically under its own lock. Entries whose process is gone are dropped: on this host
// we ask the kernel (`kill(pid, 0)`); for other hosts we trust a heartbeat that goes stale.
import { readFileSync, readlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { readFile, rename, writeFile, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { hostname, userInfo } from 'node:os';
import { withPlanLock } from './lock.js';

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

export const presencePath = (plan: string): string => join(dirname(plan), `.${basename(plan)}.planboard-presence.json`);

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

/** Alive on this host? EPERM means it exists but belongs to someone else: alive. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
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
  return parseEntries(await readFile(file, 'utf8').catch(() => ''));
}

async function writeEntries(file: string, entries: PresenceEntry[]): Promise<void> {
  if (!entries.length) {
    await unlink(file).catch(() => undefined);
    return;
  }
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify({ sessions: entries }, null, 2) + '\n');
  await rename(tmp, file);
}

/** Live sessions on the plan (including our own, if joined). */
export async function readPresence(plan: string, opts: PresenceOptions = {}): Promise<PresenceEntry[]> {
  const now = Date.now();
  const staleMs = opts.staleMs ?? 60_000;
  return (await readEntries(presencePath(plan))).filter((e) => isLive(e, now, staleMs));
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
  const file = presencePath(plan);
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
    withPlanLock(
      file,
      async () => {
        const now = Date.now();
        const rest = (await readEntries(file)).filter((e) => !sameSession(e, me) && isLive(e, now, staleMs));
        await writeEntries(file, mine ? [...rest, { ...mine, beat: now }] : rest);
      },
      { waitMs: 3000 },
    ).catch(() => undefined);

  await update(me);
  const timer = setInterval(() => void update(me), opts.heartbeatMs ?? 15_000);
  timer.unref();
  // A normal exit removes us synchronously (no lock: best effort; crashes are cleaned by others).
  const onExit = () => {
    try {
      const rest = parseEntries(readFileSync(file, 'utf8')).filter((e) => !sameSession(e, me));
      if (rest.length) writeFileSync(file, JSON.stringify({ sessions: rest }, null, 2) + '\n');
      else unlinkSyncQuiet(file);
    } catch {
      /* nothing to clean */
    }
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
