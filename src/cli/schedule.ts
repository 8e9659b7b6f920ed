// `planboard schedule PLAN [--today D] [--scenario S] [--json] [--velocity]`: when each issue
// lands, the sprints, and a verdict per milestone. Loads no UI code.
import { CliError, type Handler } from './command.js';
import { flag, str, type Parsed } from './args.js';
import { checkScenario, loadPlan, scheduleOf } from './input.js';
import type { LoadedPlan } from '../core/plan/load.js';
import {
  defaultSamples,
  monteCarlo,
  ScheduleError,
  type MonteCarloForecast,
  type Schedule,
  type ScheduleOptions,
} from '../core/schedule/index.js';
import { cachedOutput } from './output-cache.js';
import { clip, table } from './table.js';
import { sanitize, sanitizeJson } from '../core/text/sanitize.js';

export const run: Handler = async (a, io) => {
  const plan = await loadPlan('schedule', io, a.args.plan!);
  const scenario = checkScenario('schedule', plan, str(a, 'scenario'));
  const velocity = flag(a, 'velocity');
  const compute = (json: boolean) => {
    const s = scheduleOf(plan, a.today, { today: a.today, scenario, velocity });
    const mc = runForecast(plan, { today: a.today, scenario, velocity }, a, 'schedule');
    const scenarios = (plan.data.scenarios ?? []).map((sc) => ({
      id: sc.id,
      finish: sc.id === scenario ? s.finish : scheduleOf(plan, a.today, { today: a.today, scenario: sc.id, velocity }).finish,
    }));
    return json ? sanitizeJson({ ...toJson(plan, s, scenarios), ...(mc ? { forecast: forecastJson(mc) } : {}) }, 2) : toText(plan, s, scenarios, mc);
  };
  if (flag(a, 'json')) {
    const options = ['schedule --json', a.today, scenario ?? '', String(velocity), str(a, 'samples') ?? '', str(a, 'seed') ?? ''];
    io.out(cachedOutput(plan, options, () => compute(true)));
  } else io.out(compute(false));
  return 0;
};

export function toJson(plan: LoadedPlan, s: Schedule, scenarios: { id: string; finish: string | null }[]) {
  const m = plan.model;
  return {
    version: 1,
    issues: m.issues.map((x, i) => {
      const r = s.issues[i];
      return {
        id: x.id,
        title: x.title,
        group: x.group ?? null,
        lane: r.lane,
        status: x.status,
        start: r.start,
        end: r.end,
        slack_days: r.slackDays,
        critical: r.critical,
        unestimated: r.unestimated,
        ...(r.assumedHours !== undefined ? { assumed_hours: Math.round(r.assumedHours * 100) / 100 } : {}),
        ...(r.sprint !== undefined ? { sprint: r.sprint } : {}),
      };
    }),
    finish: s.finish,
    critical_path: s.criticalPath,
    critical_source: s.criticalSource,
    unestimated: { open: s.unestimated.open, sized_from_sprint: s.unestimated.sized, assumption: s.unestimated.assumption },
    notes: s.notes,
    // What the plan says of each sprint: its goal, critical path, parallel options and gate.
    sprints: s.sprints.map((sp) => {
      const d = (m.data.calendar?.sprints?.list ?? []).find((x) => x.name === sp.name);
      return {
        name: sp.name,
        start: sp.start,
        end: sp.end,
        ...(d?.goal ? { goal: d.goal } : {}),
        ...(d?.critical?.length ? { critical: d.critical } : {}),
        ...(d?.parallel?.length ? { parallel: d.parallel } : {}),
        ...(d?.gate?.length ? { gate: d.gate } : {}),
      };
    }),
    milestones: s.milestones.map((f) => ({
      id: f.id,
      deadline: f.deadline,
      expected: f.expected,
      optimistic: f.optimistic,
      pessimistic: f.pessimistic,
      verdict: f.verdict,
      slip_days: f.slipDays,
    })),
    ...(scenarios.length > 0 ? { scenarios } : {}),
  };
}

/** Reads --samples and --seed (checked) and runs the Monte Carlo forecast; null for --samples 0. */
export function runForecast(plan: LoadedPlan, opts: ScheduleOptions, a: Parsed, cmd: string): MonteCarloForecast | null {
  // --samples and --seed are checked as whole numbers in range by the argument parser (the table).
  const samples = str(a, 'samples') === undefined ? defaultSamples(plan.model) : Number(str(a, 'samples'));
  const seed = str(a, 'seed') === undefined ? 1 : Number(str(a, 'seed'));
  if (samples === 0) return null;
  try {
    return monteCarlo(plan.model, { ...opts, samples, seed });
  } catch (e) {
    if (e instanceof ScheduleError) throw new CliError(`planboard ${cmd}: ${e.message}`, 1);
    throw e;
  }
}

