// The working calendar every part of the engine shares: which days count, and how many hours
// each lane has on each day.
//
// Rule for weekly capacities (`8h/w`): a lane gets hours-per-week ÷ the plan's NORMAL number of
// working weekdays on each working day (8h/w over mon–fri = 1.6h a day). A holiday, a freeze or
// time off removes that day's share; the rest of the week does not absorb it. This is
// TaskJuggler's behaviour for a part-time resource (a daily share of its working time, lost on
// vacation days) rather than a bare weekly cap that would pile 8h onto Monday, and it makes
// capacity add up per day: a month with five Mondays has more hours than one with four.
// Daily capacities (`6h/d`) give that many hours on each working day.
import type { Issue, Lane, Model } from '../plan/model.js';
import { formatISODate, parseISODate, weekdayOf, WEEKDAY_NAMES, type DayNum } from './dates.js';
import { ScheduleError } from './errors.js';

type Cap = { hours: number; per: 'w' | 'd' };

export interface LaneCalendar {
  id: string;
  base: Cap;
  /** Capacity changes, sorted by day. */
  changes: { from: DayNum; capacity: Cap }[];
  off: Set<DayNum>;
}

interface RestrictedFreeze {
  from: DayNum;
  to: DayNum;
  tracks: Set<string>;
  labels: Set<string>;
}

const expand = (from: DayNum, to: DayNum, into: Set<DayNum>) => {
  for (let d = from; d <= to; d++) into.add(d);
};

export class WorkCalendar {
  readonly weekly: boolean[];
  /** Working weekdays in a normal week. */
  readonly normalDays: number;
  readonly hoursPerDay: number;
  /** Days off for everyone: holidays and freezes that stop every issue. */
  readonly closed = new Set<DayNum>();
  readonly restricted: RestrictedFreeze[] = [];
  readonly lanes = new Map<string, LaneCalendar>();
  // Working-day ordinals over [base, base + ord.length): ord[i] = working days in [base, base + i).
  private base = 0;
  private ord = new Int32Array(0);
  private workList: DayNum[] = [];

  constructor(model: Model) {
    this.hoursPerDay = model.hoursPerDay;
    this.weekly = WEEKDAY_NAMES.map((w) => model.workdays.includes(w));
    this.normalDays = this.weekly.filter(Boolean).length;
    if (this.normalDays === 0) throw new ScheduleError('the plan has no working weekdays (workdays is empty)');
    const cal = model.data.calendar;
    for (const h of cal?.holidays ?? []) {
      if (typeof h === 'string') this.closed.add(parseISODate(h));
      else expand(parseISODate(h.from), parseISODate(h.to), this.closed);
    }
    for (const f of cal?.freezes ?? []) {
      const from = parseISODate(f.from);
      const to = parseISODate(f.to);
      if (f.tracks?.length || f.labels?.length) {
        this.restricted.push({ from, to, tracks: new Set(f.tracks ?? []), labels: new Set(f.labels ?? []) });
      } else expand(from, to, this.closed);
    }
    for (const lane of model.lanes) this.addLane(lane);
  }

  addLane(lane: Pick<Lane, 'id' | 'capacity' | 'timeOff' | 'changes'>): void {
    const off = new Set<DayNum>();
    for (const t of lane.timeOff) expand(parseISODate(t.from), parseISODate(t.to), off);
    const changes = lane.changes
      .map((c) => ({ from: parseISODate(c.from), capacity: c.capacity }))
      .sort((a, b) => a.from - b.from);
    this.lanes.set(lane.id, { id: lane.id, base: lane.capacity, changes, off });
  }

  /** A full-time lane: the plan's hours per day on every working day (used for UNASSIGNED). */
  addFullTimeLane(id: string): void {
    if (!this.lanes.has(id)) this.addLane({ id, capacity: { hours: this.hoursPerDay, per: 'd' }, timeOff: [], changes: [] });
  }

  isWorkingDay(day: DayNum): boolean {
    return this.weekly[weekdayOf(day)] && !this.closed.has(day);
  }

  /** Hours lane `id` can work on `day`. */
  laneHours(id: string, day: DayNum): number {
    if (!this.isWorkingDay(day)) return 0;
    const lane = this.lanes.get(id);
    if (!lane || lane.off.has(day)) return 0;
    return this.laneRate(id, day);
  }

  /** Hours lane `id` works on a normal working day around `day`, ignoring days off. */
  laneRate(id: string, day: DayNum): number {
    const lane = this.lanes.get(id);
    if (!lane) return 0;
    let cap = lane.base;
    for (let i = lane.changes.length - 1; i >= 0; i--) {
      if (lane.changes[i].from <= day) {
        cap = lane.changes[i].capacity;
        break;
      }
    }
    return cap.per === 'd' ? cap.hours : cap.hours / this.normalDays;
  }

