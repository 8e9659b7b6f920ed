// Engine rules added with sprint-aware scheduling, each on a plan small enough to check by hand.
import { describe, expect, it } from 'vitest';
import { capacityByPeriod } from '../../../src/core/schedule/index.js';
import { model, schedule, span } from './helpers.js';
import { schedulePlan } from '../../../src/core/schedule/index.js';

// Mon 2026-03-02 … Fri 2026-03-13 is Sprint 1; Sprint 2 from Mon 2026-03-16.
const sprints = { sprints: { length: '2w', start: '2026-03-02' } };

describe('sprints in the schedule', () => {
  it('starts an estimated issue no earlier than its sprint, even when the lane is free before', () => {
    const s = schedule(
      { calendar: sprints, lanes: [{ id: 'a', capacity: '8h/d' }], issues: [{ id: 'X', title: 't', estimate: '1d', lane: 'a', sprint: 'Sprint 2' }] },
      { today: '2026-03-02' },
    );
    expect(span(s, 'X')).toEqual(['2026-03-16', '2026-03-16']);
  });

  it("shares a lane's sprint hours among its unestimated issues, after its estimated ones", () => {
    const s = schedule(
      {
        calendar: sprints,
        lanes: [{ id: 'a', capacity: '8h/d' }],
        issues: [
          { id: 'E', title: 't', estimate: '2d', lane: 'a', sprint: 'Sprint 1' },
          { id: 'U1', title: 't', lane: 'a', sprint: 'Sprint 1' },
          { id: 'U2', title: 't', lane: 'a', sprint: 'Sprint 1' },
        ],
      },
      { today: '2026-03-02' },
    );
    // 80h − 16h = 64h, 32h each: 4 days apiece after E's 2.
    expect(s.byId.get('U1')!.assumedHours).toBe(32);
    expect(s.byId.get('E')!.assumedHours).toBeUndefined();
    // The lane is exactly full: 80h booked over the sprint's ten days, the last on its last day.
    expect([...s.booked.get('a')!.values()].reduce((x, y) => x + y, 0)).toBeCloseTo(80, 9);
    expect(s.booked.get('a')!.size).toBe(10);
    expect(s.finish).toBe('2026-03-13');
  });

  it('counts a sprint from today once it has begun', () => {
    const s = schedule(
      { calendar: sprints, lanes: [{ id: 'a', capacity: '8h/d' }], issues: [{ id: 'U', title: 't', lane: 'a', sprint: 'Sprint 1' }] },
      { today: '2026-03-11' },
    );
    expect(s.byId.get('U')!.assumedHours).toBe(24);
    expect(span(s, 'U')).toEqual(['2026-03-11', '2026-03-13']);
  });

  it('puts a sprint\'s issues before unsprinted work on the same lane', () => {
    const s = schedule(
      {
        calendar: sprints,
        lanes: [{ id: 'a', capacity: '8h/d' }],
        issues: [
          { id: 'LOOSE', title: 't', estimate: '3d', lane: 'a', priority: 'critical' },
          { id: 'IN', title: 't', estimate: '1d', lane: 'a', sprint: 'Sprint 1' },
        ],
      },
      { today: '2026-03-02' },
    );
    expect(span(s, 'IN')).toEqual(['2026-03-02', '2026-03-02']);
    expect(span(s, 'LOOSE')).toEqual(['2026-03-03', '2026-03-05']);
  });

  it('lets a scenario set the sprint (rhythm) and run an issue continuously', () => {
    const plan = {
      calendar: sprints,
      lanes: [{ id: 'a', capacity: '8h/d' }],
      issues: [{ id: 'A', title: 't', lane: 'a' }, { id: 'B', title: 't', lane: 'a' }, { id: 'DOC', title: 't', lane: 'a' }],
      scenarios: [{ id: 'two', assign: {}, rhythm: { 'Sprint 1': ['A'], 'Sprint 2': ['B'] }, continuous: ['DOC'] }],
    };
    const s = schedule(plan, { today: '2026-03-02', scenario: 'two' });
    expect(span(s, 'A')).toEqual(['2026-03-02', '2026-03-13']);
    expect(span(s, 'B')).toEqual(['2026-03-16', '2026-03-27']);
    expect(span(s, 'DOC')).toEqual(['2026-03-02', '2026-03-27']);
    // Without the scenario nothing is in a sprint: 0h, said so.
    const plain = schedule(plan, { today: '2026-03-02' });
    expect(plain.finish).toBe('2026-03-02');
    expect(plain.unestimated).toMatchObject({ open: 3, sized: 0, assumption: 'booked as 0h' });
  });
});

