// The forward pass: each lane books its hours on its ready issues, in time.
//
// - Time is a day and the part of that working day gone by. Each lane works through the
//   working day at an even pace, its fullest day's hours (`lanePace`): a lane with 1.6h a day
//   has done 0.4h a quarter of the way through it. On a day with fewer hours than that (a lower
//   capacity from a date) it works at the same pace while it has work, and stops for the day
//   once the day's hours are booked. (This is TaskJuggler's model: a resource's efficiency over
//   the working hours, and a daily limit on its booked time.)
// - A lane works on one issue at a time and finishes it before taking the next (an issue a
//   freeze stops is set aside for the day and picked up again after).
// - Order of the ready queue: started / in-progress first (of two started, the one started
//   first), then sprint (below), then the scenario's order, then priority, then longest
//   remaining path, then file order. The path is measured back from the
//   deadlines ahead of the issue: its latest start, were each lane to work on nothing else
//   (working days: deadline − remaining work along the chain). Without deadlines this is plain
//   longest-path-first; with them, a quarter due in March goes before one due in July.
// - Finish-to-start, to the hour: a dependent is ready the moment its dependency's work ends,
//   plus `lag` working days (a fraction of a day is that part of a working day: `lag: 2h` on an
//   8-hour day is a quarter day). Work that ends at noon lets its dependent start that afternoon,
//   on the same lane or another. An issue with no hours to book finishes the moment it is ready.
//   Dates stay calendar dates: start and end are the days of an issue's first and last hours.
//   Nothing here depends on the order of `lanes:` in the file: the lanes advance together, the
//   one furthest behind in the day moving first.
// - Sprints: an issue in a sprint is released no earlier than the sprint's first working day
//   (`notBefore`). A sprint is a commitment: in a lane's queue (after started work) an earlier
//   sprint's issues go before a later sprint's, and those before issues in no sprint; within a
//   sprint its declared critical stories go first, in order.
// - An external wait (lead time, in working days) starts when its issue could first start (or
//   at the start of `since`) and holds the issue's dependents until it has elapsed.
// - In-progress issues start at once: their open dependencies no longer hold them.
// Cost: O((issues + edges) log issues + lanes × (working days up to the finish + issues)).
import { flatEdges, PassBuffers, type FlatEdges, type LaneDayHours } from './pass-buffers.js';
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
  /** Each lane's pace: hours it books over a whole working day (its fullest day's hours). */
  lanePace: Float64Array;
  /** Open externals: lead in working days and optional start. */
  externals: ({ leadDays: number; since?: DayNum }[] | undefined)[];
  /** Freeze windows that stop each issue in particular. */
  freezes: ({ from: DayNum; to: DayNum }[] | undefined)[];
  /** Keep per-day bookings (only the expected pass needs them). */
  record: boolean;
  /** Give up after this many days: a lane without capacity would never finish. */
  horizonDays: number;
  /** fixedRankOf this input, when the caller keeps it across passes. */
  fixedRank?: Float64Array | null;
  /** Lane hours per day from a table kept across passes (else asked of the calendar). */
  laneHours?: LaneDayHours;
}

export interface PassResult {
  start: Float64Array;
  end: Float64Array;
  ready: Float64Array;
  /** Last day of each issue's external waits (NaN without). */
  extEnd: Float64Array;
  /** Order in which issues started (a topological order; the backward pass walks it in reverse). */
  seq: Int32Array;
  /** The issue whose finish (dependency or lane predecessor) set this one's start; -1 for none. */
  driver: Int32Array;
  /** Issues per lane in the order they started. */
  laneSeq: number[][];
  booked: Map<DayNum, number>[];
  unfinished: number[];
}

const EPS = 1e-9;

/**
 * The part of the levelling order no pass changes (sprint, scenario order, place in the sprint's
 * critical list, priority) as one dense rank per issue: a < b in rank exactly when a goes first on
 * those keys, equal when they tie. Null when a key is NaN (no order to rank by).
 */
