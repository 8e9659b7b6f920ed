// The daily standup, per lane: what got done since the last working day, what is in progress
// (and for how long), what is next (ready issues in schedule order), what is blocked and by
// what, and whether the lane is over capacity this week. Pure data; the CLI and the board's
// `S` pane render it.
import { blockersOf } from '../plan/blockers.js';
import type { Issue, Model } from '../plan/model.js';
import type { Schedule } from '../schedule/types.js';
import { UNASSIGNED } from '../schedule/types.js';
import { isInProgress } from '../schedule/estimates.js';
import { capacityByPeriod } from '../schedule/capacity.js';
import { isWorkingDay } from '../schedule/calendar.js';
import { addDays, parseISODate, weekdayOf } from '../schedule/dates.js';
import { sanitize } from '../text/sanitize.js';

export interface StandupOptions {
  today: string;
  /** Default: the last working day before today. */
  since?: string;
  lane?: string;
  /** How many "next up" issues per lane (default 3). */
  nextLimit?: number;
  /** How many blocked issues per lane (default 5); the rest are counted. */
  blockedLimit?: number;
}

export interface StandupItem {
  id: string;
  title: string;
}

export interface LaneStandup {
  lane: string;
  name: string;
  done: (StandupItem & { doneOn: string })[];
  inProgress: (StandupItem & { since: string | null; ageDays: number | null; remainingHours: number; unestimated: boolean })[];
  next: (StandupItem & { start: string | null; critical: boolean })[];
  blocked: (StandupItem & { blockedBy: string[]; waitingOn: string[] })[];
  /** Blocked issues beyond `blockedLimit`. */
  moreBlocked: number;
  /** Hours logged on this lane's issues since the last working day, up to today. */
  loggedSince: number;
  week: { period: string; availableHours: number; plannedHours: number; loggedHours: number; over: boolean } | null;
}

export interface Standup {
  version: 1;
  title: string;
  today: string;
  since: string;
  lanes: LaneStandup[];
}

/** The last working day strictly before `today` (global calendar), at most a month back. */
export function lastWorkingDay(model: Model, today: string): string {
  let d = addDays(today, -1);
  for (let n = 0; n < 31 && !isWorkingDay(model, d); n++) d = addDays(d, -1);
  return d;
}

/** When work on an issue began: `started`, else its first logged day. */
function startedOn(issue: Issue): string | null {
  if (issue.started) return issue.started;
  let first: string | null = null;
  for (const e of issue.log) if (first === null || e.date < first) first = e.date;
  return first;
}

