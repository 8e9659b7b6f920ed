import { describe, expect, it } from 'vitest';
import { schedulePlan, ScheduleError, UNASSIGNED } from '../../../src/core/schedule/index.js';
import { model, schedule, span } from './helpers.js';

const T = '2026-01-05'; // a Monday

describe('forward pass: a lane books its hours day by day', () => {
  it('takes a 20-day effort across a global holiday and a personal leave', () => {
    const s = schedule(
      {
        calendar: { holidays: ['2026-01-19'] },
        lanes: [{ id: 'ann', time_off: [{ from: '2026-01-26', to: '2026-01-28' }] }],
        issues: [{ id: 'X', title: 'big', estimate: '20d', lane: 'ann' }],
      },
      { today: T },
    );
    // 20 working days from Jan 5 is Jan 30; one holiday and three days off push it 4 days: Feb 5.
    expect(span(s, 'X')).toEqual(['2026-01-05', '2026-02-05']);
    expect(s.booked.get('ann')!.has('2026-01-19')).toBe(false);
    expect(s.booked.get('ann')!.has('2026-01-27')).toBe(false);
    expect([...s.booked.get('ann')!.values()].reduce((a, b) => a + b, 0)).toBe(160);
  });

  it('keeps a weekly limit: 8h/w is 1.6h on each working day', () => {
    const s = schedule(
      { lanes: [{ id: 'solo', capacity: '8h/w' }], issues: [{ id: 'A', title: 'a', estimate: '2d', lane: 'solo' }] },
      { today: T },
    );
    // 16h at 1.6h a day = 10 working days
    expect(span(s, 'A')).toEqual(['2026-01-05', '2026-01-16']);
    for (const h of s.booked.get('solo')!.values()) expect(h).toBeCloseTo(1.6);
  });

  it('books nothing before today', () => {
    const s = schedule({ issues: [{ id: 'A', title: 'a', estimate: '1d', lane: 'x' }], lanes: [{ id: 'x' }] }, { today: '2026-01-10' });
    expect(span(s, 'A')).toEqual(['2026-01-12', '2026-01-12']); // today is a Saturday
  });

  it('waits for dependencies, with a lag in working days', () => {
    const s = schedule(
      {
        lanes: [{ id: 'a' }, { id: 'b' }],
        issues: [
          { id: 'A', title: 'a', estimate: '2d', lane: 'a' },
          { id: 'B', title: 'b', estimate: '1d', lane: 'b', depends_on: [{ id: 'A', lag: '2d' }] },
          { id: 'C', title: 'c', estimate: '1d', lane: 'b', depends_on: ['A'] },
        ],
      },
      { today: T },
    );
    expect(span(s, 'A')).toEqual(['2026-01-05', '2026-01-06']);
    expect(span(s, 'C')).toEqual(['2026-01-07', '2026-01-07']); // the next working day
    expect(span(s, 'B')).toEqual(['2026-01-09', '2026-01-09']); // two working days' wait: Jan 7, 8
  });

  it('lets a dependent on the same lane carry on the same day with the hours left', () => {
    const s = schedule(
      {
        lanes: [{ id: 'a' }],
        issues: [
          { id: 'A', title: 'a', estimate: '4h', lane: 'a' },
          { id: 'B', title: 'b', estimate: '4h', lane: 'a', depends_on: ['A'] },
        ],
      },
      { today: T },
    );
    expect(span(s, 'B')).toEqual([T, T]);
  });

  it('counts a lag across weekends and holidays', () => {
    const s = schedule(
      {
        calendar: { holidays: ['2026-01-12'] },
        lanes: [{ id: 'a' }],
        issues: [
          { id: 'A', title: 'a', estimate: '5d', lane: 'a' },
          { id: 'B', title: 'b', estimate: '1d', lane: 'a', depends_on: [{ id: 'A', lag: '1d' }] },
        ],
      },
      { today: T },
    );
    expect(span(s, 'B')).toEqual(['2026-01-14', '2026-01-14']); // A ends Fri 9; lag Tue 13 (Mon 12 is off)
  });

  it('orders ready work by priority, then longest remaining path, then file order', () => {
    const s = schedule(
      {
        lanes: [{ id: 'a' }],
        issues: [
          { id: 'low', title: 'low', estimate: '1d', lane: 'a', priority: 'low' },
          { id: 'short', title: 'short', estimate: '1d', lane: 'a' },
          { id: 'long', title: 'long', estimate: '1d', lane: 'a' },
          { id: 'tail', title: 'tail', estimate: '3d', lane: 'b', depends_on: ['long'] },
          { id: 'hot', title: 'hot', estimate: '1d', lane: 'a', priority: 'critical' },
          { id: 'tie', title: 'tie', estimate: '1d', lane: 'a' },
        ],
      },
      { today: T },
    );
    const order = ['hot', 'long', 'short', 'tie', 'low'].map((id) => s.byId.get(id)!.start);
    expect(order).toEqual(['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09']);
  });

  it('starts in-progress work at once and books what is left after logged hours', () => {
    const s = schedule(
      {
        lanes: [{ id: 'a' }],
        issues: [
          { id: 'urgent', title: 'u', estimate: '1d', lane: 'a', priority: 'critical' },
          {
            id: 'wip',
            title: 'w',
            status: 'in-progress',
            estimate: '3d',
            lane: 'a',
            log: [{ date: '2026-01-02', hours: 12 }],
          },
          { id: 'over', title: 'o', status: 'in-progress', estimate: '1d', lane: 'a', log: [{ date: '2026-01-02', hours: 10 }] },
        ],
      },
      { today: T },
    );
    expect(s.byId.get('wip')!.remainingHours).toBe(12);
    expect(span(s, 'wip')).toEqual(['2026-01-05', '2026-01-06']); // 12h: Mon 8h + Tue 4h
    expect(s.byId.get('over')!.remainingHours).toBe(0); // logged beyond the estimate: floored at 0
    expect(span(s, 'urgent')).toEqual(['2026-01-06', '2026-01-07']); // after the started work
  });

  it('schedules a range on its midpoint and uses min and max for the optimistic and pessimistic ends', () => {
    const s = schedule({ lanes: [{ id: 'a' }], issues: [{ id: 'R', title: 'r', estimate: '2-4d', lane: 'a' }] }, { today: T });
    const r = s.byId.get('R')!;
    expect(r.remainingHours).toBe(24);
    expect([r.end, r.optimisticEnd, r.pessimisticEnd]).toEqual(['2026-01-07', '2026-01-06', '2026-01-08']);
  });

  it('holds dependents for an external lead time (min/max for the optimistic/pessimistic runs)', () => {
    const s = schedule(
      {
        lanes: [{ id: 'a' }],
        issues: [
          { id: 'reg', title: 'registration', estimate: '1d', lane: 'a', external: [{ title: 'itsme', lead: '1-3w' }] },
          { id: 'vote', title: 'voting', estimate: '1d', lane: 'a', depends_on: ['reg'] },
        ],
      },
      { today: T },
    );
    // the 2-week expected wait starts Jan 5 and covers 10 working days: voting starts Jan 19
    expect(span(s, 'vote')).toEqual(['2026-01-19', '2026-01-19']);
    expect(s.byId.get('vote')!.optimisticEnd).toBe('2026-01-12');
    expect(s.byId.get('vote')!.pessimisticEnd).toBe('2026-01-26');
  });

  it('puts issues without a lane on a full-time "unassigned" lane and says so', () => {
    const s = schedule({ issues: [{ id: 'A', title: 'a', estimate: '2d' }] }, { today: T });
    expect(s.byId.get('A')!.lane).toBe(UNASSIGNED);
    expect(span(s, 'A')).toEqual(['2026-01-05', '2026-01-06']);
    expect(s.lanes).toContain(UNASSIGNED);
    expect(s.notes.join('\n')).toMatch(/no lane/);
  });

  it('flags issues without an estimate, books 0h and counts them', () => {
    const s = schedule(
      { lanes: [{ id: 'a' }], issues: [{ id: 'A', title: 'a', lane: 'a' }, { id: 'B', title: 'b', lane: 'a', estimate: '1d', depends_on: ['A'] }] },
      { today: T },
    );
    expect(s.byId.get('A')).toMatchObject({ unestimated: true, remainingHours: 0, start: T, end: T });
    expect(span(s, 'B')).toEqual([T, T]);
    expect(s.notes.join('\n')).toMatch(/1 open issue\(s\) have no estimate/);
  });

  it('stops only the matching track or label during a restricted freeze', () => {
    const s = schedule(
      {
        calendar: { freezes: [{ from: '2026-01-06', to: '2026-01-07', tracks: ['infra'] }] },
        lanes: [{ id: 'a' }],
        issues: [
          { id: 'I', title: 'infra', estimate: '2d', lane: 'a', track: 'infra' },
          { id: 'S', title: 'software', estimate: '2d', lane: 'a', track: 'software', priority: 'low' },
        ],
      },
      { today: T },
    );
    // infra works Mon, is frozen Tue–Wed (the lane does software then), finishes Thu
    expect(span(s, 'S')).toEqual(['2026-01-06', '2026-01-07']);
    expect(span(s, 'I')).toEqual(['2026-01-05', '2026-01-08']);
  });

  it('freezes every lane when the freeze names no track or label', () => {
    const s = schedule(
      { calendar: { freezes: [{ from: '2026-01-06', to: '2026-01-07' }] }, issues: [{ id: 'A', title: 'a', estimate: '2d' }] },
      { today: T },
    );
    expect(span(s, 'A')).toEqual(['2026-01-05', '2026-01-08']);
  });

  it('leaves done issues unbooked, with their own dates', () => {
    const s = schedule(
      {
        issues: [
          { id: 'D', title: 'd', status: 'done', estimate: '1d', started: '2025-12-01', done_on: '2025-12-03' },
          { id: 'A', title: 'a', estimate: '1d', depends_on: ['D'] },
        ],
      },
      { today: T },
    );
    expect(s.byId.get('D')).toMatchObject({ start: '2025-12-01', end: '2025-12-03', remainingHours: 0, slackDays: null });
    expect(s.byId.get('A')!.blockedBy).toEqual([]);
    expect(span(s, 'A')).toEqual([T, T]);
  });
});

