// Per milestone: how much work, how far along, when it lands (expected / optimistic /
// pessimistic), the verdict against its deadline, and whether the remaining work fits in the
// hours its lanes have left before the deadline.
// - late: the expected finish misses the deadline; at-risk: only the pessimistic one does.
// - slip: working days from the deadline to the expected finish.
// - fits: the remaining work, plus the open work of milestones due earlier on the same lanes,
//   fits in the hours those lanes have from today to the deadline.
// - Done work is the estimate already behind us (a done issue's whole estimate, an in-progress
//   issue's logged hours up to its estimate).
import type { Model } from '../plan/model.js';
import type { WorkCalendar } from './calendar.js';
import { formatISODate, parseISODate, type DayNum } from './dates.js';
import type { Work } from './estimates.js';
import type { PassResult } from './forward.js';
import type { LaneDayHours } from './pass-buffers.js';
import type { MilestoneForecast, Verdict } from './types.js';

export interface ForecastInput {
  model: Model;
  cal: WorkCalendar;
  today: DayNum;
  work: Work[];
  covered: Map<string, number[]>;
  exp: PassResult;
  opt: PassResult;
  pes: PassResult;
  laneOf: Int32Array;
  lanes: string[];
  /** Velocity factor applied to remaining work (1 without). */
  factor: number;
  /** Hours each issue still holds as the expected pass booked them (sprint shares included). */
  booked: Float64Array;
  /** The passes' table of each lane's hours per day (indexed like `lanes`), when there is one. */
  laneHours?: LaneDayHours;
}

export function forecastMilestones(f: ForecastInput): MilestoneForecast[] {
  const { model, cal, today, work } = f;
  const doneOn = Float64Array.from(model.issues, (x) => (x.done && x.doneOn ? parseISODate(x.doneOn) : -Infinity));
  // When an issue is over, for one pass: its last booked day or its external wait, whichever is later.
  const finishOf = (pass: PassResult, i: number): number => {
    if (model.issues[i].done) return doneOn[i];
    const end = pass.end[i];
    if (Number.isNaN(end)) return NaN;
    return Number.isNaN(pass.extEnd[i]) ? end : Math.max(end, pass.extEnd[i]);
  };
  const landing = (pass: PassResult, ids: number[]): string | null => {
    let last = -Infinity;
    for (const i of ids) {
      const d = finishOf(pass, i);
      if (Number.isNaN(d)) return null;
      if (d > last) last = d;
    }
    return last === -Infinity ? null : formatISODate(last);
  };

  // Open issue indices per milestone, for counting the work of earlier milestones on a lane.
  const deadlineOf = model.milestones.map((m) => (m.deadline ? parseISODate(m.deadline) : Infinity));
  const openOf = model.milestones.map((m) => (f.covered.get(m.id) ?? []).filter((i) => !model.issues[i].done));
  return model.milestones.map((m, mi): MilestoneForecast => {
    const ids = f.covered.get(m.id) ?? [];
    let estimate = 0;
    let doneHours = 0;
    let remaining = 0;
    let unestimated = 0;
    let doneCount = 0;
    const lanes = new Set<number>();
    for (const i of ids) {
      const w = work[i];
      const est = w.estimate?.expected ?? 0;
      estimate += est;
      doneHours += est - w.remaining.expected;
      remaining += w.remaining.expected * f.factor;
      if (model.issues[i].done) doneCount++;
      else {
        if (w.unestimated) unestimated++;
        lanes.add(f.laneOf[i]);
      }
    }
    const expected = landing(f.exp, ids);
    const optimistic = landing(f.opt, ids);
    const pessimistic = landing(f.pes, ids);
    const deadline = m.deadline ?? null;
    let verdict: Verdict | null = null;
    let slipDays = 0;
    let capacityHoursLeft: number | null = null;
    let aheadHours = 0;
    if (deadline) {
      const dl = parseISODate(deadline);
      // No date at all: late when open work cannot be scheduled, on track when all is done.
      const misses = (x: string | null) => (x === null ? doneCount < ids.length : parseISODate(x) > dl);
      verdict = misses(expected) ? 'late' : misses(pessimistic) ? 'at-risk' : 'on-track';
      if (expected !== null && parseISODate(expected) > dl) slipDays = cal.workingDaysBetween(dl, parseISODate(expected));
      capacityHoursLeft = 0;
      const table = f.laneHours;
      for (const l of lanes) for (let d = today; d <= dl; d++) capacityHoursLeft += table ? table.at(l, d) : cal.laneHours(f.lanes[l], d);
      // The same lanes must first deliver every milestone due earlier (or as early, listed first).
      const counted = new Set(ids);
      for (let k = 0; k < model.milestones.length; k++) {
        if (k === mi || !(deadlineOf[k] < dl || (deadlineOf[k] === dl && k < mi))) continue;
        for (const i of openOf[k]) {
          if (counted.has(i) || !lanes.has(f.laneOf[i])) continue;
          counted.add(i);
          aheadHours += f.booked[i];
        }
      }
    }
    return {
      id: m.id,
      ...(m.title !== undefined ? { title: m.title } : {}),
      deadline,
      issues: ids.map((i) => model.issues[i].id),
      estimateHours: estimate,
      doneHours,
      remainingHours: remaining,
      unestimated,
      progressEstimate: estimate > 0 ? doneHours / estimate : ids.length > 0 && doneCount === ids.length ? 1 : 0,
      progressCount: ids.length > 0 ? doneCount / ids.length : 0,
      expected,
      optimistic,
      pessimistic,
      verdict,
      slipDays,
      capacityHoursLeft,
      aheadHours,
      fits: capacityHoursLeft === null ? null : remaining + aheadHours <= capacityHoursLeft + 1e-9,
    };
  });
}
