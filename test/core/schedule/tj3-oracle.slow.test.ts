// TaskJuggler as an oracle: the tjp export of a plan, scheduled by tj3, gives the same dates as
// `planboard schedule`. Small plans with their dates written here, then every bundled plan under
// each of its scenarios and generated plans compared issue by issue, the figures printed. Needs
// tj3 (it fails, never skips, without).
import { describe, expect, it } from 'vitest';
import { compareWithTj3, requireTj3, tj3Dates } from './tj3.js';
import { model } from './helpers.js';
import { loadPlan, PLANS } from '../../seeds/helpers.js';
import { schedulePlan } from '../../../src/core/schedule/index.js';
import { loadPlanText } from '../../../src/core/plan/load.js';
import { generatePlan } from '../../../bench/lib/gen-plan.mjs';

const TODAY = '2026-03-02'; // a Monday

/** Our dates and tj3's for every open issue, as [id, start, end]. */
function both(plan: Record<string, unknown>) {
  requireTj3();
  const m = model(plan);
  const s = schedulePlan(m, { today: TODAY });
  const t = tj3Dates(m, s);
  const ours = s.issues.filter((x) => x.remainingHours > 0).map((x) => [x.id, x.start, x.end]);
  const theirs = ours.map(([id]) => [id, t.get(id as string)?.start, t.get(id as string)?.end]);
  return { ours, theirs };
}

const issue = (id: string, extra: Record<string, unknown>) => ({ id, title: id, ...extra });

describe('tj3 agrees on small plans (dates written here)', () => {
  it('weekly capacity: 8h/w is 1.6h a day, not 8h on Monday', () => {
    const { ours, theirs } = both({ lanes: [{ id: 'a', capacity: '8h/w' }], issues: [issue('A', { estimate: '4h', lane: 'a' }), issue('B', { estimate: '4h', lane: 'a' })] });
    expect(ours).toEqual([
      ['A', '2026-03-02', '2026-03-04'],
      ['B', '2026-03-04', '2026-03-06'],
    ]);
    expect(theirs).toEqual(ours);
  });

  it('a capacity change halves the lane from a date', () => {
    const { ours, theirs } = both({
      lanes: [{ id: 'a', capacity: '8h/d', changes: [{ from: '2026-03-04', capacity: '4h/d' }] }],
      issues: [issue('A', { estimate: '24h', lane: 'a' })],
    });
    expect(ours).toEqual([['A', '2026-03-02', '2026-03-05']]);
    expect(theirs).toEqual(ours);
  });

  it('a lag of two working days over a weekend', () => {
    const { ours, theirs } = both({
      lanes: [{ id: 'a', capacity: '8h/d' }],
      issues: [issue('A', { estimate: '4d', lane: 'a' }), issue('B', { estimate: '1d', lane: 'a', depends_on: [{ id: 'A', lag: '2d' }] })],
    });
    expect(ours).toEqual([
      ['A', '2026-03-02', '2026-03-05'],
      ['B', '2026-03-10', '2026-03-10'],
    ]);
    expect(theirs).toEqual(ours);
  });

  it('levelling: one lane, the higher priority first, then the earlier deadline', () => {
    const { ours, theirs } = both({
      lanes: [{ id: 'a', capacity: '8h/d' }],
      milestones: [{ id: 'soon', deadline: '2026-03-06' }],
      issues: [
        issue('LOW', { estimate: '1d', lane: 'a', priority: 'low' }),
        issue('LATER', { estimate: '1d', lane: 'a' }),
        issue('DUE', { estimate: '1d', lane: 'a', milestone: 'soon' }),
        issue('TOP', { estimate: '1d', lane: 'a', priority: 'critical' }),
      ],
    });
    expect(ours).toEqual([
      ['LOW', '2026-03-05', '2026-03-05'],
      ['LATER', '2026-03-04', '2026-03-04'],
      ['DUE', '2026-03-03', '2026-03-03'],
      ['TOP', '2026-03-02', '2026-03-02'],
    ]);
    expect(theirs).toEqual(ours);
  });

  it('leave: a week off moves the work past it', () => {
    const { ours, theirs } = both({
      lanes: [{ id: 'a', capacity: '8h/d', time_off: [{ from: '2026-03-03', to: '2026-03-06' }] }],
      issues: [issue('A', { estimate: '2d', lane: 'a' })],
    });
    expect(ours).toEqual([['A', '2026-03-02', '2026-03-09']]);
    expect(theirs).toEqual(ours);
  });

  it('holidays and a freeze close the calendar for everyone', () => {
    const { ours, theirs } = both({
      calendar: { holidays: ['2026-03-03'], freezes: [{ from: '2026-03-05', to: '2026-03-06' }] },
      lanes: [{ id: 'a', capacity: '6h/d' }],
      issues: [issue('A', { estimate: '18h', lane: 'a' })],
    });
    expect(ours).toEqual([['A', '2026-03-02', '2026-03-09']]);
    expect(theirs).toEqual(ours);
  });

  it('an external lead time holds only the dependents, not the issue itself', () => {
    const { ours, theirs } = both({
      lanes: [{ id: 'a', capacity: '8h/d' }],
      issues: [
        issue('A', { estimate: '1d', lane: 'a', external: [{ title: 'vendor', lead: '3d' }] }),
        issue('B', { estimate: '1d', lane: 'a', depends_on: ['A'] }),
      ],
    });
    expect(ours).toEqual([
      ['A', '2026-03-02', '2026-03-02'],
      ['B', '2026-03-05', '2026-03-05'],
    ]);
    expect(theirs).toEqual(ours);
  });
});

