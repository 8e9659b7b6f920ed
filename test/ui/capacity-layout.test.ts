import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlanText } from '../../src/core/plan/load.js';
import { capacityByPeriod, schedulePlan } from '../../src/core/schedule/index.js';
import type { CapacityCell, LaneCapacity, MilestoneForecast } from '../../src/core/schedule/types.js';
import { textWidth } from '../../src/ui/text.js';
import { type CapacityInput, capacityBar, dateCell, layoutCapacity } from '../../src/ui/layout/capacity.js';
import { scenarioFinishes } from '../../src/store/selectors.js';
import { lineText } from '../../src/ui/layout/segments.js';
import { model, PLAN, TODAY } from './timeline-fixtures.js';

const M = model(PLAN);

const cell = (period: string, start: string, end: string, availableHours: number, plannedHours: number, loggedHours = 0): CapacityCell => ({
  period,
  start,
  end,
  availableHours,
  plannedHours,
  loggedHours,
  freeHours: Math.max(0, availableHours - plannedHours - loggedHours),
  over: plannedHours + loggedHours > availableHours,
});

const CAPACITY: LaneCapacity[] = [
  { lane: 'ann', periods: [cell('2026-W01', '2025-12-29', '2026-01-04', 16, 16), cell('2026-W02', '2026-01-05', '2026-01-11', 40, 20, 4), cell('2026-W03', '2026-01-12', '2026-01-18', 32, 48)] },
  { lane: 'bob', periods: [cell('2026-W01', '2025-12-29', '2026-01-04', 8, 0), cell('2026-W02', '2026-01-05', '2026-01-11', 8, 8), cell('2026-W03', '2026-01-12', '2026-01-18', 0, 0)] },
];

const forecast = (over: Partial<MilestoneForecast>): MilestoneForecast => ({
  id: 'M1',
  title: 'First',
  deadline: '2026-01-30',
  issues: ['A', 'B', 'C'],
  estimateHours: 72,
  doneHours: 16,
  remainingHours: 56,
  unestimated: 0,
  progressEstimate: 16 / 72,
  progressCount: 1 / 3,
  expected: '2026-01-16',
  optimistic: '2026-01-14',
  pessimistic: '2026-01-27',
  verdict: 'on-track',
  slipDays: 0,
  capacityHoursLeft: 100,
  fits: true,
  ...over,
});

function input(over: Partial<CapacityInput> = {}): CapacityInput {
  return { model: M, capacity: CAPACITY, milestones: [forecast({})], period: 'week', today: TODAY, scenarios: [], scenario: undefined, width: 80, height: 20, ...over };
}

const text = (over: Partial<CapacityInput> = {}) => layoutCapacity(input(over)).map(lineText);

describe('capacity bars', () => {
  it('fills planned hours solid and the rest of the available hours light', () => {
    expect(lineText(capacityBar(cell('w', TODAY, TODAY, 40, 20), 8))).toBe('████░░░░');
  });
  it('shows logged hours apart from planned ones', () => {
    expect(lineText(capacityBar(cell('w', TODAY, TODAY, 40, 20, 10), 8))).toBe('▒▒████░░') // 10 logged + 20 planned of 40, 5 h a cell;
  });
  it('draws hours beyond what is available in the over glyph and style', () => {
    const bar = capacityBar(cell('w', TODAY, TODAY, 32, 48), 6);
    expect(lineText(bar)).toBe('████▓▓');
    expect(bar.find((s) => s.text.includes('▓'))!.style).toBe('over');
  });
  it('shows a lane with no hours at all as a dotted bar', () => {
    expect(lineText(capacityBar(cell('w', TODAY, TODAY, 0, 0), 5))).toBe('·····');
  });
});

describe('capacity matrix', () => {
  const lines = text();
  it('starts at the period holding today and shows one row per lane', () => {
    expect(lines[1]).toMatch(/^‹1 lane\s+W02 01-05\s+W03 01-12/); // ‹1: one earlier week to scroll back to
    expect(lines[1]).not.toContain('W01');
    expect(lines[2]).toMatch(/^Ann\s/);
    expect(lines[3]).toMatch(/^bob\s/);
  });
  it('marks an over-allocated period with ▲ and the over style, not colour alone', () => {
    expect(lines[2]).toMatch(/24\/40 .*48\/32▲/);
    const ann = layoutCapacity(input())[2];
    expect(ann.some((s) => s.style === 'over' && s.text.includes('48/32'))).toBe(true);
    expect(lines[3]).not.toContain('▲');
  });
  it('scrolls across periods', () => {
    expect(text({ periodOffset: 1 })[1]).toMatch(/^‹2 lane\s+W03 01-12/);
    expect(text({ periodOffset: -1 })[1]).toMatch(/^lane\s+W01 /);
    expect(text({ periodOffset: -9 })[1]).toMatch(/^lane\s+W01 /); // kept within the periods
  });
  it('says so when the plan has no sprints', () => {
    const none = text({ period: 'sprint', capacity: CAPACITY.map((l) => ({ lane: l.lane, periods: [] })) });
    expect(none[2]).toMatch(/^This plan has no sprints\./);
  });
});