describe('errors name the ids and never loop', () => {
  it('reports a cycle with its ids', () => {
    const m = model({
      issues: [
        { id: 'A', title: 'a', depends_on: ['C'] },
        { id: 'B', title: 'b', depends_on: ['A'] },
        { id: 'C', title: 'c', depends_on: ['B'] },
        { id: 'D', title: 'd' },
      ],
    });
    let err: unknown;
    try {
      schedulePlan(m, { today: T });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ScheduleError);
    expect((err as Error).message).toMatch(/cycle/);
    expect((err as ScheduleError).ids).toEqual(['A', 'B', 'C', 'A']);
    expect((err as Error).message).toBe('dependency cycle: A → B → C → A');
  });

  it('reports an unknown dependency by name', () => {
    expect(() => schedule({ issues: [{ id: 'A', title: 'a', depends_on: ['nope'] }] }, { today: T })).toThrow(/A → nope/);
  });

  it('reports an unknown scenario', () => {
    expect(() => schedule({ issues: [] }, { today: T, scenario: 'x' })).toThrow(/unknown scenario "x"/);
  });

  it('gives up on a lane with no hours instead of looping', () => {
    const s = schedule({ lanes: [{ id: 'z', capacity: '0h/w' }], issues: [{ id: 'A', title: 'a', estimate: '1d', lane: 'z' }] }, { today: T });
    expect(span(s, 'A')).toEqual([null, null]);
    expect(s.notes.join('\n')).toMatch(/cannot finish/);
  });
});

