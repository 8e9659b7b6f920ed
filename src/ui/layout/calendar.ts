// Non-working time to shade behind the bars: weekends (days outside the plan's workdays),
// holidays and change freezes. Each gets its own glyph so nothing depends on colour.
import type { Issue, Model } from '../../core/plan/model.js';
import { type Day, toDay, WEEKDAYS, weekdayOf } from './dates.js';
import type { Scale } from './scale.js';

export type Shade = 'work' | 'weekend' | 'holiday' | 'freeze';

export const SHADE_GLYPH: Record<Shade, string> = { work: ' ', weekend: '·', holiday: ':', freeze: '/' };

interface Freeze {
  name: string;
  from: Day;
  to: Day;
  /** Set when the freeze stops only some tracks or labels. */
  only?: { tracks: string[]; labels: string[] };
}

export interface PlanCalendar {
  workdays: boolean[]; // by weekdayOf()
  holidays: Set<Day>;
  freezes: Freeze[];
}

const cache = new WeakMap<Model, PlanCalendar>();

export function planCalendar(model: Model): PlanCalendar {
  let cal = cache.get(model);
  if (cal) return cal;
  const workdays = WEEKDAYS.map((d) => model.workdays.includes(d));
  const holidays = new Set<Day>();
  for (const h of model.data.calendar?.holidays ?? []) {
    const [from, to] = typeof h === 'string' ? [h, h] : [h.from, h.to];
    for (let d = toDay(from); d <= toDay(to); d++) holidays.add(d);
  }
  const freezes = (model.data.calendar?.freezes ?? []).map((f) => ({
    name: f.name ?? 'freeze',
    from: toDay(f.from),
    to: toDay(f.to),
    only: f.tracks || f.labels ? { tracks: f.tracks ?? [], labels: f.labels ?? [] } : undefined,
  }));
  cal = { workdays, holidays, freezes };
  cache.set(model, cal);
  return cal;
}

function dayShade(cal: PlanCalendar, day: Day, freezes: Freeze[]): Shade {
  if (freezes.some((f) => day >= f.from && day <= f.to)) return 'freeze';
  if (!cal.workdays[weekdayOf(day)]) return 'weekend';
  if (cal.holidays.has(day)) return 'holiday';
  return 'work';
}

function cellShades(scale: Scale, cal: PlanCalendar, freezes: Freeze[]): Shade[] {
  return scale.cells.map(({ from, to }) => {
    let weekend = true;
    let holiday = false;
    for (let d = from; d <= to; d++) {
      const s = dayShade(cal, d, freezes);
      if (s === 'freeze') return 'freeze';
      if (s !== 'weekend') weekend = false;
      if (s === 'holiday') holiday = true;
    }
    // A week-wide cell is a holiday when it holds one, a weekend only when it has no workday.
    return holiday ? 'holiday' : weekend ? 'weekend' : 'work';
  });
}

/** Shading for every row: freezes that stop everyone, holidays, weekends. */
export function baseShades(scale: Scale, cal: PlanCalendar): Shade[] {
  return cellShades(scale, cal, cal.freezes.filter((f) => !f.only));
}

/** Shading for all freezes, whoever they stop: the header's calendar row. */
export function headerShades(scale: Scale, cal: PlanCalendar): Shade[] {
  return cellShades(scale, cal, cal.freezes);
}

/** Shading for one issue's row: the base plus freezes that stop its track or labels. */
export function issueShades(base: Shade[], scale: Scale, cal: PlanCalendar, issue: Issue): Shade[] {
  const mine = cal.freezes.filter(
    (f) => f.only && ((issue.track !== undefined && f.only.tracks.includes(issue.track)) || issue.labels.some((l) => f.only!.labels.includes(l))),
  );
  if (mine.length === 0) return base;
  const extra = cellShades(scale, cal, mine);
  return base.map((s, i) => (extra[i] === 'freeze' ? 'freeze' : s));
}
