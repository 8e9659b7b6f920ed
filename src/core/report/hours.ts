// "I have 8 h a week: where did they go?" Hours logged against hours available, per lane, for
// the week or month holding "today", with the issues the logged hours went to.
import type { Model } from '../plan/model.js';
import type { Schedule } from '../schedule/types.js';
import { UNASSIGNED } from '../schedule/types.js';
import { capacityByPeriod } from '../schedule/capacity.js';
import { sanitize } from '../text/sanitize.js';

export interface HoursOptions {
  today: string;
  period: 'week' | 'month';
  lane?: string;
}

export interface LaneHours {
  lane: string;
  name: string;
  availableHours: number;
  loggedHours: number;
  plannedHours: number;
  /** Available minus logged minus still planned (negative: over). */
  freeHours: number;
  issues: { id: string; title: string; hours: number }[];
  entries: { date: string; id: string; hours: number; note?: string }[];
}

export interface HoursReport {
  version: 1;
  today: string;
  period: string;
  start: string;
  end: string;
  lanes: LaneHours[];
}

const round = (n: number) => Math.round(n * 100) / 100;

export function hoursReport(model: Model, schedule: Schedule, opts: HoursOptions): HoursReport {
  const caps = capacityByPeriod(model, schedule, opts.period, { from: opts.today, to: opts.today, whole: true });
  const cell0 = caps[0]?.periods[0];
  const start = cell0?.start ?? opts.today;
  const end = cell0?.end ?? opts.today;
  const lanes = new Map<string, LaneHours>();
  for (const cap of caps) {
    if (opts.lane !== undefined && cap.lane !== opts.lane) continue;
    const c = cap.periods[0];
    lanes.set(cap.lane, {
      lane: cap.lane,
      name: model.laneById.get(cap.lane)?.name ?? cap.lane,
      availableHours: c.availableHours,
      loggedHours: 0,
      plannedHours: c.plannedHours,
      freeHours: c.freeHours,
      issues: [],
      entries: [],
    });
  }
  for (const issue of model.issues) {
    if (!issue.log.length) continue;
    const lane = lanes.get(schedule.byId.get(issue.id)?.lane ?? issue.lane ?? UNASSIGNED);
    if (!lane) continue;
    let sum = 0;
    for (const e of issue.log) {
      if (e.date < start || e.date > end) continue;
      sum += e.hours;
      lane.entries.push({ date: e.date, id: issue.id, hours: e.hours, ...(e.note ? { note: e.note } : {}) });
    }
    if (sum > 0) lane.issues.push({ id: issue.id, title: issue.title, hours: round(sum) });
  }
  for (const l of lanes.values()) {
    l.loggedHours = round(l.issues.reduce((s, i) => s + i.hours, 0));
    l.issues.sort((a, b) => b.hours - a.hours);
    l.entries.sort((a, b) => a.date.localeCompare(b.date));
  }
  return { version: 1, today: opts.today, period: cell0?.period ?? opts.today, start, end, lanes: [...lanes.values()] };
}

export function renderHours(r: HoursReport): string {
  const out = [`Hours ${r.period} (${r.start} – ${r.end})`];
  for (const l of r.lanes) {
    const pct = l.availableHours > 0 ? ` (${Math.round((l.loggedHours / l.availableHours) * 100)}%)` : '';
    out.push('', `${l.name === l.lane ? sanitize(l.lane) : `${sanitize(l.lane)} (${sanitize(l.name)})`}: ${l.loggedHours}h logged of ${l.availableHours}h available${pct}; ${l.plannedHours}h still planned; ${l.freeHours < 0 ? `over by ${round(-l.freeHours)}h` : `${l.freeHours}h free`}`);
    if (!l.issues.length) out.push('  nothing logged');
    for (const i of l.issues) {
      const title = sanitize(i.title);
      out.push(`  ${String(i.hours).padStart(6)}h  ${sanitize(i.id)}  ${title.length > 60 ? title.slice(0, 59) + '…' : title}`);
    }
    const untracked = round(l.availableHours - l.loggedHours);
    if (l.issues.length && untracked > 0) out.push(`  ${String(untracked).padStart(6)}h  (available, not logged)`);
  }
  return out.join('\n');
}
