// The backward pass over the levelled schedule: latest finish and slack (working days) per issue.
// Each issue keeps its levelled duration (working days from its first to its last booked day).
// Constraints mirror the forward pass: a dependent must start after its dependency's finish plus
// lag (on the same day where the forward pass handed over within the day), and on each lane an issue must finish before the
// lane's next issue starts (lane sequencing). Visiting issues in reverse start order is a reverse
// topological order of both kinds of edge, so one sweep suffices: O(issues + edges).
import type { WorkCalendar } from './calendar.js';
import type { DayNum } from './dates.js';
import type { PassResult } from './forward.js';
import type { Graph } from './graph.js';

export interface BackwardInput {
  cal: WorkCalendar;
  graph: Graph;
  pass: PassResult;
  laneOf: Int32Array;
  done: Uint8Array;
  inProgress: Uint8Array;
  /** An issue's own deadline (NaN for none). */
  cap: (i: number) => DayNum;
  /** Latest finish of an issue with no deadline and nothing after it: the plan's finish. */
  fallback: DayNum;
}

export function backwardPass(b: BackwardInput): { latestFinish: Float64Array; slack: Float64Array } {
  const { cal, graph, pass, laneOf, done, inProgress } = b;
  const n = laneOf.length;
  const lf = new Float64Array(n).fill(NaN);
  const ls = new Float64Array(n).fill(NaN);
  const slack = new Float64Array(n).fill(NaN);
  const laneNext = new Int32Array(n).fill(-1);
  for (const seqs of pass.laneSeq) for (let k = 0; k + 1 < seqs.length; k++) laneNext[seqs[k]] = seqs[k + 1];
  const bySeq: number[] = [];
  for (let i = 0; i < n; i++) if (pass.seq[i] >= 0 && !Number.isNaN(pass.end[i])) bySeq[pass.seq[i]] = i;

  // A dependent (or the lane's next issue) may start on the day its predecessor ends when the
  // forward pass had them share that day (a hand-over within the day); otherwise the gap costs
  // a day, plus the lag's whole days.
  const bound = (i: number, s: number, lag: number) => {
    const need = Math.min(Math.max(0, cal.workingDaysBetween(pass.end[i], pass.start[s])), Math.ceil(lag - 1e-9) + 1);
    return need === 0 ? ls[s] : cal.addWorkingDays(ls[s], -need);
  };

  for (let k = bySeq.length - 1; k >= 0; k--) {
    const i = bySeq[k];
    if (i === undefined) continue;
    const own = b.cap(i);
    let latest = Number.isNaN(own) ? Infinity : own;
    for (const e of graph.succs[i]) {
      const s = e.other;
      if (done[s] || (inProgress[s] && !e.sameDay) || Number.isNaN(ls[s])) continue;
      const x = e.sameDay ? ls[s] : bound(i, s, e.lag);
      if (x < latest) latest = x;
    }
    const next = laneNext[i];
    if (next >= 0 && !Number.isNaN(ls[next]) && bound(i, next, 0) < latest) latest = bound(i, next, 0);
    if (latest === Infinity) latest = b.fallback;
    const dur = Math.max(1, cal.countWorkingDays(pass.start[i], pass.end[i]));
    lf[i] = latest;
    ls[i] = cal.addWorkingDays(cal.isWorkingDay(latest) ? latest : cal.addWorkingDays(latest, -1), -(dur - 1));
    slack[i] = cal.workingDaysBetween(pass.end[i], latest);
  }
  return { latestFinish: lf, slack };
}

/** The chain of issues that set the finish: from the last-finishing issue back through each start's driver. */
export function drivingChain(pass: PassResult, done: Uint8Array): number[] {
  let last = -1;
  for (let i = 0; i < pass.end.length; i++) {
    if (done[i] || Number.isNaN(pass.end[i])) continue;
    if (last < 0 || pass.end[i] > pass.end[last] || (pass.end[i] === pass.end[last] && pass.seq[i] > pass.seq[last])) last = i;
  }
  const chain: number[] = [];
  const seen = new Set<number>();
  for (let i = last; i >= 0 && !seen.has(i) && !done[i]; i = pass.driver[i]) {
    seen.add(i);
    chain.push(i);
  }
  return chain.reverse();
}
