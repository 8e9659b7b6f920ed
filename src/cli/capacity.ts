// `planboard capacity PLAN [--today D] [--by week|month|quarter|sprint] [--json]`: hours
// available, planned, logged and free per lane and period, and whether each milestone fits.
import { CliError, type Command } from './command.js';
import { forecastJson, loadPlan, parseArgs, runForecast, runSchedule } from './schedule.js';
import { capacityByPeriod, type Period } from '../core/schedule/index.js';
import { table, toDays } from '../core/schedule/table.js';
import { sanitize, sanitizeJson } from '../core/text/sanitize.js';

const HELP = `usage: planboard capacity PLAN [--today YYYY-MM-DD] [--by week|month|quarter|sprint] [--json]

Per lane and period: hours available (working days, holidays, time off), planned (booked by
the schedule), logged, and free; "over" marks an over-allocated period. Then per milestone:
work estimated, done and remaining in days, progress, and whether it fits before the deadline.
  --today D   schedule from this date (default: today's local date)
  --by P      week (default), month, quarter or sprint
  --samples N Monte Carlo samples for the odds of landing (default 1000, fewer on big plans; 0 for none)
  --seed N    seed of the Monte Carlo draws (default 1)
  --json      print JSON (version 1) instead of tables`;

const PERIODS: Period[] = ['week', 'month', 'quarter', 'sprint'];
const r2 = (n: number) => Math.round(n * 100) / 100;

export const run: Command = async (args, io) => {
  const a = parseArgs('capacity', args, HELP, ['--by', '--samples', '--seed'], []);
  if (!a) {
    io.out(HELP);
    return 0;
  }
  const by = (a.rest.get('--by') ?? 'week') as Period;
  if (!PERIODS.includes(by)) throw new CliError(`capacity: bad --by "${by}": expected week, month, quarter or sprint`, 1);
  const plan = await loadPlan(a.file, io);
  const s = runSchedule(plan, { today: a.today }, a.file);
  const lanes = capacityByPeriod(plan.model, s, by);
  const mc = runForecast(plan, { today: a.today }, a.rest, 'capacity');
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
  if (a.json) {
    io.out(
      sanitizeJson(
        {
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
        },
        2,
      ),
    );
    return 0;
  }
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