export function fixedRankOf(p: Pick<PassInput, 'sprintIndex' | 'scenarioRank' | 'sprintRank' | 'priorityRank'>, n: number): Float64Array | null {
  const keys = [p.sprintIndex, p.scenarioRank, p.sprintRank, p.priorityRank].filter((k): k is Float64Array => k !== undefined);
  for (const k of keys) for (let i = 0; i < n; i++) if (Number.isNaN(k[i])) return null;
  const cmp = (a: number, b: number): number => {
    for (const k of keys) if (k[a] !== k[b]) return k[a] < k[b] ? -1 : 1;
    return 0;
  };
  const order = Array.from({ length: n }, (_, i) => i).sort(cmp);
  const rank = new Float64Array(n);
  let r = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0 && cmp(order[k - 1], order[k]) !== 0) r++;
    rank[order[k]] = r;
  }
  return rank;
}

// The pass's preliminaries are functions of their own: V8 then compiles each small loop on its
// own, early, instead of waiting for the whole pass to be compiled.

/** Per issue, its latest start (working-day ordinal) with unlimited lanes and the remaining path in hours. */
function latestAndPath(p: PassInput, buf: PassBuffers, e: FlatEdges): void {
  const FAR = 1e9;
  const { latest, path, left } = buf;
  const { done, laneOf, deadlineOrd, laneRate, cal } = p;
  const { succAt, succ, succLag } = e;
  const topo = p.graph.topo;
  for (let k = topo.length - 1; k >= 0; k--) {
    const i = topo[k];
    let tail = Number.isNaN(deadlineOrd[i]) ? FAR : deadlineOrd[i];
    let best = 0;
    for (let x = succAt[i], to = succAt[i + 1]; x < to; x++) {
      const o = succ[x];
      if (done[o]) continue;
      if (path[o] > best) best = path[o];
      if (latest[o] - succLag[x] < tail) tail = latest[o] - succLag[x];
    }
    const own = done[i] ? 0 : left[i];
    path[i] = own + best;
    const rate = laneRate[laneOf[i]];
    latest[i] = tail - (own > 0 ? own / (rate > 0 ? rate : cal.hoursPerDay) : 0);
  }
}

/** Counts each open issue's open dependencies that hold it (an in-progress issue waits only for its epic edges); returns the open issues. */
function countPending(p: PassInput, pendingPreds: Int32Array, e: FlatEdges): number {
  const { done, inProgress } = p;
  const { predAt, pred, predSameDay } = e;
  let open = 0;
  for (let i = 0; i < done.length; i++) {
    if (done[i]) continue;
    open++;
    for (let x = predAt[i], to = predAt[i + 1]; x < to; x++) if (!done[pred[x]] && !(inProgress[i] && !predSameDay[x])) pendingPreds[i]++;
  }
  return open;
}

