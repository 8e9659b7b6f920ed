import { describe, expect, it } from 'vitest';
import { capacityByPeriod, estimateWork, localToday, schedulePlan } from '../../../src/core/schedule/index.js';
import { model, schedule, span } from './helpers.js';

const T = '2026-01-05';

describe('estimates', () => {
  it('spreads a group estimate over its open leaf issues without one, after the leaves’ own estimates', () => {
    const m = model({
      groups: [{ id: 'G', estimate: '4d' }],
      issues: [
        { id: 'a', title: 'a', group: 'G', estimate: '1d' },
        { id: 'b', title: 'b', group: 'G', status: 'done' },
        { id: 'c', title: 'c', group: 'G' },
        { id: 'd', title: 'd', group: 'G' },
      ],
    });
    const w = estimateWork(m);
    expect(w.map((x) => x.estimate?.expected)).toEqual([8, undefined, 12, 12]);
    expect(w.map((x) => x.unestimated)).toEqual([false, true, false, false]);
  });

  it('keeps nested groups with their own estimate apart, and gives a group’s epic issue no share', () => {
    const m = model({
      groups: [
        { id: 'P', estimate: '2d', epic: 'E' },
        { id: 'C', parent: 'P', estimate: '3d' },
        { id: 'N', parent: 'P' },
      ],
      issues: [
        { id: 'E', title: 'epic', group: 'P' },
        { id: 'x', title: 'x', group: 'C' },
        { id: 'y', title: 'y', group: 'N' },
        { id: 'z', title: 'z', group: 'P' },
      ],
    });
    const w = estimateWork(m);
    expect(w.map((x) => x.estimate?.expected)).toEqual([undefined, 24, 8, 8]);
    expect(w[0]).toMatchObject({ unestimated: false, epicOf: 'P' });
  });

  it('spreads a whole finished group over its done issues, so it counts as done work', () => {
    const m = model({
      groups: [{ id: 'G', estimate: '2d', milestone: 'M' }],
      milestones: [{ id: 'M' }],
      issues: [
        { id: 'a', title: 'a', group: 'G', status: 'done' },
        { id: 'b', title: 'b', group: 'G', status: 'done' },
      ],
    });
    const f = schedulePlan(m, { today: T }).milestones[0];
    expect([f.estimateHours, f.doneHours, f.remainingHours, f.progressEstimate]).toEqual([16, 16, 0, 1]);
  });

  it('ends an epic issue with the last of its group', () => {
    const s = schedule(
      {
        lanes: [{ id: 'a' }, { id: 'b' }],
        groups: [{ id: 'G', epic: 'E' }],
        issues: [
          { id: 'E', title: 'epic', group: 'G', lane: 'a' },
          { id: 'x', title: 'x', group: 'G', lane: 'a', estimate: '1d' },
          { id: 'y', title: 'y', group: 'G', lane: 'b', estimate: '3d' },
          { id: 'after', title: 'after', lane: 'a', estimate: '1d', depends_on: ['E'] },
        ],
      },
      { today: T },
    );
    expect(span(s, 'E')).toEqual(['2026-01-07', '2026-01-07']);
    expect(span(s, 'after')).toEqual(['2026-01-08', '2026-01-08']);
  });
});

