// `planboard schedule PLAN [--today D] [--scenario S] [--json] [--velocity]`: when each issue
// lands, the sprints, and a verdict per milestone. Loads no UI code.
import type { Handler } from './command.js';
import { flag, str } from './args.js';
import { checkScenario, loadPlan, scheduleOf } from './input.js';
import type { LoadedPlan } from '../core/plan/load.js';
import type { Schedule } from '../core/schedule/index.js';
import { clip, table } from '../core/schedule/table.js';

export const run: Handler = async (a, io) => {
  const plan = await loadPlan('schedule', io, a.args.plan!);
  const scenario = checkScenario('schedule', plan, str(a, 'scenario'));
  const velocity = flag(a, 'velocity');
  const s = scheduleOf(plan, a.today, { today: a.today, scenario, velocity });
  const scenarios = (plan.data.scenarios ?? []).map((sc) => ({
    id: sc.id,
    finish: sc.id === scenario ? s.finish : scheduleOf(plan, a.today, { today: a.today, scenario: sc.id, velocity }).finish,
  }));
  if (flag(a, 'json')) io.out(JSON.stringify(toJson(plan, s, scenarios), null, 2));
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
  out.push(`${m.title} — scheduled from ${s.today}${s.scenario ? `, scenario ${s.scenario}` : ''}; finish ${s.finish ?? '—'}`);
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
  if (s.criticalPath.length > 0) out.push('', `Critical path: ${s.criticalPath.join(' → ')}`);
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
  if (s.notes.length > 0) out.push('', ...s.notes.map((n) => `note: ${n}`));
  return out.join('\n');
}