describe('tj3 agrees on what the export used to lose', () => {
  it('a lane with more than a day\'s hours keeps them', () => {
    const { ours, theirs } = both({ lanes: [{ id: 'a', capacity: '10h/d' }, { id: 'b', capacity: '8h/w' }], issues: [issue('A', { estimate: '30h', lane: 'a' }), issue('B', { estimate: '4h', lane: 'b' })] });
    expect(ours).toEqual([
      ['A', '2026-03-02', '2026-03-04'],
      ['B', '2026-03-02', '2026-03-04'],
    ]);
    expect(theirs).toEqual(ours);
  });

  it('an in-progress issue starts at once, its open dependency notwithstanding', () => {
    const { ours, theirs } = both({
      lanes: [{ id: 'a', capacity: '8h/d' }, { id: 'b', capacity: '8h/d' }],
      issues: [issue('A', { estimate: '2d', lane: 'a' }), issue('B', { estimate: '1d', lane: 'b', status: 'in-progress', depends_on: ['A'] })],
    });
    expect(ours).toEqual([
      ['A', '2026-03-02', '2026-03-03'],
      ['B', '2026-03-02', '2026-03-02'],
    ]);
    expect(theirs).toEqual(ours);
  });

  it('an issue in a sprint waits for the sprint, and a deadline does not move it', () => {
    const { ours, theirs } = both({
      calendar: { sprints: { length: '1w', start: '2026-03-02' } },
      lanes: [{ id: 'a', capacity: '8h/d' }],
      milestones: [{ id: 'm', deadline: '2026-03-10' }],
      issues: [issue('A', { estimate: '1d', lane: 'a', sprint: 'Sprint 2', milestone: 'm' })],
    });
    expect(ours).toEqual([['A', '2026-03-09', '2026-03-09']]);
    expect(theirs).toEqual(ours);
  });
});

describe('tj3 and a missed deadline', () => {
  it('schedules a late issue all the same (tj3 warns that maxend is missed)', () => {
    const { ours, theirs } = both({
      lanes: [{ id: 'a', capacity: '8h/d' }],
      milestones: [{ id: 'm', deadline: '2026-03-03' }],
      issues: [issue('A', { estimate: '4d', lane: 'a', milestone: 'm' })],
    });
    expect(ours).toEqual([['A', '2026-03-02', '2026-03-05']]);
    expect(theirs).toEqual(ours);
  });
});

describe('tj3 agrees on hand-overs within the day', () => {
  it('work ending at noon lets a dependent on another lane start that afternoon', () => {
    const { ours, theirs } = both({
      lanes: [{ id: 'a', capacity: '8h/d' }, { id: 'b', capacity: '8h/d' }],
      issues: [issue('A', { estimate: '4h', lane: 'a' }), issue('B', { estimate: '6h', lane: 'b', depends_on: ['A'] })],
    });
    expect(ours).toEqual([
      ['A', '2026-03-02', '2026-03-02'],
      ['B', '2026-03-02', '2026-03-03'],
    ]);
    expect(theirs).toEqual(ours);
  });

  it('a sub-day lag counts in hours of the working day', () => {
    const { ours, theirs } = both({
      lanes: [{ id: 'a', capacity: '8h/d' }, { id: 'b', capacity: '8h/d' }],
      issues: [
        issue('A', { estimate: '1d', lane: 'a' }),
        issue('B', { estimate: '1d', lane: 'a', depends_on: [{ id: 'A', lag: '1h' }] }),
        issue('C', { estimate: '4h', lane: 'b' }),
        issue('D', { estimate: '2h', lane: 'b', depends_on: [{ id: 'C', lag: '2h' }] }),
        issue('E', { estimate: '3h', lane: 'b', depends_on: [{ id: 'C', lag: '1h' }] }),
      ],
    });
    expect(ours).toEqual([
      ['A', '2026-03-02', '2026-03-02'],
      ['B', '2026-03-03', '2026-03-04'],
      ['C', '2026-03-02', '2026-03-02'],
      ['D', '2026-03-03', '2026-03-03'],
      ['E', '2026-03-02', '2026-03-02'],
    ]);
    expect(theirs).toEqual(ours);
  });

  it('a lane on fewer hours from a date works at its full pace until the day\'s hours are booked', () => {
    // a: 4h a day until the 16th, 8h after: its pace is 8h a day. X ends at 10:00; Y (3h) runs
    // 10:00–13:00, not spread over the day; Z then has the afternoon on b.
    const { ours, theirs } = both({
      lanes: [{ id: 'a', capacity: '4h/d', changes: [{ from: '2026-03-16', capacity: '8h/d' }] }, { id: 'b', capacity: '8h/d' }],
      issues: [
        issue('X', { estimate: '2h', lane: 'b' }),
        issue('Y', { estimate: '3h', lane: 'a', depends_on: ['X'] }),
        issue('Z', { estimate: '3h', lane: 'b', depends_on: ['Y'] }),
        issue('W', { estimate: '2h', lane: 'a', depends_on: ['Y'] }),
      ],
    });
    expect(ours).toEqual([
      ['X', '2026-03-02', '2026-03-02'],
      ['Y', '2026-03-02', '2026-03-02'],
      ['Z', '2026-03-02', '2026-03-02'],
      ['W', '2026-03-02', '2026-03-03'],
    ]);
    expect(theirs).toEqual(ours);
  });

  it('a freeze of one track stops only its issues; the lane works on the rest meanwhile', () => {
    const { ours, theirs } = both({
      calendar: { freezes: [{ from: '2026-03-03', to: '2026-03-04', tracks: ['infra'] }] },
      lanes: [{ id: 'a', capacity: '8h/d' }],
      issues: [issue('I', { estimate: '2d', lane: 'a', track: 'infra', priority: 'high' }), issue('S', { estimate: '1d', lane: 'a' })],
    });
    expect(ours).toEqual([
      ['I', '2026-03-02', '2026-03-05'],
      ['S', '2026-03-03', '2026-03-03'],
    ]);
    expect(theirs).toEqual(ours);
  });
});

