// Sprints from the cadence. Rules:
// - A sprint covers `length` working weekdays (2w = 10 weekdays on a mon–fri plan), counted on the
//   weekly pattern only, so a holiday inside a sprint does not stretch it.
// - The next sprint starts on the first working weekday after the previous one ends.
// - A sprint that would overlap a freeze for everyone starts on the first working day after
//   the freeze (freezes limited to some tracks or labels do not move sprints); the cadence
//   continues from there.
// - Explicit `start`/`end` in the list override the cadence; later sprints follow on from them.
import type { Model } from '../plan/model.js';
import { parseDuration } from '../plan/duration.js';
import { formatISODate, parseISODate, weekdayOf, type DayNum } from './dates.js';
import { calendarFor } from './calendar.js';
import type { SprintSpan } from './types.js';

/** Sprints of the plan. Without a sprint list, unnamed sprints are generated up to `until` (default: one year). */
export function sprintSpans(model: Model, until?: string): SprintSpan[] {
  const cfg = model.data.calendar?.sprints;
  if (!cfg) return [];
  const cal = calendarFor(model);
  const weekly = cal.weekly;
  const len = Math.max(1, Math.round(parseDuration(cfg.length, model.hoursPerDay).expected / model.hoursPerDay));
  const freezes = (model.data.calendar?.freezes ?? [])
    .filter((f) => !f.tracks?.length && !f.labels?.length)
    .map((f) => ({ from: parseISODate(f.from), to: parseISODate(f.to) }));

  const nextWeekday = (d: DayNum) => {
    let x = d;
    while (!weekly[weekdayOf(x)]) x++;
    return x;
  };
  // The len-th working weekday counting `start` as the first.
  const endOf = (start: DayNum) => {
    let d = start;
    for (let k = 1; k < len; k++) d = nextWeekday(d + 1);
    return d;
  };

  const list = cfg.list ?? [];
  const limit = list.length > 0 ? list.length : Infinity;
  const stop = until ? parseISODate(until) : parseISODate(cfg.start) + 366;
  const out: SprintSpan[] = [];
  let next = nextWeekday(parseISODate(cfg.start));
  for (let i = 0; i < limit && i < 1000; i++) {
    const entry = list[i];
    if (!entry && next > stop) break;
    let start = entry?.start ? parseISODate(entry.start) : next;
    let end = entry?.end ? parseISODate(entry.end) : endOf(start);
    if (!entry?.start) {
      // Slide past every freeze the sprint would overlap.
      for (let moved = true; moved; ) {
        moved = false;
        for (const f of freezes) {
          if (start <= f.to && end >= f.from) {
            start = cal.nextWorkingDay(f.to + 1);
            end = entry?.end ? Math.max(start, parseISODate(entry.end)) : endOf(start);
            moved = true;
          }
        }
      }
    }
    out.push({
      name: entry?.name ?? `Sprint ${i + 1}`,
      ...(entry?.goal ? { goal: entry.goal } : {}),
      start: formatISODate(start),
      end: formatISODate(end),
    });
    next = nextWeekday(end + 1);
  }
  return out;
}