  /**
   * A lane's pace: its fullest day's hours (the highest capacity it has from `from` on). The lane
   * works at this pace through each working day while it has work, and stops for the day once
   * that day's hours are booked (on a day of lower capacity, before the day ends).
   */
  lanePace(id: string, from: DayNum): number {
    const lane = this.lanes.get(id);
    if (!lane) return 0;
    const rate = (c: Cap) => (c.per === 'd' ? c.hours : c.hours / this.normalDays);
    let top = 0;
    lane.changes.forEach((c, k) => {
      const until = k + 1 < lane.changes.length ? lane.changes[k + 1].from : Infinity;
      if (until > from) top = Math.max(top, rate(c.capacity));
    });
    if (lane.changes.length === 0 || lane.changes[0].from > from) top = Math.max(top, rate(lane.base));
    return top;
  }

  /** Freeze windows that stop this issue in particular (by track or label). */
  freezesFor(issue: Pick<Issue, 'track' | 'labels'>): { from: DayNum; to: DayNum }[] {
    return this.restricted.filter(
      (f) => (issue.track !== undefined && f.tracks.has(issue.track)) || issue.labels.some((l) => f.labels.has(l)),
    );
  }

  /** Working days strictly before `day`, counted from an internal origin (for differences only). */
  ordinal(day: DayNum): number {
    this.cover(day, day);
    return this.ord[day - this.base];
  }

  /** The n-th working day after `day` (n > 0), before it (n < 0), or `day` itself (n = 0). */
  addWorkingDays(day: DayNum, n: number): DayNum {
    if (n === 0) return day;
    // Enough room: a working day at least every 7 days unless holidays pile up; cover() retries.
    for (let span = Math.abs(n) * 2 + 14; ; span *= 2) {
      if (n > 0) this.cover(day, day + span);
      else this.cover(day - span, day);
      const idx = n > 0 ? this.ord[day + 1 - this.base] + n - 1 : this.ord[day - this.base] + n;
      const hit = this.workList[idx];
      if (hit !== undefined && (n > 0 ? hit > day && hit - this.base < this.ord.length : hit < day && hit >= this.base)) {
        return hit;
      }
      if (span > 366 * 400) throw new ScheduleError('no working day found within 400 years');
    }
  }

  /** First working day on or after `day`. */
  nextWorkingDay(day: DayNum): DayNum {
    return this.isWorkingDay(day) ? day : this.addWorkingDays(day, 1);
  }

  /** Working days d with from < d ≤ to; negative when to < from. */
  workingDaysBetween(from: DayNum, to: DayNum): number {
    return this.ordinal(to + 1) - this.ordinal(from + 1);
  }

  /** Working days in [from, to], both ends included. */
  countWorkingDays(from: DayNum, to: DayNum): number {
    return to < from ? 0 : this.ordinal(to + 1) - this.ordinal(from);
  }

  private cover(lo: DayNum, hi: DayNum): void {
    const end = this.base + this.ord.length - 1; // last day with a valid ordinal
    if (this.ord.length > 0 && lo >= this.base && hi + 1 <= end) return;
    const newLo = this.ord.length === 0 ? lo - 400 : Math.min(lo, this.base) - Math.max(400, this.ord.length);
    const newHi = this.ord.length === 0 ? hi + 800 : Math.max(hi + 1, end) + Math.max(800, this.ord.length);
    const ord = new Int32Array(newHi - newLo + 1);
    const list: DayNum[] = [];
    let count = 0;
    for (let d = newLo; d <= newHi; d++) {
      ord[d - newLo] = count;
      if (this.isWorkingDay(d)) {
        list.push(d);
        count++;
      }
    }
    this.base = newLo;
    this.ord = ord;
    this.workList = list;
  }
}

// One calendar per model: models are immutable snapshots, so a WeakMap cache is safe.
const cache = new WeakMap<Model, WorkCalendar>();
export function calendarFor(model: Model): WorkCalendar {
  let cal = cache.get(model);
  if (!cal) {
    cal = new WorkCalendar(model);
    cache.set(model, cal);
  }
  return cal;
}

// ISO-string helpers for the rest of the program (the board, reports).
export const isWorkingDay = (model: Model, date: string): boolean => calendarFor(model).isWorkingDay(parseISODate(date));
export const addWorkingDays = (model: Model, date: string, n: number): string =>
  formatISODate(calendarFor(model).addWorkingDays(parseISODate(date), n));
/** Working days d with from < d ≤ to (negative when to is before from). */
export const workingDaysBetween = (model: Model, from: string, to: string): number =>
  calendarFor(model).workingDaysBetween(parseISODate(from), parseISODate(to));
/** Hours lane `lane` has on `date` (0 on days off). */
export const laneHoursOn = (model: Model, lane: string, date: string): number =>
  calendarFor(model).laneHours(lane, parseISODate(date));

