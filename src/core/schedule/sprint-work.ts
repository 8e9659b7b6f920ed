// What sprints mean to the scheduler.
// - An issue's sprint is the scenario's rhythm (`rhythm: {Sprint 2: [ids]}`) when the scenario
//   names it, else its own `sprint:`. It starts no earlier than that sprint's first working day.
// - An open issue with no estimate in a sprint is sized from the sprint, not booked as 0h: each
//   lane's hours in the sprint window (from today when the sprint has begun), less the hours of
//   the estimated open issues it holds in that sprint, are shared equally among its unestimated
//   open issues there. A lane whose sprint is all unestimated is then exactly full, and the
//   sprint's last story ends on the sprint's last working day when nothing else holds it.
//   A sprint already over gives its unestimated issues nothing (0h, named in the notes).
// - Within a lane, a sprint's declared critical stories (`critical:` in the sprint list) go
//   before its other stories, in the listed order: "complete the critical path first".
import type { Model } from '../plan/model.js';
import type { WorkCalendar } from './calendar.js';
import { formatISODate, parseISODate, type DayNum } from './dates.js';
import type { Work } from './estimates.js';
import { sprintSpans } from './sprints.js';

export interface SprintWork {
  /** Sprint index per issue (-1: none). */
  sprintOf: Int32Array;
  /** First working day of the issue's sprint; NaN without a sprint. */
  notBefore: Float64Array;
  /** Position in its sprint's critical list; Infinity when not listed. */
  rank: Float64Array;
  /** Hours assumed for unestimated open issues in a sprint; NaN for the rest. */
  assumed: Float64Array;
  spans: { name: string; start: DayNum; end: DayNum }[];
  notes: string[];
}

export function sprintWork(
  model: Model,
  cal: WorkCalendar,
  work: Work[],
  opts: { today: DayNum; laneOf: Int32Array; lanes: string[]; rhythm?: Map<string, string>; factor: number; skip?: Set<number> },
): SprintWork {
  const n = model.issues.length;
  const sprintOf = new Int32Array(n).fill(-1);
  const notBefore = new Float64Array(n).fill(NaN);
  const rank = new Float64Array(n).fill(Infinity);
  const assumed = new Float64Array(n).fill(NaN);
  const notes: string[] = [];
  if (!model.data.calendar?.sprints) return { sprintOf, notBefore, rank, assumed, spans: [], notes };
  // Generated sprints (no list) reach three years past today, far enough for any named one.
  const spans = sprintSpans(model, formatISODate(opts.today + 3 * 366)).map((s) => ({
    name: s.name,
    start: parseISODate(s.start),
    end: parseISODate(s.end),
  }));
  const byName = new Map(spans.map((s, k) => [s.name, k]));
  const unknown = new Set<string>();
  model.issues.forEach((issue, i) => {
    const name = opts.rhythm?.get(issue.id) ?? issue.sprint;
    if (name === undefined) return;
    const k = byName.get(name);
    if (k === undefined) {
      unknown.add(name);
      return;
    }
    sprintOf[i] = k;
    notBefore[i] = cal.nextWorkingDay(spans[k].start);
  });
  if (unknown.size > 0) notes.push(`sprint(s) not in the calendar, ignored: ${[...unknown].join(', ')}`);
  (model.data.calendar.sprints.list ?? []).forEach((s, k) => {
    s.critical?.forEach((id, pos) => {
      const issue = model.byId.get(id);
      if (issue && sprintOf[issue.index] === k) rank[issue.index] = pos;
    });
  });

  // Per (sprint, lane): hours of estimated open work and the unestimated open issues.
  const groups = new Map<string, { k: number; lane: number; estimated: number; open: number[] }>();
  for (let i = 0; i < n; i++) {
    const k = sprintOf[i];
    if (k < 0 || model.issues[i].done || work[i].epicOf !== undefined || opts.skip?.has(i)) continue;
    const key = `${k}:${opts.laneOf[i]}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { k, lane: opts.laneOf[i], estimated: 0, open: [] }));
    if (work[i].unestimated) g.open.push(i);
    else g.estimated += work[i].remaining.expected * opts.factor;
  }
  let over = 0;
  for (const g of groups.values()) {
    if (g.open.length === 0) continue;
    const s = spans[g.k];
    let hours = 0;
    for (let d = Math.max(s.start, opts.today); d <= s.end; d++) hours += cal.laneHours(opts.lanes[g.lane], d);
    const share = Math.max(0, hours - g.estimated) / g.open.length;
    if (share === 0) over += g.open.length;
    for (const i of g.open) assumed[i] = share;
  }
  if (over > 0) notes.push(`${over} unestimated issue(s) sit in a sprint with no hours left (over, or already past): booked as 0h`);
  return { sprintOf, notBefore, rank, assumed, spans, notes };
}
