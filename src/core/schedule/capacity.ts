// Capacity per lane and period: hours available from today on (from the scheduler's own
// calendar; a period that began before today counts only its days from today), planned (booked
// by the forward pass), logged (time entries of the lane's issues), free (available − planned −
// hours logged from today on), and whether the lane is over-allocated (free below zero). By
// sprint, also the hours each sprint commits the lane to (its open issues' work), and over when
// that exceeds what the lane has in the sprint.
import type { Model } from '../plan/model.js';
import { calendarFor } from './calendar.js';
import {
  endOfISOWeek, endOfMonth, endOfQuarter, getISOWeek, getISOWeekYear, getQuarter, startOfISOWeek, startOfMonth, startOfQuarter,
} from 'date-fns';
import { dayOf, formatISODate, parseISODate, ymd, type DayNum } from './dates.js';
import type { CapacityCell, LaneCapacity, Period, Schedule } from './types.js';

export interface PeriodSpan {
  key: string;
  start: DayNum;
  end: DayNum;
}

/** The period (week / month / quarter) that contains `day`; boundaries and ISO weeks from date-fns. */
export function periodOf(period: Exclude<Period, 'sprint'>, day: DayNum): PeriodSpan {
  // A calendar day as a local Date, and back: date-fns works in local time, so the round trip is
  // the same day in every zone. Called once per period, never in the scheduler's day loop.
  const { y, m, d } = ymd(day);
  const date = new Date(y, m - 1, d);
  const dayNum = (t: Date): DayNum => dayOf(t.getFullYear(), t.getMonth() + 1, t.getDate());
  if (period === 'week') {
    const key = `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`;
    return { key, start: dayNum(startOfISOWeek(date)), end: dayNum(endOfISOWeek(date)) };
  }
  if (period === 'month') return { key: `${y}-${String(m).padStart(2, '0')}`, start: dayNum(startOfMonth(date)), end: dayNum(endOfMonth(date)) };
  return { key: `${y}-Q${getQuarter(date)}`, start: dayNum(startOfQuarter(date)), end: dayNum(endOfQuarter(date)) };
}

/** Consecutive periods covering [from, to]; sprints are the schedule's sprints. */
export function periodsBetween(period: Period, from: DayNum, to: DayNum, schedule: Schedule): PeriodSpan[] {
  if (period === 'sprint') {
    return schedule.sprints.map((s) => ({ key: s.name, start: parseISODate(s.start), end: parseISODate(s.end) }));
  }
  const out: PeriodSpan[] = [];
  for (let d = from; d <= to; ) {
    const p = periodOf(period, d);
    out.push(p);
    d = p.end + 1;
  }
  return out;
}

/**
 * Capacity per lane (the schedule's lanes) and period. The default range runs from the period
 * holding "today" to the one holding the plan's finish; sprints are all of the plan's sprints.
 */
export function capacityByPeriod(
  model: Model,
  schedule: Schedule,
  period: Period,
  range: { from?: string; to?: string; whole?: boolean } = {},
): LaneCapacity[] {
  const cal = calendarFor(model);
  const today = parseISODate(schedule.today);
  // `whole`: count every day of each period (hours logged against what the period held).
  const since = range.whole ? -Infinity : today;
  const from = range.from ? parseISODate(range.from) : today;
  const to = range.to ? parseISODate(range.to) : Math.max(today, schedule.finish ? parseISODate(schedule.finish) : today);
  const spans = periodsBetween(period, from, to, schedule);
  const find = (day: DayNum): number => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (day < spans[mid].start) hi = mid - 1;
      else if (day > spans[mid].end) lo = mid + 1;
      else return mid;
    }
    return -1;
  };

  // Logged hours per lane per period, from each issue's time entries; those logged from today on
  // also use up the period's hours (days before today are neither available nor free).
  const logged = new Map<string, Float64Array>();
  const loggedAhead = new Map<string, Float64Array>();
  for (const issue of model.issues) {
    if (issue.log.length === 0) continue;
    const lane = schedule.byId.get(issue.id)?.lane;
    if (lane === undefined) continue;
    let row = logged.get(lane);
    if (!row) logged.set(lane, (row = new Float64Array(spans.length)));
    let ahead = loggedAhead.get(lane);
    if (!ahead) loggedAhead.set(lane, (ahead = new Float64Array(spans.length)));
    for (const e of issue.log) {
      const day = parseISODate(e.date);
      const k = find(day);
      if (k >= 0) row[k] += e.hours;
      if (k >= 0 && day >= since) ahead[k] += e.hours;
    }
  }

  // By sprint: what each sprint commits each lane to (the open work planned in it, estimated
  // or sized from the sprint), which may exceed what the lane can book there.
  const committed = new Map<string, Float64Array>();
  if (period === 'sprint') {
    const index = new Map(spans.map((sp, k) => [sp.key, k]));
    for (const x of schedule.issues) {
      const k = x.sprint === undefined ? undefined : index.get(x.sprint);
      if (k === undefined || x.remainingHours <= 0 || model.byId.get(x.id)?.done) continue;
      let row = committed.get(x.lane);
      if (!row) committed.set(x.lane, (row = new Float64Array(spans.length)));
      row[k] += x.remainingHours;
    }
  }

  return schedule.lanes.map((lane): LaneCapacity => {
    const planned = new Float64Array(spans.length);
    for (const [date, hours] of schedule.booked.get(lane) ?? []) {
      const k = find(parseISODate(date));
      if (k >= 0) planned[k] += hours;
    }
    const periods = spans.map((s, k): CapacityCell => {
      let available = 0;
      for (let d = Math.max(s.start, since); d <= s.end; d++) available += cal.laneHours(lane, d);
      const log = logged.get(lane)?.[k] ?? 0;
      const ahead = loggedAhead.get(lane)?.[k] ?? 0;
      const free = available - planned[k] - ahead;
      const commit = period === 'sprint' ? (committed.get(lane)?.[k] ?? 0) : undefined;
      return {
        ...(commit !== undefined ? { committedHours: round(commit) } : {}),
        period: s.key,
        start: formatISODate(s.start),
        end: formatISODate(s.end),
        availableHours: round(available),
        plannedHours: round(planned[k]),
        loggedHours: round(log),
        freeHours: round(free),
        over: free < -1e-6 || (commit !== undefined && available - commit - ahead < -1e-6),
      };
    });
    return { lane, periods };
  });
}

const round = (h: number) => Math.round(h * 1000) / 1000;