describe('milestone forecasts', () => {
  const plan = (deadline: string, estimate = '3-5d') => ({
    lanes: [{ id: 'a' }],
    milestones: [{ id: 'M', deadline }],
    groups: [{ id: 'G', milestone: 'M' }],
    issues: [
      { id: 'done', title: 'd', group: 'G', status: 'done', estimate: '2d', done_on: '2026-01-02' },
      { id: 'r', title: 'r', group: 'G', estimate, lane: 'a' },
      { id: 'x', title: 'x', lane: 'a', estimate: '1d', milestone: 'M' },
    ],
  });
  // r: 32h expected → Jan 5–8; x: Jan 9. Optimistic 24h + 8 → Jan 8; pessimistic 40h + 8 → Jan 12.

  it('is on track when even the pessimistic forecast meets the deadline', () => {
    const f = schedule(plan('2026-01-12'), { today: T }).milestones[0];
    expect([f.expected, f.optimistic, f.pessimistic]).toEqual(['2026-01-09', '2026-01-08', '2026-01-12']);
    expect(f).toMatchObject({ verdict: 'on-track', slipDays: 0, issues: ['done', 'r', 'x'] });
    expect([f.estimateHours, f.doneHours, f.remainingHours]).toEqual([56, 16, 40]);
    expect(f.progressEstimate).toBeCloseTo(16 / 56);
    expect(f.progressCount).toBeCloseTo(1 / 3);
  });

  it('is at risk when only the pessimistic forecast misses', () => {
    expect(schedule(plan('2026-01-09'), { today: T }).milestones[0]).toMatchObject({ verdict: 'at-risk', slipDays: 0 });
  });

  it('is late, with slip in working days, when the expected forecast misses', () => {
    const f = schedule(plan('2026-01-07'), { today: T }).milestones[0];
    expect(f).toMatchObject({ verdict: 'late', slipDays: 2 });
  });

  it('says whether the remaining work fits in the capacity left before the deadline', () => {
    const fits = schedule(plan('2026-01-12'), { today: T }).milestones[0];
    expect([fits.capacityHoursLeft, fits.fits]).toEqual([48, true]);
    const tight = schedule(plan('2026-01-08'), { today: T }).milestones[0];
    expect([tight.capacityHoursLeft, tight.fits]).toEqual([32, false]);
  });

  it('has no verdict without a deadline', () => {
    const s = schedule({ milestones: [{ id: 'M' }], issues: [{ id: 'a', title: 'a', milestone: 'M', estimate: '1d' }] }, { today: T });
    expect(s.milestones[0]).toMatchObject({ verdict: null, capacityHoursLeft: null, fits: null, expected: T });
  });

  it('applies observed velocity (actual ÷ estimated of done issues) only when asked', () => {
    const p = {
      lanes: [{ id: 'a' }],
      issues: [
        { id: 'd', title: 'd', status: 'done', estimate: '2d', log: [{ date: '2025-12-01', hours: 24 }] },
        { id: 'o', title: 'o', estimate: '2d', lane: 'a' },
      ],
    };
    expect(schedule(p, { today: T }).byId.get('o')).toMatchObject({ remainingHours: 16, end: '2026-01-06' });
    const v = schedule(p, { today: T, velocity: true });
    expect(v.byId.get('o')).toMatchObject({ remainingHours: 24, end: '2026-01-07' });
    expect(v.notes.join('\n')).toMatch(/velocity 1\.50/);
  });
});

describe('scenarios reassign lanes', () => {
  const p = {
    lanes: [{ id: 'a' }, { id: 'b' }],
    scenarios: [
      { id: 'two', assign: { b: ['q'] } },
      { id: 'order', assign: { a: ['q', 'p'] } },
    ],
    issues: [
      { id: 'p', title: 'p', estimate: '2d', lane: 'a' },
      { id: 'q', title: 'q', estimate: '2d', lane: 'a' },
    ],
  };

  it('moves the listed issues to the scenario’s lane and finishes earlier', () => {
    expect(schedule(p, { today: T }).finish).toBe('2026-01-08');
    const s = schedule(p, { today: T, scenario: 'two' });
    expect(s.scenario).toBe('two');
    expect(s.byId.get('q')!.lane).toBe('b');
    expect(s.finish).toBe('2026-01-06');
  });

  it('takes the issues in the order the scenario lists them', () => {
    const s = schedule(p, { today: T, scenario: 'order' });
    expect(span(s, 'q')).toEqual(['2026-01-05', '2026-01-06']);
    expect(span(s, 'p')).toEqual(['2026-01-07', '2026-01-08']);
  });
});

