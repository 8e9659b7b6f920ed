// The forward pass: each lane books its hours day by day on its ready issues.
//
// - A lane works on one issue at a time and finishes it before taking the next (an issue a
//   freeze stops is set aside for the day and picked up again after).
// - Order of the ready queue: started / in-progress first, then sprint (below), then the scenario's order, then
//   priority, then longest remaining path, then file order. The path is measured back from the
//   deadlines ahead of the issue: its latest start, were each lane to work on nothing else
//   (working days: deadline − remaining work along the chain). Without deadlines this is plain
//   longest-path-first; with them, a quarter due in March goes before one due in July.
// - Finish-to-start: a dependent may start the working day after its dependency's last booked
//   day, plus `lag` working days (a fractional lag is rounded up to whole working days: the
//   engine books whole days, and the schedule's notes name each lag it rounded). A dependent on
//   the same lane with no lag continues on the same day with the hours left (the person just
//   carries on). An issue with no hours to book passes on how it was released: released at the
//   start of a day, its dependents may start that day on any lane; released by work that ended
//   that day on lane L, only L carries on the same day. So the order of `lanes:` in the file
//   never changes a date.
// - Sprints: an issue in a sprint is released no earlier than the sprint's first working day
//   (`notBefore`). A sprint is a commitment: in a lane's queue (after started work) an earlier
//   sprint's issues go before a later sprint's, and those before issues in no sprint; within a
//   sprint its declared critical stories go first, in order.
// - An external wait (lead time) starts when its issue could first start (or on `since`) and
//   holds the issue's dependents until it has elapsed.
// - In-progress issues start at once: their open dependencies no longer hold them.
// Cost: O((issues + edges) log issues + lanes × working days up to the finish).
import { Heap } from './heap.js';
import type { WorkCalendar } from './calendar.js';
import type { DayNum } from './dates.js';
import type { Graph } from './graph.js';

export interface PassInput {
  cal: WorkCalendar;
  graph: Graph;
  today: DayNum;
  lanes: string[];
  laneOf: Int32Array;
  done: Uint8Array;
  inProgress: Uint8Array;
  /** Hours left per issue for this pass. */
  remaining: Float64Array;
  /** Scenario position per issue (Infinity when unlisted). */
  scenarioRank: Float64Array;
  /** Sprint index per issue (Infinity without one): a sprint's issues go before later and unsprinted work. */
  sprintIndex?: Float64Array;
  /** Position in its sprint's declared critical path (Infinity when not listed). */
  sprintRank?: Float64Array;
  /** First day an issue may start (its sprint's first working day); NaN for no floor. */
  notBefore?: Float64Array;
  priorityRank: Float64Array;
  /** Working-day ordinal of each issue's own deadline (NaN for none). */
  deadlineOrd: Float64Array;
  /** Hours per normal working day of each lane, to turn hours into days. */
  laneRate: Float64Array;
  /** Open externals: lead in working days and optional start. */
  externals: ({ leadDays: number; since?: DayNum }[] | undefined)[];
  /** Freeze windows that stop each issue in particular. */
  freezes: ({ from: DayNum; to: DayNum }[] | undefined)[];
  /** Keep per-day bookings (only the expected pass needs them). */
  record: boolean;
  /** Give up after this many days: a lane without capacity would never finish. */
  horizonDays: number;
}

export interface PassResult {
  start: Float64Array;
  end: Float64Array;
  ready: Float64Array;
  /** Last day of each issue's external waits (NaN without). */
  extEnd: Float64Array;
  /** Order in which issues started (for a reverse topological order of the backward pass). */
  seq: Int32Array;
  /** The issue whose finish (dependency or lane predecessor) set this one's start; -1 for none. */
  driver: Int32Array;
  /** Issues per lane in the order they started. */
  laneSeq: number[][];
  booked: Map<DayNum, number>[];
  unfinished: number[];
  /** Issues with no hours to book (they hand over on the day they finish). */
  zero: Uint8Array;
  /**
   * For issues with no hours: the lane whose work released them at the end of their day
   * (-1: released at the start of the day, -2: by work on several lanes). For the others, their lane.
   */
  carry: Int32Array;
}

const EPS = 1e-9;