/** Prints a comparison's figures (and the worst differences) so the run shows them. */
function report(name: string, a: ReturnType<typeof compareWithTj3>) {
  const worst = a.diffs.slice(0, 3).map((d) => `${d.id} ours ${d.ours.join('..')} tj3 ${d.theirs.join('..')}`);
  console.log(`tj3 vs planboard, ${name}: ${a.equal}/${a.compared} same dates (${((100 * a.equal) / Math.max(1, a.compared)).toFixed(1)}%), ${a.far.length} more than a working day apart${worst.length ? `; ${worst.join('; ')}` : ''}`);
}

describe('tj3 agrees on every bundled plan, under each of its scenarios', () => {
  const plans: [string, string][] = [
    [PLANS.koprogo, '2025-11-03'],
    [PLANS.stoaV4, '2026-01-06'],
    [PLANS.stoaV2, '2026-01-05'],
    [PLANS.platform, '2025-10-22'],
    [PLANS.k3s, '2026-02-16'],
  ];
  const cases: [string, string, string | undefined][] = plans.flatMap(([file, today]) => [
    [file, today, undefined],
    ...(loadPlan(file).model.data.scenarios ?? []).map((s): [string, string, string] => [file, today, s.id]),
  ]);
  it('covers every scenario a plan has (k3s: 2-, 3- and 4-dev)', () => {
    expect(cases.filter(([f]) => f === PLANS.k3s).map(([, , s]) => s)).toEqual([undefined, '2-dev', '3-dev', '4-dev']);
  });
  it.each(cases)('%s from %s (scenario %s): at least 95 in 100 open issues on the same dates, all within a working day', (file, today, scenario) => {
    requireTj3();
    const a = compareWithTj3(loadPlan(file).model, today, scenario);
    report(`${file}${scenario ? ` (${scenario})` : ''}`, a);
    // k3s without a scenario has no estimates: nothing books work, nothing to compare.
    if (!(file === PLANS.k3s && scenario === undefined)) expect(a.compared).toBeGreaterThan(0);
    expect(a.far).toEqual([]);
    if (a.compared > 0) expect(a.equal / a.compared).toBeGreaterThanOrEqual(0.95);
  }, 300_000);
});

describe('tj3 agrees on generated plans', () => {
  // Lanes of 3–12 people on weekly, daily and changing capacities, time off, holidays, a global
  // and a one-track freeze, sprints, ranges, lags, external waits, unassigned and in-progress work.
  const cases = [50, 100, 300].flatMap((issues) => [1, 2, 3].map((seed) => [issues, seed] as const));
  it.each(cases)('%i issues, seed %i: at least 95 in 100 open issues on the same dates, all within a working day', (issues, seed) => {
    requireTj3();
    const m = loadGenerated(issues, seed);
    const a = compareWithTj3(m, m.data.as_of!);
    report(`generated plan of ${issues} issues, seed ${seed}`, a);
    expect(a.compared).toBeGreaterThan(issues * 0.8);
    expect(a.far).toEqual([]);
    expect(a.equal / a.compared).toBeGreaterThanOrEqual(0.95);
  }, 300_000);
});

function loadGenerated(issues: number, seed: number) {
  const r = loadPlanText(generatePlan({ issues, seed }), `generated-${issues}-${seed}.yaml`);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
  return r.plan.model;
}
