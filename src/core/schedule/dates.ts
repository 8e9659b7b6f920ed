// Date-only arithmetic. A date is a day number counted from 1970-01-01, computed with
// Date.UTC so the machine's time zone never enters: no instant, no off-by-one at midnight.
import { DATE_RE } from '../plan/format.js';
import { ScheduleError } from './errors.js';

export type DayNum = number;
const MS_PER_DAY = 86_400_000;

/** `YYYY-MM-DD` → day number. Throws ScheduleError on a malformed or impossible date (2026-02-30). */
export function parseISODate(iso: string): DayNum {
  if (typeof iso !== 'string' || !DATE_RE.test(iso)) throw new ScheduleError(`bad date "${iso}": expected YYYY-MM-DD`);
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
    throw new ScheduleError(`bad date "${iso}": no such day`);
  }
  return Math.round(ms / MS_PER_DAY);
}

/** Whether a string is a real calendar date in `YYYY-MM-DD` form. */
export function isISODate(iso: string): boolean {
  try {
    parseISODate(iso);
    return true;
  } catch {
    return false;
  }
}

// The schedule formats the same few hundred days thousands of times (five dates per issue, each
// lane's booked days): each day is formatted once.
const formatted = new Map<DayNum, string>();

/** Day number → `YYYY-MM-DD`. */
export function formatISODate(day: DayNum): string {
  let s = formatted.get(day);
  if (s === undefined) {
    s = formatDay(day);
    if (formatted.size >= 100_000) formatted.clear();
    formatted.set(day, s);
  }
  return s;
}

function formatDay(day: DayNum): string {
  const t = new Date(day * MS_PER_DAY);
  const y = t.getUTCFullYear();
  const m = t.getUTCMonth() + 1;
  const d = t.getUTCDate();
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The local calendar date of an instant (the user's "today"). */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = now.getMonth() + 1;
  const d = now.getDate();
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Weekday with Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday). */
export function weekdayOf(day: DayNum): number {
  return (((day + 3) % 7) + 7) % 7;
}

export const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export function addDays(iso: string, n: number): string {
  return formatISODate(parseISODate(iso) + n);
}

/** Year, month (1–12) and day of a day number. */
export function ymd(day: DayNum): { y: number; m: number; d: number } {
  const t = new Date(day * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function dayOf(y: number, m: number, d: number): DayNum {
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}