/** One levelled pass. With `buffers` (Monte Carlo), the result's arrays are the buffers': read them before the next pass. */
export function forwardPass(p: PassInput, buffers?: PassBuffers): PassResult {
  const { cal, graph, today, lanes, laneOf, done, inProgress, remaining } = p;
  const n = laneOf.length;
  const L = lanes.length;
  const buf = buffers && buffers.n === n && buffers.L === L ? buffers : new PassBuffers(n, L);
  const { succAt, succ, succLag, succSameDay } = flatEdges(graph);
  const start = buf.start.fill(NaN);
  const end = buf.end.fill(NaN);
  const ready = buf.ready.fill(NaN);
  const extEnd = buf.extEnd.fill(NaN);
  // Times: a day number plus the part of that working day gone by (0 ≤ part ≤ 1).
  const extReady = buf.extReady.fill(-Infinity);
  const relAt = buf.relAt.fill(today);
  if (p.notBefore) for (let i = 0; i < n; i++) if (p.notBefore[i] > relAt[i]) relAt[i] = p.notBefore[i];
  // The day an issue with no hours is dated: the day of the work that released it (work ending
  // at the close of Friday releases at the start of Monday, but is Friday's). NaN until a
  // release sets it: the working day of the issue's own floor (today or its sprint).
  const relDay = buf.relDay.fill(NaN);
  const releaseDay = (i: number) => (Number.isNaN(relDay[i]) ? cal.nextWorkingDay(Math.floor(relAt[i])) : relDay[i]);
  const relBy = buf.relBy.fill(-1);
  const seq = buf.seq.fill(-1);
  const driver = buf.driver.fill(-1);
  const left = buf.left;
  left.set(remaining);
  const started = buf.started.fill(0);
  const pendingPreds = buf.pendingPreds.fill(0);
  const laneSeq = buf.laneSeq;
  for (const s of laneSeq) s.length = 0;
  const booked = buf.booked;
  for (const m of booked) m.clear();
  const lastIssue = buf.lastIssue.fill(-1);
  const lastEnd = buf.lastEnd.fill(-Infinity);
  let counter = 0;

  const latest = buf.latest;
  const path = buf.path;
  latestAndPath(p, buf, flatEdges(graph));
  const fixed = p.fixedRank !== undefined ? p.fixedRank : fixedRankOf(p, n);
  const sprintRank = p.sprintRank;
  const sprintOf = p.sprintIndex;
  const { scenarioRank, priorityRank } = p;
  const less = (a: number, b: number): boolean => {
    const ka = started[a] | inProgress[a] ? 0 : 1;
    const kb = started[b] | inProgress[b] ? 0 : 1;
    if (ka !== kb) return ka < kb;
    // Of two started issues (a freeze set one aside), the one started first.
    if (started[a] & started[b]) return seq[a] < seq[b];
    if (fixed) {
      if (fixed[a] !== fixed[b]) return fixed[a] < fixed[b];
    } else {
      if (sprintOf && sprintOf[a] !== sprintOf[b]) return sprintOf[a] < sprintOf[b];
      if (scenarioRank[a] !== scenarioRank[b]) return scenarioRank[a] < scenarioRank[b];
      if (sprintRank && sprintRank[a] !== sprintRank[b]) return sprintRank[a] < sprintRank[b];
      if (priorityRank[a] !== priorityRank[b]) return priorityRank[a] < priorityRank[b];
    }
    if (latest[a] !== latest[b]) return latest[a] < latest[b];
    if (path[a] !== path[b]) return path[a] > path[b];
    return a < b;
  };
  // Per lane: issues ready by now (in levelling order), and issues released later (by time).
  const byTime = (a: number, b: number) => (relAt[a] !== relAt[b] ? relAt[a] < relAt[b] : a < b);
  for (let l = 0; l < L; l++) {
    buf.heaps[l].reset(less);
    buf.later[l].reset(byTime);
  }
  const heaps = buf.heaps;
  const later = buf.later;

  /** Time `days` working days after time `t` (a working day's part carries over). */
  const addWork = (t: number, days: number): number => {
    let day = Math.floor(t);
    let part = t - day;
    if (!cal.isWorkingDay(day)) (day = cal.nextWorkingDay(day)), (part = 0);
    const total = part + days;
    let whole = Math.floor(total);
    let rest = total - whole;
    if (rest > 1 - EPS) (whole += 1), (rest = 0);
    else if (rest < EPS) rest = 0;
    return cal.addWorkingDays(day, whole) + rest;
  };
  /** The working day a time falls in (a day's close counts as the next day's start). */
  const dayAt = (t: number): DayNum => cal.nextWorkingDay(Math.floor(t + EPS));

  /** Whether an edge into open issue i holds it (an in-progress issue waits only for its epic edges). */
  const counts = (i: number, sameDay: number) => !done[i] && !(inProgress[i] && !sameDay);
  const open = countPending(p, pendingPreds, flatEdges(graph));

  function waitUntil(i: number, readyAt: number): number {
    let hold = -Infinity;
    const list = p.externals[i];
    if (!list) return hold;
    for (const x of list) {
      const from = x.since ?? readyAt;
      if (Number.isNaN(from)) continue;
      if (x.leadDays <= EPS) {
        hold = Math.max(hold, from);
        continue;
      }
      const until = addWork(from, x.leadDays);
      const whole = Math.floor(until);
      const last = until - whole < EPS ? cal.addWorkingDays(whole, -1) : whole;
      if (!(last <= extEnd[i])) extEnd[i] = last;
      hold = Math.max(hold, until);
    }
    return hold;
  }
  /** Sets s's release to (t, day) if later than what it has. */
  const raise = (s: number, t: number, day: number, by: number) => {
    if (t > relAt[s] + EPS) {
      relAt[s] = t;
      relDay[s] = day;
      relBy[s] = by;
    } else {
      if (t >= relAt[s] - EPS && day > releaseDay(s)) relDay[s] = day;
      if (relBy[s] < 0) relBy[s] = by;
    }
  };
  // A done issue's external wait with a known start still holds its dependents.
  for (let i = 0; i < n; i++) {
    if (!done[i] || !p.externals[i]) continue;
    const hold = waitUntil(i, NaN);
    if (hold > -Infinity) for (let x = succAt[i], to = succAt[i + 1]; x < to; x++) raise(succ[x], hold, dayAt(hold), i);
  }

  let finished = 0;
  const readyNow = buf.readyNow; // issues whose last dependency just finished
  readyNow.length = 0;
  /** i's work ended at time t, on working day `day`. */
  const finish = (i: number, day: DayNum, t: number) => {
    end[i] = day;
    finished++;
    for (let x = succAt[i], to = succAt[i + 1]; x < to; x++) {
      const s = succ[x];
      if (!counts(s, succSameDay[x])) continue;
      const lag = succLag[x];
      if (lag > EPS) {
        const at = addWork(t, lag);
        raise(s, at, dayAt(at), i);
      } else raise(s, t, day, i);
      if (extReady[i] > -Infinity) raise(s, extReady[i], dayAt(extReady[i]), i);
      if (--pendingPreds[s] === 0) readyNow.push(s);
    }
  };

  // The day being booked, and per lane: hours today, the time reached (part of the day), the
  // time of its next step (Infinity: nothing more today), and whether it takes part today.
  let d = today;
  let inDay = false;
  const hours = buf.hours;
  const pace = p.lanePace;
  const budget = buf.budget; // hours the lane may still book today
  const clock = buf.clock;
  const at = buf.at;
  // 0: not yet looked at today, 1: working today, 2: no hours today, 3: done for the day.
  const state = buf.state;
  const active = buf.active; // lanes still in today's list: active[0 .. nActive)
  let nActive = 0;
  const stash = buf.stash;
  for (const s of stash) s.length = 0;
  const laneHours = p.laneHours;
  const join = (l: number) => {
    hours[l] = laneHours ? laneHours.at(l, d) : cal.laneHours(lanes[l], d);
    if (hours[l] <= EPS) {
      state[l] = 2;
      return;
    }
    state[l] = 1;
    budget[l] = hours[l];
    clock[l] = 0;
    at[l] = Infinity;
    active[nActive++] = l;
  };
  /** Lane l has an issue released at time t: it may take it up today. */
  const wake = (l: number, t: number) => {
    if (!inDay || t >= d + 1 - EPS) return;
    if (state[l] === 0) join(l);
    if (state[l] === 1 && clock[l] < 1 - EPS && budget[l] > EPS) at[l] = Math.min(at[l], Math.max(clock[l], t - d));
  };
  const drain = () => {
    while (readyNow.length > 0) {
      const i = readyNow.pop()!;
      ready[i] = dayAt(relAt[i]);
      extReady[i] = waitUntil(i, relAt[i]);
      if (left[i] <= EPS) {
        // Nothing to book: done the moment it is ready.
        const day = releaseDay(i);
        start[i] = day;
        seq[i] = counter++;
        driver[i] = relBy[i];
        finish(i, day, relAt[i]);
      } else {
        later[laneOf[i]].push(i);
        wake(laneOf[i], relAt[i]);
      }
    }
  };
  const freezes = p.freezes;
  const blocked = (i: number, day: DayNum) => {
    const f = freezes[i];
    if (!f) return false;
    for (const w of f) if (day >= w.from && day <= w.to) return true;
    return false;
  };

  for (let i = 0; i < n; i++) if (!done[i] && pendingPreds[i] === 0) readyNow.push(i);
  readyNow.reverse();
  drain();
  const horizon = today + p.horizonDays;
  while (finished < open && d <= horizon) {
    // The next day with anything to do.
    let next = Infinity;
    for (let l = 0; l < L && next > d; l++) {
      if (heaps[l].items.length > 0) next = d;
      else if (later[l].items.length > 0) next = Math.min(next, Math.floor(relAt[later[l].items[0]] + EPS));
    }
    if (next === Infinity) break;
    d = cal.nextWorkingDay(Math.max(d, next));
    if (d > horizon) break;
    inDay = true;
    state.fill(0);
    nActive = 0;
    for (let l = 0; l < L; l++) {
      if (heaps[l].items.length > 0) {
        join(l);
        if (state[l] === 1) at[l] = 0;
      } else if (later[l].items.length > 0) wake(l, relAt[later[l].items[0]]);
    }
    // The lane whose next step comes first in the day moves, so every lane sees each release
    // at the time it happens.
    for (;;) {
      let l = -1;
      let jl = -1;
      let first = Infinity;
      for (let j = 0; j < nActive; j++) {
        const k = active[j];
        if (at[k] < first) (first = at[k]), (l = k), (jl = j);
      }
      if (l < 0) break;
      if (at[l] > clock[l]) clock[l] = at[l];
      const now = d + clock[l];
      const heap = heaps[l];
      const wait = later[l];
      const queued = heap.items; // read in place: size and top without a call per step
      const waiting = wait.items;
      while (waiting.length > 0 && relAt[waiting[0]] <= now + EPS) heap.push(wait.pop()!);
      while (queued.length > 0 && freezes[queued[0]] !== undefined && blocked(queued[0], d)) stash[l].push(heap.pop()!);
      if (clock[l] >= 1 - EPS || budget[l] <= EPS) {
        // The lane's time or hours for today are used up: it leaves the day's list.
        state[l] = 3;
        active[jl] = active[--nActive];
        continue;
      }
      if (queued.length === 0) {
        // Idle until the next release today (wake sets it).
        at[l] = Infinity;
        if (waiting.length > 0) wake(l, relAt[waiting[0]]);
        continue;
      }
      const i = queued[0];
      if (!started[i]) {
        started[i] = 1; // only improves the key of the top element: the heap stays valid
        start[i] = d;
        seq[i] = counter++;
        laneSeq[l].push(i);
        driver[i] = lastIssue[l] >= 0 && lastEnd[l] >= relAt[i] - EPS ? lastIssue[l] : relBy[i];
      }
      const rate = pace[l] > hours[l] ? pace[l] : hours[l];
      const b = Math.min(rate * (1 - clock[l]), budget[l], left[i]);
      left[i] -= b;
      budget[l] -= b;
      if (p.record) booked[l].set(d, (booked[l].get(d) ?? 0) + b);
      lastIssue[l] = i;
      if (left[i] <= EPS) {
        clock[l] = Math.min(1, clock[l] + b / rate);
        if (clock[l] > 1 - EPS) clock[l] = 1;
        lastEnd[l] = d + clock[l];
        at[l] = clock[l];
        heap.pop();
        finish(i, d, d + clock[l]);
        drain();
      } else {
        // The day's time or hours ran out: the lane leaves the day's list.
        clock[l] = Math.min(1, clock[l] + b / rate);
        if (clock[l] > 1 - EPS) clock[l] = 1;
        lastEnd[l] = d + clock[l];
        state[l] = 3;
        active[jl] = active[--nActive];
      }
    }
    inDay = false;
    for (let l = 0; l < L; l++) while (stash[l].length > 0) heaps[l].push(stash[l].pop()!);
    d++;
  }
  const unfinished = buf.unfinished;
  unfinished.length = 0;
  for (let i = 0; i < n; i++) if (!done[i] && Number.isNaN(end[i])) unfinished.push(i);
  return buf.result;
}