/** The forecast as JSON: samples, seed, per milestone the odds and P50/P85, the finish. */
export function forecastJson(mc: MonteCarloForecast) {
  const r3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
  return {
    samples: mc.samples,
    seed: mc.seed,
    milestones: mc.milestones.map((m) => ({ id: m.id, deadline: m.deadline, probability: r3(m.probability), p50: m.p50, p85: m.p85 })),
    finish: { p50: mc.finish.p50, p85: mc.finish.p85, probability_by_target: r3(mc.finish.probability) },
    evidence: mc.evidence.map((e) => ({ lane: e.lane, issues: e.ratios.length, mean_ratio: r3(e.ratios.reduce((x, y) => x + y, 0) / e.ratios.length) })),
  };
}

function toText(plan: LoadedPlan, s: Schedule, scenarios: { id: string; finish: string | null }[], mc: MonteCarloForecast | null = null): string {
  const m = plan.model;
  const out: string[] = [];
  out.push(sanitize(`${m.title} — scheduled from ${s.today}${s.scenario ? `, scenario ${s.scenario}` : ''}; finish ${s.finish ?? '—'}`));
  const open = m.issues.map((x, i) => [x, s.issues[i]] as const).filter(([x]) => !x.done);
  out.push('');
  if (open.length === 0) out.push('Every issue is done.');
  else {
    out.push(
      table(
        ['ID', 'TITLE', 'LANE', 'STATUS', 'START', 'END', 'SLACK', 'CRIT', ''],
        open.map(([x, r]) => [
          x.id,
          clip(x.title, 40),
          r.lane,
          x.status,
          r.start ?? '—',
          r.end ?? '—',
          r.slackDays === null ? '—' : r.slackDays,
          r.critical ? '*' : '',
          r.unestimated ? 'no estimate' : '',
        ]),
        [6],
      ),
    );
  }
  const done = m.issues.length - open.length;
  if (done > 0) out.push(`(${done} done issue${done === 1 ? '' : 's'} not shown)`);
  if (s.criticalPath.length > 0) out.push('', sanitize(`${s.criticalSource === 'declared' ? 'Critical path (declared by the plan)' : 'Critical path'}: ${s.criticalPath.join(' → ')}`));
  if (s.milestones.length > 0) {
    out.push('', 'Milestones');
    out.push(
      table(
        ['ID', 'DEADLINE', 'EXPECTED', 'OPTIMISTIC', 'PESSIMISTIC', 'VERDICT', 'SLIP', 'ODDS', 'P50', 'P85'],
        s.milestones.map((f, k) => {
          const o = mc?.milestones[k];
          return [
            f.id, f.deadline ?? '—', f.expected ?? '—', f.optimistic ?? '—', f.pessimistic ?? '—', f.verdict ?? '—', f.slipDays,
            o?.probability == null ? '—' : `${Math.round(o.probability * 100)}%`, o?.p50 ?? '—', o?.p85 ?? '—',
          ];
        }),
        [6, 7],
      ),
    );
  }
  if (s.sprints.length > 0) {
    out.push('', 'Sprints');
    const list = m.data.calendar?.sprints?.list ?? [];
    out.push(
      table(
        ['SPRINT', 'START', 'END', 'GOAL', 'PARALLEL OPTIONS'],
        s.sprints.map((sp) => {
          const d = list.find((x) => x.name === sp.name);
          return [sp.name, sp.start, sp.end, clip(d?.goal ?? '', 40), d?.parallel?.length ? String(d.parallel.length) : ''];
        }),
      ),
    );
  }
  if (scenarios.length > 0) {
    out.push('', 'Scenarios');
    out.push(table(['SCENARIO', 'FINISH'], scenarios.map((sc) => [sc.id, sc.finish ?? '—'])));
  }
  if (mc) out.push('', `Odds: ${mc.samples} Monte Carlo samples (seed ${mc.seed}) of the ranges${mc.evidence.length ? ' and each lane\'s logged ÷ estimated hours' : ''}; ODDS is the chance of landing by the deadline.`);
  if (s.notes.length > 0) out.push('', ...s.notes.map((n) => sanitize(`note: ${n}`)));
  return out.join('\n');
}
