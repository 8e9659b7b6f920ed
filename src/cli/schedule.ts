// `planboard schedule PLAN [--today D] [--scenario S] [--json] [--velocity]`: when each issue
// lands, the sprints, and a verdict per milestone. Loads no UI code.
import { resolve } from 'node:path';
import { CliError, type Command, type Io } from './command.js';
import { formatProblem, type LoadedPlan } from '../core/plan/load.js';
import { readPlanFile } from '../core/persist/read-plan.js';
import { isISODate, localToday, schedulePlan, ScheduleError, type Schedule, type ScheduleOptions } from '../core/schedule/index.js';
import { clip, table } from '../core/schedule/table.js';
import { sanitize, sanitizeJson } from '../core/text/sanitize.js';

const HELP = `usage: planboard schedule PLAN [--today YYYY-MM-DD] [--scenario ID] [--velocity] [--json]

Schedules the plan (lanes book their hours day by day, dependencies finish-to-start) and
prints each open issue's start, end and slack, the sprints, and each milestone's forecast.
  --today D      schedule from this date (default: today's local date)
  --scenario ID  use the lane assignment of scenario ID
  --velocity     scale remaining work by observed velocity (actual ÷ estimated hours)
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
  const a = parseArgs('schedule', args, HELP, ['--scenario'], ['--velocity']);
  if (!a) {
    io.out(HELP);
    return 0;
  }
  const plan = await loadPlan(a.file, io);
  const scenario = a.rest.get('--scenario') as string | undefined;
  const velocity = a.rest.has('--velocity');
  const s = runSchedule(plan, { today: a.today, scenario, velocity }, a.file);
  const scenarios = (plan.data.scenarios ?? []).map((sc) => ({
    id: sc.id,
    finish: sc.id === scenario ? s.finish : runSchedule(plan, { today: a.today, scenario: sc.id, velocity }, a.file).finish,
  }));
  if (a.json) io.out(sanitizeJson(toJson(plan, s, scenarios), 2));
  else io.out(toText(plan, s, scenarios));
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
      };
    }),
    sprints: s.sprints.map((sp) => ({ name: sp.name, start: sp.start, end: sp.end })),
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

function toText(plan: LoadedPlan, s: Schedule, scenarios: { id: string; finish: string | null }[]): string {
  const m = plan.model;
  const out: string[] = [];
  out.push(`${sanitize(m.title)} — scheduled from ${s.today}${s.scenario ? `, scenario ${s.scenario}` : ''}; finish ${s.finish ?? '—'}`);
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
  if (s.criticalPath.length > 0) out.push('', `Critical path: ${s.criticalPath.map(sanitize).join(' → ')}`);
  if (s.milestones.length > 0) {
    out.push('', 'Milestones');
    out.push(
      table(
        ['ID', 'DEADLINE', 'EXPECTED', 'OPTIMISTIC', 'PESSIMISTIC', 'VERDICT', 'SLIP'],
        s.milestones.map((f) => [f.id, f.deadline ?? '—', f.expected ?? '—', f.optimistic ?? '—', f.pessimistic ?? '—', f.verdict ?? '—', f.slipDays]),
        [6],
      ),
    );
  }
  if (s.sprints.length > 0) {
    out.push('', 'Sprints');
    out.push(table(['SPRINT', 'START', 'END'], s.sprints.map((sp) => [sp.name, sp.start, sp.end])));
  }
  if (scenarios.length > 0) {
    out.push('', 'Scenarios');
    out.push(table(['SCENARIO', 'FINISH'], scenarios.map((sc) => [sc.id, sc.finish ?? '—'])));
  }
  if (s.notes.length > 0) out.push('', ...s.notes.map((n) => `note: ${sanitize(n)}`));
  return out.join('\n');
}