describe('milestone table', () => {
  it('lists estimate, remaining, progress, the three forecasts and the verdict', () => {
    const t = text();
    const header = t.findIndex((l) => l.startsWith('Milestone'));
    expect(t[header]).toMatch(/Milestone\s+Due\s+Est\s+Left\s+Done\s+Expected\s+Optimist\s+Pessimist\s+Verdict/);
    expect(t[header + 1]).toMatch(/^─+$/);
    expect(t[header + 2]).toMatch(/^M1 First\s+Jan 30\s+9d\s+7d\s+22%\s+Jan 16\s+Jan 14\s+Jan 27\s+✓ on-track/);
  });
  it('gives late milestones their slip and a mark, at-risk ones a mark of their own', () => {
    const t = text({ milestones: [forecast({ verdict: 'late', slipDays: 5 }), forecast({ id: 'M2', title: undefined, verdict: 'at-risk' }), forecast({ id: 'M3', title: undefined, deadline: null, verdict: null })] });
    expect(t.find((l) => l.startsWith('M1'))).toMatch(/▲ late \+5d\s*$/);
    expect(t.find((l) => l.startsWith('M2'))).toMatch(/~ at-risk\s*$/);
    expect(t.find((l) => l.startsWith('M3'))).toMatch(/—.*no deadline/);
  });
  it('counts unestimated issues next to the estimate', () => {
    expect(text({ milestones: [forecast({ unestimated: 2 })] }).find((l) => l.startsWith('M1'))).toMatch(/9d\+2\?/);
  });
  it('writes the year only when it is not this year', () => {
    expect(dateCell('2026-03-02', TODAY)).toBe('Mar 02');
    expect(dateCell('2027-03-02', TODAY)).toBe('Mar 02 2027');
    expect(dateCell(null, TODAY)).toBe('—');
  });
  it('keeps within the box, giving up milestones with a count before lanes', () => {
    const many = Array.from({ length: 30 }, (_, k) => forecast({ id: `M${k}` }));
    for (const height of [4, 8, 12, 20]) {
      const t = text({ milestones: many, height });
      expect(t.length).toBeLessThanOrEqual(height);
      for (const l of t) expect(textWidth(l)).toBeLessThanOrEqual(80);
    }
    const t = text({ milestones: many, height: 12 });
    expect(t.some((l) => /^… \d+ more milestones/.test(l))).toBe(true);
    expect(t.some((l) => l.startsWith('bob'))).toBe(true);
  });
});

describe('on the seed plans (real engine)', () => {
  const load = (f: string) => {
    const r = loadPlanText(readFileSync(f, 'utf8'), f);
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    return r.plan.model;
  };

  it('k3s-mono-pgsql: shows each scenario\'s finish side by side and marks the chosen one', () => {
    const k3s = load('plans/k3s-mono-pgsql.yaml');
    const today = '2026-02-10';
    const scenarios = scenarioFinishes(k3s, today);
    expect(scenarios.map((s) => s.id)).toEqual([undefined, ...(k3s.data.scenarios ?? []).map((s) => s.id)]);
    expect(scenarios.length).toBeGreaterThanOrEqual(4);
    const chosen = scenarios[2].id;
    const s = schedulePlan(k3s, { today, scenario: chosen });
    const t = layoutCapacity({ model: k3s, capacity: capacityByPeriod(k3s, s, 'week'), milestones: s.milestones, period: 'week', today, scenarios, scenario: chosen, width: 120, height: 24 }).map(lineText);
    const line = t.find((l) => l.startsWith('finish:'))!;
    for (const sc of scenarios) expect(line).toContain(`${sc.title.slice(0, 10)}`);
    expect(line).toContain(`▶${scenarios[2].title.slice(0, 10)}`);
    expect(t[0]).toContain(scenarios[2].title);
    expect(scenarioFinishes(k3s, today)).toBe(scenarios); // memoised: once per edit, not per key
  });

  it('platform-delivery: one column per sprint', () => {
    const pd = load('plans/platform-delivery.yaml');
    const today = '2025-10-22';
    const s = schedulePlan(pd, { today });
    const t = layoutCapacity({ model: pd, capacity: capacityByPeriod(pd, s, 'sprint'), milestones: s.milestones, period: 'sprint', today, scenarios: [], scenario: undefined, width: 80, height: 20 }).map(lineText);
    expect(t[1]).toMatch(/^lane\s+Sprint 1\s+Sprint 2/);
    expect(t.length).toBeLessThanOrEqual(20);
  });
});
