// `planboard schedule PLAN [--today D] [--scenario S] [--json] [--velocity]`: when each issue
// lands, the sprints, and a verdict per milestone. Loads no UI code.
import { resolve } from 'node:path';
import { CliError, type Command, type Io } from './command.js';
import { formatProblem, type LoadedPlan } from '../core/plan/load.js';
import { readPlanFile } from '../core/persist/read-plan.js';
import {
  isISODate,
  defaultSamples,
  localToday,
  monteCarlo,
  schedulePlan,
  ScheduleError,
  type MonteCarloForecast,
  type Schedule,
  type ScheduleOptions,
} from '../core/schedule/index.js';
import { clip, table } from '../core/schedule/table.js';
import { sanitize, sanitizeJson } from '../core/text/sanitize.js';

const HELP = `usage: planboard schedule PLAN [--today YYYY-MM-DD] [--scenario ID] [--velocity] [--json]

Schedules the plan (lanes book their hours day by day, dependencies finish-to-start) and
prints each open issue's start, end and slack, the sprints, and each milestone's forecast.
  --today D      schedule from this date (default: today's local date)
  --scenario ID  use the lane assignment of scenario ID
  --velocity     scale remaining work by observed velocity (actual ÷ estimated hours)
  --samples N    Monte Carlo samples for the odds of landing (default 1000, fewer on
                 plans with over 100 open issues; 0 for none)
  --seed N       seed of the Monte Carlo draws (default 1): the same seed, the same odds
  --json         print JSON (version 1) instead of tables`;

export interface CommonArgs {
  file: string;
  today: string;
  json: boolean;
  rest: Map<string, string | true>;
}

/** Parses PLAN, --today, --json and the command's own options (`valued` take a value). */
export function parseArgs(cmd: string, args: string[], help: string, valued: string[], flags: string[]): CommonArgs | null {
  const rest = new Map<string, string | true>();
  let file: string | undefined;
  let today: string | undefined;
  let json = false;
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    const [name, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? args[++k];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new CliError(`${cmd}: ${name} needs a value\n${help}`, 2);
      return v;
    };
    if (name === '--help' || name === '-h') return null;
    else if (name === '--json') json = true;
    else if (name === '--today') today = value();
    else if (valued.includes(name)) rest.set(name, value());
    else if (flags.includes(name)) rest.set(name, true);
    else if (name.startsWith('-') && name !== '-') throw new CliError(`${cmd}: unknown option ${name}\n${help}`, 2);
    else if (file === undefined) file = a;
    else throw new CliError(`${cmd}: one plan file at a time (got ${file} and ${a})`, 2);
  }
  if (file === undefined) throw new CliError(`${cmd}: name a plan file\n${help}`, 2);
  if (today !== undefined && !isISODate(today)) throw new CliError(`${cmd}: bad --today "${today}": expected a date YYYY-MM-DD`, 1);
  return { file, today: today ?? localToday(), json, rest };
}

export async function loadPlan(file: string, io: Io): Promise<LoadedPlan> {
  const result = await readPlanFile(resolve(io.cwd, file));
  if (!result.ok) throw new CliError(result.problems.map((p) => formatProblem({ ...p, file })).join('\n'), 1);
  return result.plan;
}

/** Runs the engine, turning its errors (cycles, unknown ids or scenarios) into clean CLI errors. */
export function runSchedule(plan: LoadedPlan, opts: ScheduleOptions, file: string): Schedule {
  try {
    return schedulePlan(plan.model, opts);
  } catch (e) {
    if (e instanceof ScheduleError) throw new CliError(`${file}: ${e.message}`, 1);
    throw e;
  }
}

export const run: Command = async (args, io) => {
  const a = parseArgs('schedule', args, HELP, ['--scenario', '--samples', '--seed'], ['--velocity']);
  if (!a) {
    io.out(HELP);
    return 0;
  }
  const plan = await loadPlan(a.file, io);
  const scenario = a.rest.get('--scenario') as string | undefined;
  const velocity = a.rest.has('--velocity');
  const s = runSchedule(plan, { today: a.today, scenario, velocity }, a.file);
  const mc = runForecast(plan, { today: a.today, scenario, velocity }, a.rest, 'schedule');
  const scenarios = (plan.data.scenarios ?? []).map((sc) => ({
    id: sc.id,
    finish: sc.id === scenario ? s.finish : runSchedule(plan, { today: a.today, scenario: sc.id, velocity }, a.file).finish,
  }));
  if (a.json) io.out(sanitizeJson({ ...toJson(plan, s, scenarios), ...(mc ? { forecast: forecastJson(mc) } : {}) }, 2));
  else io.out(toText(plan, s, scenarios, mc));
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
export function runForecast(plan: LoadedPlan, opts: ScheduleOptions, rest: Map<string, string | true>, cmd: string): MonteCarloForecast | null {
  const int = (name: string, fallback: number, max: number) => {
    const raw = rest.get(name);
    if (raw === undefined) return fallback;
    const v = Number(raw);
    if (!Number.isInteger(v) || v < 0 || v > max) throw new CliError(`${cmd}: bad ${name} "${String(raw)}": expected a whole number from 0 to ${max}`, 2);
    return v;
  };
  const samples = int('--samples', defaultSamples(plan.model), 100_000);
  const seed = int('--seed', 1, 2 ** 31 - 1);
  if (samples === 0) return null;
  try {
    return monteCarlo(plan.model, { ...opts, samples, seed });
  } catch (e) {
    if (e instanceof ScheduleError) throw new CliError(`${cmd}: ${e.message}`, 1);
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
  if (s.criticalPath.length > 0) out.push('', sanitize(`Critical path: ${s.criticalPath.join(' → ')}`));
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