export function forwardPass(p: PassInput): PassResult {
  const { cal, graph, today, lanes, laneOf, done, inProgress, remaining } = p;
  const n = laneOf.length;
  const L = lanes.length;
  const start = new Float64Array(n).fill(NaN);
  const end = new Float64Array(n).fill(NaN);
  const ready = new Float64Array(n).fill(NaN);
  const extEnd = new Float64Array(n).fill(NaN);
  const extReady = new Float64Array(n).fill(-Infinity);
  const relAt = new Float64Array(n).fill(today);
  if (p.notBefore) for (let i = 0; i < n; i++) if (p.notBefore[i] > relAt[i]) relAt[i] = p.notBefore[i];
  const carry = Int32Array.from(laneOf);
  const eod = new Int32Array(n).fill(-1);
  const sprintRank = p.sprintRank;
  const sprintOf = p.sprintIndex;
  const relBy = new Int32Array(n).fill(-1);
  const seq = new Int32Array(n).fill(-1);
  const driver = new Int32Array(n).fill(-1);
  const left = Float64Array.from(remaining);
  const zero = Uint8Array.from(remaining, (h) => (h <= EPS ? 1 : 0));
  const started = new Uint8Array(n);
  const pendingPreds = new Int32Array(n);
  const laneSeq: number[][] = Array.from({ length: L }, () => []);
  const booked: Map<DayNum, number>[] = Array.from({ length: L }, () => new Map());
  const lastIssue = new Int32Array(L).fill(-1);
  const lastDay = new Float64Array(L).fill(-Infinity);
  let counter = 0;

  // Latest start (working-day ordinal) with unlimited lanes, and the remaining path in hours.
  const FAR = 1e9;
  const latest = new Float64Array(n);
  const path = new Float64Array(n);
  for (let k = graph.topo.length - 1; k >= 0; k--) {
    const i = graph.topo[k];
    let tail = Number.isNaN(p.deadlineOrd[i]) ? FAR : p.deadlineOrd[i];
    let best = 0;
    for (const e of graph.succs[i]) {
      if (done[e.other]) continue;
      if (path[e.other] > best) best = path[e.other];
      if (latest[e.other] - e.lag < tail) tail = latest[e.other] - e.lag;
    }
    const own = done[i] ? 0 : left[i];
    path[i] = own + best;
    const rate = p.laneRate[laneOf[i]];
    latest[i] = tail - (own > 0 ? own / (rate > 0 ? rate : cal.hoursPerDay) : 0);
  }
  const less = (a: number, b: number): boolean => {
    const ka = started[a] | inProgress[a] ? 0 : 1;
    const kb = started[b] | inProgress[b] ? 0 : 1;
    if (ka !== kb) return ka < kb;
    if (sprintOf && sprintOf[a] !== sprintOf[b]) return sprintOf[a] < sprintOf[b];
    if (p.scenarioRank[a] !== p.scenarioRank[b]) return p.scenarioRank[a] < p.scenarioRank[b];
    if (sprintRank && sprintRank[a] !== sprintRank[b]) return sprintRank[a] < sprintRank[b];
    if (p.priorityRank[a] !== p.priorityRank[b]) return p.priorityRank[a] < p.priorityRank[b];
    if (latest[a] !== latest[b]) return latest[a] < latest[b];
    if (path[a] !== path[b]) return path[a] > path[b];
    return a < b;
  };
  const heaps = Array.from({ length: L }, () => new Heap<number>(less));
  const pending = new Heap<number>((a, b) => (relAt[a] !== relAt[b] ? relAt[a] < relAt[b] : a < b));

  const counts = (i: number, e: { sameDay: boolean }) => !done[i] && !(inProgress[i] && !e.sameDay);
  let open = 0;
  for (let i = 0; i < n; i++) {
    if (done[i]) continue;
    open++;
    for (const e of graph.preds[i]) if (!done[e.other] && counts(i, e)) pendingPreds[i]++;
  }
  // A done issue's external wait with a known start still holds its dependents.
  for (let i = 0; i < n; i++) {
    if (!done[i] || !p.externals[i]) continue;
    const hold = waitUntil(i, NaN);
    if (hold > -Infinity) for (const e of graph.succs[i]) if (hold > relAt[e.other]) (relAt[e.other] = hold), (relBy[e.other] = i);
  }

  function waitUntil(i: number, readyDay: number): number {
    let hold = -Infinity;
    for (const x of p.externals[i] ?? []) {
      const from = x.since ?? readyDay;
      if (Number.isNaN(from)) continue;
      const first = cal.nextWorkingDay(from);
      const last = x.leadDays > 0 ? cal.addWorkingDays(first, Math.ceil(x.leadDays - EPS) - 1) : first - 1;
      if (!(last <= extEnd[i])) extEnd[i] = last;
      hold = Math.max(hold, last + 1);
    }
    return hold;
  }

  let finished = 0;
  const work: number[] = []; // issues that became ready today
  // Two releases on the same day: start-of-day (-1) yields to end-of-day; two lanes give -2.
  const combine = (a: number, b: number) => (a === b ? a : a === -1 ? b : b === -1 ? a : -2);
  const finish = (i: number, d: DayNum) => {
    end[i] = d;
    finished++;
    const c = zero[i] ? eod[i] : laneOf[i];
    carry[i] = c;
    for (const e of graph.succs[i]) {
      const s = e.other;
      if (!counts(s, e)) continue;
      // Same day: an epic edge, the same lane carrying on, or a no-hours predecessor released at
      // the start of the day (see the header).
      const sameDay = e.sameDay || (e.lag === 0 && (c === -1 || laneOf[s] === c));
      let rel = sameDay ? d : cal.addWorkingDays(d, Math.ceil(e.lag - EPS)) + 1;
      const relEod = sameDay ? c : -1;
      let fromExt = false;
      if (extReady[i] > rel) (rel = extReady[i]), (fromExt = true);
      const tag = fromExt ? -1 : relEod;
      if (rel > relAt[s]) {
        relAt[s] = rel;
        relBy[s] = i;
        eod[s] = tag;
      } else {
        if (rel === relAt[s]) eod[s] = combine(eod[s], tag);
        if (relBy[s] < 0) relBy[s] = i;
      }
      if (--pendingPreds[s] === 0) {
        if (relAt[s] <= d) work.push(s);
        else pending.push(s);
      }
    }
  };
  const release = (i: number, d: DayNum) => {
    ready[i] = relAt[i];
    extReady[i] = waitUntil(i, relAt[i]);
    if (left[i] <= EPS) {
      // Nothing to book: done the day it is ready (an earlier release day means start of day).
      if (relAt[i] < d) eod[i] = -1;
      start[i] = d;
      seq[i] = counter++;
      driver[i] = relBy[i];
      finish(i, d);
    } else heaps[laneOf[i]].push(i);
  };
  const drain = (d: DayNum) => {
    while (work.length > 0) release(work.pop()!, d);
  };
  const blocked = (i: number, d: DayNum) => {
    const f = p.freezes[i];
    if (!f) return false;
    for (const w of f) if (d >= w.from && d <= w.to) return true;
    return false;
  };

  for (let i = 0; i < n; i++) if (!done[i] && pendingPreds[i] === 0) pending.push(i);
  const horizon = today + p.horizonDays;
  let d = today;
  const stash: number[] = [];
  while (finished < open && d <= horizon) {
    let idle = true;
    for (let l = 0; l < L && idle; l++) if (heaps[l].size > 0) idle = false;
    if (idle) {
      if (pending.size === 0) break;
      if (relAt[pending.peek()!] > d) d = relAt[pending.peek()!];
    }
    if (!cal.isWorkingDay(d)) d = cal.nextWorkingDay(d);
    if (d > horizon) break;
    while (pending.size > 0 && relAt[pending.peek()!] <= d) work.push(pending.pop()!);
    drain(d);
    for (let l = 0; l < L; l++) {
      const heap = heaps[l];
      if (heap.size === 0) continue;
      let h = cal.laneHours(lanes[l], d);
      while (h > EPS && heap.size > 0) {
        const i = heap.peek()!;
        if (blocked(i, d)) {
          stash.push(heap.pop()!);
          continue;
        }
        if (!started[i]) {
          started[i] = 1; // only improves the key of the top element: the heap stays valid
          start[i] = d;
          seq[i] = counter++;
          laneSeq[l].push(i);
          driver[i] = lastIssue[l] >= 0 && lastDay[l] >= ready[i] ? lastIssue[l] : relBy[i];
        }
        const b = Math.min(h, left[i]);
        left[i] -= b;
        h -= b;
        if (p.record) booked[l].set(d, (booked[l].get(d) ?? 0) + b);
        lastIssue[l] = i;
        lastDay[l] = d;
        if (left[i] <= EPS) {
          heap.pop();
          finish(i, d);
          drain(d);
        }
      }
      while (stash.length > 0) heap.push(stash.pop()!);
    }
    d++;
  }
  const unfinished: number[] = [];
  for (let i = 0; i < n; i++) if (!done[i] && Number.isNaN(end[i])) unfinished.push(i);
  return { start, end, ready, extEnd, seq, driver, laneSeq, booked, unfinished, zero, carry };
}