export function standup(model: Model, schedule: Schedule, opts: StandupOptions): Standup {
  const { today } = opts;
  const since = opts.since ?? lastWorkingDay(model, today);
  const nextLimit = opts.nextLimit ?? 3;
  const blockedLimit = opts.blockedLimit ?? 5;
  const weekEnd = addDays(today, 6 - weekdayOf(parseISODate(today))); // Sunday of this week
  const lanes = schedule.lanes.filter((l) => opts.lane === undefined || l === opts.lane);
  const byLane = new Map<string, LaneStandup>(
    lanes.map((lane) => [lane, { lane, name: model.laneById.get(lane)?.name ?? lane, done: [], inProgress: [], next: [], blocked: [], moreBlocked: 0, loggedSince: 0, week: null }]),
  );
  const ready: { lane: string; issue: Issue; start: string | null; critical: boolean }[] = [];
  const backlog = model.statuses[0];

  for (const issue of model.issues) {
    const s = schedule.byId.get(issue.id);
    const entry = byLane.get(s?.lane ?? issue.lane ?? UNASSIGNED);
    if (!s || !entry) continue;
    const item = { id: issue.id, title: issue.title };
    for (const e of issue.log) if (e.date >= since && e.date <= today) entry.loggedSince += e.hours;
    if (issue.done) {
      if (issue.doneOn && issue.doneOn >= since && issue.doneOn <= today) entry.done.push({ ...item, doneOn: issue.doneOn });
      continue;
    }
    const waitingOn = blockersOf(model, issue).waiting;
    const blocked = s.blockedBy.length > 0 || waitingOn.length > 0;
    const active = isInProgress(model, issue);
    if (active) {
      const from = startedOn(issue);
      entry.inProgress.push({ ...item, since: from, ageDays: from ? parseISODate(today) - parseISODate(from) : null, remainingHours: s.remainingHours, unestimated: s.unestimated });
    }
    // Blocked matters when the work is wanted now: started, pulled out of the backlog, or due to start this week.
    if (blocked && (active || issue.status !== backlog || (s.start !== null && s.start <= weekEnd))) {
      if (entry.blocked.length < blockedLimit) entry.blocked.push({ ...item, blockedBy: s.blockedBy, waitingOn });
      else entry.moreBlocked++;
    }
    if (!active && !blocked) ready.push({ lane: entry.lane, issue, start: s.start, critical: s.critical });
  }

  // Schedule order: booked start, then file order; unbooked (unestimated) last.
  ready.sort((a, b) => (a.start ?? '9999').localeCompare(b.start ?? '9999') || a.issue.index - b.issue.index);
  for (const r of ready) {
    const entry = byLane.get(r.lane)!;
    if (entry.next.length < nextLimit) entry.next.push({ id: r.issue.id, title: r.issue.title, start: r.start, critical: r.critical });
  }

  for (const cap of capacityByPeriod(model, schedule, 'week', { from: today, to: today, whole: true })) {
    const entry = byLane.get(cap.lane);
    const cell = cap.periods[0];
    if (entry && cell)
      entry.week = { period: cell.period, availableHours: cell.availableHours, plannedHours: cell.plannedHours, loggedHours: cell.loggedHours, over: cell.over };
  }
  return { version: 1, title: model.title, today, since, lanes: [...byLane.values()] };
}

const h = (n: number) => `${Math.round(n * 10) / 10}h`;
/** Plan text on one line, inert, at most n characters. */
const clip = (raw: string, n = 60) => {
  const s = sanitize(raw).replace(/\s+/g, ' ');
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
};

/** Plain text, short enough to paste into a chat. */
export function renderStandup(st: Standup): string {
  const out = [`Standup ${st.today} (done since ${st.since}) · ${sanitize(st.title)}`];
  const id = sanitize;
  for (const l of st.lanes) {
    out.push('', l.name === l.lane ? sanitize(l.lane) : `${sanitize(l.lane)} (${sanitize(l.name)})`);
    const list = (label: string, items: string[], empty = '—') => out.push(`  ${label.padEnd(12)} ${items.length ? items.join('\n' + ' '.repeat(15)) : empty}`);
    list('done', l.done.map((d) => `${id(d.id)} ${clip(d.title)} (${d.doneOn})`));
    list('in progress', l.inProgress.map((i) => `${id(i.id)} ${clip(i.title)} (${i.ageDays === null ? 'age unknown' : `${i.ageDays}d`}, ${i.unestimated ? 'unestimated' : `${h(i.remainingHours)} left`})`));
    list('next', l.next.map((n) => `${id(n.id)} ${clip(n.title)}${n.critical ? ' [critical]' : ''}`));
    list(
      'blocked',
      [
        ...l.blocked.map((b) => `${id(b.id)} ${clip(b.title, 40)} ← ${[...b.blockedBy.map(id), ...b.waitingOn.map((w) => `waiting: ${sanitize(w)}`)].join(', ')}`),
        ...(l.moreBlocked ? [`(+${l.moreBlocked} more)`] : []),
      ],
    );
    out.push(`  ${'logged'.padEnd(12)} ${h(l.loggedSince)} since ${st.since}`);
    if (l.week) {
      const w = l.week;
      const load = w.plannedHours + w.loggedHours;
      out.push(`  ${'this week'.padEnd(12)} ${h(load)} of ${h(w.availableHours)}${w.over ? ` — OVER CAPACITY by ${h(load - w.availableHours)}` : ''}`);
    }
  }
  return out.join('\n');
}