describe('backward pass: latest finish, slack and the critical path', () => {
  const plan = {
    lanes: [{ id: 'a' }, { id: 'b' }],
    milestones: [{ id: 'M', deadline: '2026-01-16', requires: ['C', 'D'] }],
    issues: [
      { id: 'A', title: 'a', estimate: '2d', lane: 'a' },
      { id: 'B', title: 'b', estimate: '3d', lane: 'a', depends_on: ['A'] },
      { id: 'C', title: 'c', estimate: '1d', lane: 'b', depends_on: ['B'] },
      { id: 'D', title: 'd', estimate: '1d', lane: 'b' },
    ],
  };

  it('measures slack in working days against the milestone deadline', () => {
    const s = schedule(plan, { today: T });
    expect(span(s, 'C')).toEqual(['2026-01-12', '2026-01-12']);
    expect(s.byId.get('C')).toMatchObject({ latestFinish: '2026-01-16', slackDays: 4 });
    expect(s.byId.get('B')).toMatchObject({ latestFinish: '2026-01-15', slackDays: 4 });
    expect(s.byId.get('A')).toMatchObject({ latestFinish: '2026-01-12', slackDays: 4 });
  });

  it('marks the longest chain as critical and lists it in order', () => {
    const s = schedule(plan, { today: T });
    expect(s.criticalPath).toEqual(['A', 'B', 'C']);
    expect(s.issues.filter((x) => x.critical).map((x) => x.id)).toEqual(['A', 'B', 'C']);
    expect(s.finish).toBe('2026-01-12');
  });

  it('includes lane sequencing in the critical chain', () => {
    const s = schedule(
      {
        lanes: [{ id: 'a' }],
        issues: [
          { id: 'P', title: 'p', estimate: '2d', lane: 'a', priority: 'high' },
          { id: 'Q', title: 'q', estimate: '2d', lane: 'a' },
        ],
      },
      { today: T },
    );
    expect(s.criticalPath).toEqual(['P', 'Q']);
    expect(s.byId.get('P')).toMatchObject({ slackDays: 0, critical: true });
  });

  it('gives negative slack when the deadline is missed', () => {
    const s = schedule({ ...plan, milestones: [{ id: 'M', deadline: '2026-01-08', requires: ['C'] }] }, { today: T });
    expect(s.byId.get('C')!.slackDays).toBe(-2);
    expect(s.byId.get('C')!.critical).toBe(true);
  });
});

