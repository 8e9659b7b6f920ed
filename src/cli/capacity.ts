// `planboard capacity PLAN [--today D] [--by week|month|quarter|sprint] [--json]`: hours
// available, planned, logged and free per lane and period, and whether each milestone fits.
import type { Handler } from './command.js';
import { flag, str, type Parsed } from './args.js';
import { cachedOutput } from './output-cache.js';
import { loadPlan, scheduleOf } from './input.js';
import { forecastJson, runForecast } from './schedule.js';
import { capacityByPeriod, type Period } from '../core/schedule/index.js';
import type { LoadedPlan } from '../core/plan/load.js';
import { table, toDays } from './table.js';
import { sanitize, sanitizeJson } from '../core/text/sanitize.js';

const r2 = (n: number) => Math.round(n * 100) / 100;

export const run: Handler = async (a, io) => {
  const by = (str(a, 'by') ?? 'week') as Period;
  const plan = await loadPlan('capacity', io, a.args.plan!);
  if (flag(a, 'json')) {
    const options = ['capacity --json', a.today, by, str(a, 'samples') ?? '', str(a, 'seed') ?? ''];
    io.out(cachedOutput(plan, options, () => sanitizeJson(asJson(measure(plan, a, by)), 2)));
    return 0;
  }
  const { s, lanes, milestones, odds } = measure(plan, a, by);
  const out: string[] = [`${sanitize(plan.model.title)} — capacity by ${by} from ${s.today}`];
  for (const l of lanes) {
    out.push('', `Lane ${sanitize(l.lane)}`);
    if (l.periods.length === 0) out.push('  (no periods)');
    else
      out.push(
        table(
          by === 'sprint'
            ? ['PERIOD', 'START', 'END', 'AVAILABLE', 'COMMITTED', 'PLANNED', 'LOGGED', 'FREE', '']
            : ['PERIOD', 'START', 'END', 'AVAILABLE', 'PLANNED', 'LOGGED', 'FREE', ''],
          l.periods.map((p) => [
            p.period, p.start, p.end, r2(p.availableHours),
            ...(by === 'sprint' ? [r2(p.committedHours ?? 0)] : []),
            r2(p.plannedHours), r2(p.loggedHours), r2(p.freeHours), p.over ? 'over' : '',
          ]),
          by === 'sprint' ? [3, 4, 5, 6, 7] : [3, 4, 5, 6],
        ),
      );
  }
  if (milestones.length > 0) {
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    out.push('', 'Milestones (days)');
    out.push(
      table(
        ['ID', 'ESTIMATE', 'DONE', 'REMAINING', 'BY ESTIMATE', 'BY COUNT', 'CAPACITY LEFT', 'FITS', 'ODDS', 'P85'],
        milestones.map((m, k) => [
          m.id,
          m.estimate_days,
          m.done_days,
          m.remaining_days,
          pct(m.progress_estimate),
          pct(m.progress_count),
          m.capacity_days_left ?? '—',
          m.fits === null ? '—' : m.fits ? 'yes' : 'NO',
          odds?.milestones[k].probability == null ? '—' : `${Math.round(odds.milestones[k].probability! * 100)}%`,
          odds?.milestones[k].p85 ?? '—',
        ]),
        [1, 2, 3, 4, 5, 6, 8],
      ),
    );
  }
  if (s.notes.length > 0) out.push('', ...s.notes.map((n) => `note: ${sanitize(n)}`));
  io.out(out.join('\n'));
  return 0;
};

/** The schedule's capacity per lane and period, the milestones in days, and the odds. */
function measure(plan: LoadedPlan, a: Parsed, by: Period) {
  const s = scheduleOf(plan, a.today);
  const lanes = capacityByPeriod(plan.model, s, by);
  const mc = runForecast(plan, { today: a.today }, a, 'capacity');
  const hpd = plan.model.hoursPerDay;
  const milestones = s.milestones.map((f) => ({
    id: f.id,
    estimate_days: toDays(f.estimateHours, hpd),
    done_days: toDays(f.doneHours, hpd),
    remaining_days: toDays(f.remainingHours, hpd),
    progress_estimate: Math.round(f.progressEstimate * 1000) / 1000,
    progress_count: Math.round(f.progressCount * 1000) / 1000,
    capacity_days_left: f.capacityHoursLeft === null ? null : toDays(f.capacityHoursLeft, hpd),
    earlier_milestones_days: toDays(f.aheadHours ?? 0, hpd),
    fits: f.fits,
  }));
  const odds = mc ? forecastJson(mc) : null;
  return { s, lanes, milestones, odds };
}

function asJson({ s, lanes, milestones, odds }: ReturnType<typeof measure>) {
  return {
    version: 1,
    lanes: lanes.map((l) => ({
      lane: l.lane,
      periods: l.periods.map((p) => ({
        period: p.period,
        start: p.start,
        end: p.end,
        available_hours: r2(p.availableHours),
        planned_hours: r2(p.plannedHours),
        logged_hours: r2(p.loggedHours),
        free_hours: r2(p.freeHours),
        ...(p.committedHours !== undefined ? { committed_hours: r2(p.committedHours) } : {}),
        over: p.over,
      })),
    })),
    milestones,
    ...(odds ? { forecast: odds } : {}),
    unestimated: { open: s.unestimated.open, sized_from_sprint: s.unestimated.sized, assumption: s.unestimated.assumption },
    notes: s.notes,
  };
}