describe('capacity per lane and period', () => {
  const m = model({
    calendar: { holidays: ['2026-01-01'], sprints: { length: '2w', start: '2026-01-05' } },
    lanes: [{ id: 'solo', capacity: '8h/w' }],
    issues: [
      { id: 'a', title: 'a', estimate: '10h', lane: 'solo' },
      { id: 'l', title: 'l', status: 'done', lane: 'solo', log: [{ date: '2026-01-06', hours: 9 }, { date: '2025-12-30', hours: 2 }] },
    ],
  });
  const s = schedulePlan(m, { today: T });

  it('counts a month by its working days: five Mondays are not four weeks', () => {
    const early = schedulePlan(m, { today: '2025-12-01' });
    const cap = capacityByPeriod(m, early, 'month', { from: '2026-01-01', to: '2026-03-31' })[0];
    // Jan: 22 weekdays less New Year = 21; Feb: 20; Mar (five Mondays, five Tuesdays): 22
    expect(cap.periods.map((p) => [p.period, p.availableHours])).toEqual([
      ['2026-01', 33.6],
      ['2026-02', 32],
      ['2026-03', 35.2],
    ]);
  });

  it('gives planned, logged and free hours per ISO week and flags over-allocation', () => {
    const cap = capacityByPeriod(m, s, 'week', { from: '2025-12-29', to: '2026-01-18' })[0];
    expect(cap.periods.map((p) => p.period)).toEqual(['2026-W01', '2026-W02', '2026-W03']);
    const [w1, w2, w3] = cap.periods;
    // W01 lies before today: nothing available or free in it, though its log still shows.
    expect(w1).toMatchObject({ start: '2025-12-29', end: '2026-01-04', availableHours: 0, plannedHours: 0, loggedHours: 2, freeHours: 0 });
    expect(w2).toMatchObject({ availableHours: 8, plannedHours: 8, loggedHours: 9, freeHours: -9, over: true });
    expect(w3).toMatchObject({ availableHours: 8, plannedHours: 2, loggedHours: 0, freeHours: 6, over: false });
  });

  it('groups by quarter and by sprint', () => {
    const q = capacityByPeriod(m, s, 'quarter', { from: '2026-01-05', to: '2026-04-01' })[0];
    expect(q.periods.map((p) => [p.period, p.start, p.end])).toEqual([
      ['2026-Q1', '2026-01-01', '2026-03-31'],
      ['2026-Q2', '2026-04-01', '2026-06-30'],
    ]);
    // From today (Jan 5): Jan 2 is before it, Jan 1 a holiday.
    expect(q.periods[0].availableHours).toBeCloseTo(99.2);
    const sp = capacityByPeriod(m, s, 'sprint')[0];
    expect(sp.periods[0]).toMatchObject({ period: 'Sprint 1', start: '2026-01-05', end: '2026-01-16', availableHours: 16, plannedHours: 10 });
  });

  it('defaults to the periods from today to the plan’s finish', () => {
    const cap = capacityByPeriod(m, s, 'week')[0];
    expect(cap.periods.map((p) => p.period)).toEqual(['2026-W02', '2026-W03']);
  });
});

describe('time zones', () => {
  it('gives the same schedule in any TZ', () => {
    const p = {
      calendar: { holidays: ['2026-03-30'] },
      lanes: [{ id: 'solo', capacity: '8h/w' }],
      issues: [{ id: 'a', title: 'a', estimate: '5d', lane: 'solo' }],
    };
    const before = process.env.TZ;
    const runs = ['Pacific/Kiritimati', 'America/Los_Angeles', 'Pacific/Pago_Pago', 'UTC'].map((tz) => {
      process.env.TZ = tz;
      const s = schedule(p, { today: '2026-03-06' });
      return [s.byId.get('a')!.start, s.byId.get('a')!.end, [...s.booked.get('solo')!.keys()].length];
    });
    process.env.TZ = before;
    expect(new Set(runs.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(runs[0][0]).toBe('2026-03-06');
  });

  it('takes "today" as the local calendar date', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localToday(new Date(2026, 0, 5, 0, 0))).toBe('2026-01-05');
  });
});