describe('determinism', () => {
  it('gives the same schedule twice for the same plan and today', () => {
    const plan = {
      lanes: [{ id: 'a' }, { id: 'b', capacity: '20h/w' }],
      issues: Array.from({ length: 30 }, (_, i) => ({
        id: `I${i}`,
        title: `i${i}`,
        estimate: `${(i % 4) + 1}d`,
        lane: i % 3 === 0 ? 'b' : 'a',
        depends_on: i > 3 ? [`I${i - 3}`] : [],
      })),
    };
    const strip = (s: ReturnType<typeof schedule>) => JSON.stringify({ ...s, byId: undefined, booked: [...s.booked].map(([k, v]) => [k, [...v]]) });
    expect(strip(schedule(plan, { today: T }))).toBe(strip(schedule(plan, { today: T })));
  });
});

describe('deadlines steer the order of ready work', () => {
  it('takes work due sooner first, whatever the file order', () => {
    const s = schedule(
      {
        lanes: [{ id: 'solo', capacity: '8h/w' }],
        milestones: [
          { id: 'late', deadline: '2026-07-31' },
          { id: 'soon', deadline: '2026-03-31' },
        ],
        issues: [
          { id: 'L', title: 'l', estimate: '2d', lane: 'solo', milestone: 'late' },
          { id: 'S', title: 's', estimate: '1d', lane: 'solo', milestone: 'soon' },
        ],
      },
      { today: T },
    );
    expect(span(s, 'S')).toEqual(['2026-01-05', '2026-01-09']);
    expect(s.byId.get('L')!.start).toBe('2026-01-12');
  });
});