describe('engine defects', () => {
  it('never changes a date with the order of lanes (a zero-hour issue between lanes)', () => {
    const issues = [
      { id: 'X', title: 't', estimate: '4h', lane: 'a' },
      { id: 'Z', title: 't', estimate: '0h', lane: 'a', depends_on: ['X'] },
      { id: 'Y', title: 't', estimate: '4h', lane: 'b', depends_on: ['Z'] },
      { id: 'W', title: 't', estimate: '4h', lane: 'a', depends_on: ['Z'] },
    ];
    const ab = schedule({ lanes: [{ id: 'a' }, { id: 'b' }], issues }, { today: '2026-03-02' });
    const ba = schedule({ lanes: [{ id: 'b' }, { id: 'a' }], issues }, { today: '2026-03-02' });
    for (const id of ['X', 'Z', 'Y', 'W']) expect(span(ab, id), id).toEqual(span(ba, id));
    // X ends at noon and Z with it: Y takes over on its own lane that afternoon, W carries on in X's.
    expect(span(ab, 'Y')).toEqual(['2026-03-02', '2026-03-02']);
    expect(span(ab, 'W')).toEqual(['2026-03-02', '2026-03-02']);
  });

  it('honours a sub-day lag to the hour, on the same lane or another', () => {
    const s = schedule(
      {
        lanes: [{ id: 'a' }, { id: 'b' }],
        issues: [
          { id: 'A', title: 't', estimate: '1d', lane: 'a' },
          { id: 'B', title: 't', estimate: '1d', lane: 'a', depends_on: [{ id: 'A', lag: '1h' }] },
          { id: 'C', title: 't', estimate: '4h', lane: 'b' },
          { id: 'D', title: 't', estimate: '2h', lane: 'b', depends_on: [{ id: 'C', lag: '2h' }] },
          { id: 'E', title: 't', estimate: '3h', lane: 'b', depends_on: [{ id: 'C', lag: '1h' }] },
        ],
      },
      { today: '2026-03-02' },
    );
    // A ends with Monday; an hour into Tuesday B starts, and its last hour falls on Wednesday.
    expect(span(s, 'B')).toEqual(['2026-03-03', '2026-03-04']);
    // C ends at noon (8:00–16:00 days); E is ready at 13:00, D at 14:00. Lane b waits for E,
    // which runs to the day's end, so D starts on Tuesday.
    expect(span(s, 'E')).toEqual(['2026-03-02', '2026-03-02']);
    expect(span(s, 'D')).toEqual(['2026-03-03', '2026-03-03']);
    expect(s.notes.join('\n')).not.toMatch(/lag/);
  });

  it('a whole-day lag counts from the hour the work ended', () => {
    const s = schedule(
      {
        lanes: [{ id: 'a' }, { id: 'b' }],
        issues: [
          { id: 'A', title: 't', estimate: '4h', lane: 'a' },
          { id: 'B', title: 't', estimate: '6h', lane: 'b', depends_on: [{ id: 'A', lag: '1d' }] },
        ],
      },
      { today: '2026-03-02' },
    );
    // A ends Monday noon; a working day later is Tuesday noon; B's 6h run into Wednesday.
    expect(span(s, 'B')).toEqual(['2026-03-03', '2026-03-04']);
  });

  it('counts the earlier milestones on the same lane when it says a milestone fits', () => {
    const s = schedule(
      {
        lanes: [{ id: 'a', capacity: '8h/d' }],
        milestones: [
          { id: 'm1', deadline: '2026-03-04' },
          { id: 'm2', deadline: '2026-03-06' },
        ],
        issues: [
          { id: 'A', title: 't', estimate: '3d', lane: 'a', milestone: 'm1' },
          { id: 'B', title: 't', estimate: '4d', lane: 'a', milestone: 'm2' },
        ],
      },
      { today: '2026-03-02' },
    );
    const m2 = s.milestones.find((m) => m.id === 'm2')!;
    expect(m2.verdict).toBe('late');
    expect(m2.slipDays).toBe(2);
    // 5 days of capacity to Mar 6: m2's 4 alone would fit, but m1's 3 come first.
    expect(m2.capacityHoursLeft).toBe(40);
    expect(m2.aheadHours).toBe(24);
    expect(m2.fits).toBe(false);
  });

  it('starts capacity periods at today: days before it are neither available nor free', () => {
    const m = model({ lanes: [{ id: 'a', capacity: '8h/w' }], issues: [{ id: 'A', title: 't', estimate: '1h', lane: 'a' }] });
    const s = schedulePlan(m, { today: '2026-01-05' });
    const [q1] = capacityByPeriod(m, s, 'quarter')[0].periods;
    // Jan 1 (Thu) and Jan 2 (Fri) are before today: 62 working days from Jan 5 to Mar 31 at 1.6h.
    expect(q1.start).toBe('2026-01-01');
    expect(q1.availableHours).toBeCloseTo(62 * 1.6, 6);
    expect(q1.freeHours).toBeCloseTo(62 * 1.6 - 1, 6);
  });
});

describe('sprint load in the capacity view', () => {
  it("flags a sprint that commits a lane to more than it has, though the booking spills over", () => {
    const m = model({
      calendar: sprints,
      lanes: [{ id: 'a', capacity: '8h/d' }],
      issues: [
        { id: 'BIG', title: 't', estimate: '12d', lane: 'a', sprint: 'Sprint 1' },
        { id: 'NEXT', title: 't', estimate: '1d', lane: 'a', sprint: 'Sprint 2' },
      ],
    });
    const s = schedulePlan(m, { today: '2026-03-02' });
    const [one, two] = capacityByPeriod(m, s, 'sprint')[0].periods;
    expect(one).toMatchObject({ period: 'Sprint 1', availableHours: 80, committedHours: 96, plannedHours: 80, over: true });
    expect(two).toMatchObject({ period: 'Sprint 2', availableHours: 80, committedHours: 8, plannedHours: 24, over: false });
    // Other periods say nothing of commitments.
    expect(capacityByPeriod(m, s, 'week')[0].periods[0].committedHours).toBeUndefined();
  });
});

