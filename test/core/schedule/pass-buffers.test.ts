// What makes a pass cheaper must not change it: buffers reused across passes, the lane-hours
// table, the one rank for the fixed levelling keys, the preparation shared per model, the
// formatted days. Each is checked against the plain computation it stands for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarFor } from '../../../src/core/schedule/calendar.js';
import { formatISODate, parseISODate } from '../../../src/core/schedule/dates.js';
import { fixedRankOf, type PassResult } from '../../../src/core/schedule/forward.js';
import { LaneDayHours, PassBuffers } from '../../../src/core/schedule/pass-buffers.js';
import { preparePasses } from '../../../src/core/schedule/scheduler.js';
import { monteCarlo, schedulePlan } from '../../../src/core/schedule/index.js';
import { model } from './helpers.js';

const TODAY = '2026-03-02';
const day = (n: number) => new Date(Date.UTC(2026, 2, 2 + n)).toISOString().slice(0, 10);
const CAPS = ['8h/d', '6h/d', '8h/w', '24h/w', '4h/d'];

/** Plans with what the levelling order and the calendar look at: priorities, deadlines, progress, freezes, time off, lags. */
const planArb = fc
  .record({
    lanes: fc.array(
      fc.record({
        cap: fc.constantFrom(...CAPS),
        change: fc.option(fc.record({ day: fc.integer({ min: 1, max: 30 }), cap: fc.constantFrom(...CAPS) })),
        off: fc.option(fc.integer({ min: 0, max: 30 })),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    issues: fc.array(
      fc.record({
        lo: fc.integer({ min: 0, max: 16 }),
        spread: fc.integer({ min: 0, max: 24 }),
        lane: fc.nat(),
        deps: fc.array(fc.record({ back: fc.integer({ min: 1, max: 5 }), lag: fc.constantFrom(undefined, '2h', '1d') }), { maxLength: 2 }),
        priority: fc.option(fc.constantFrom('high', 'low')),
        status: fc.constantFrom('todo', 'todo', 'in-progress'),
        ms: fc.integer({ min: 0, max: 2 }),
        infra: fc.boolean(),
      }),
      { minLength: 1, maxLength: 30 },
    ),
    deadlines: fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })),
    freeze: fc.option(fc.integer({ min: 0, max: 20 })),
    holiday: fc.option(fc.integer({ min: 0, max: 20 })),
  })
  .map((g) => ({
    calendar: {
      ...(g.holiday === null ? {} : { holidays: [day(g.holiday)] }),
      ...(g.freeze === null ? {} : { freezes: [{ name: 'f', from: day(g.freeze), to: day(g.freeze + 3), tracks: ['infra'] }] }),
    },
    lanes: g.lanes.map((l, k) => ({
      id: `L${k}`,
      capacity: l.cap,
      ...(l.change ? { changes: [{ from: day(l.change.day), capacity: l.change.cap }] } : {}),
      ...(l.off !== null ? { time_off: [{ from: day(l.off), to: day(l.off + 2) }] } : {}),
    })),
    milestones: g.deadlines.map((d, k) => ({ id: `m${k}`, deadline: day(d) })),
    issues: g.issues.map((x, i) => {
      const deps = new Map<string, string | undefined>();
      for (const d of x.deps) if (i - d.back >= 0) deps.set(`I${i - d.back}`, d.lag);
      return {
        id: `I${i}`,
        title: `I${i}`,
        estimate: x.spread > 0 ? `${x.lo}-${x.lo + x.spread}h` : `${x.lo}h`,
        lane: `L${x.lane % g.lanes.length}`,
        status: x.status,
        ...(x.priority ? { priority: x.priority } : {}),
        ...(x.ms < 2 ? { milestone: `m${x.ms}` } : {}),
        ...(x.infra ? { track: 'infra' } : {}),
        depends_on: [...deps].map(([id, lag]) => (lag ? { id, lag } : id)),
      };
    }),
  }));

/** A pass's result as plain data (copied: a pass in buffers is overwritten by the next). */
const snapshot = (r: PassResult) => ({
  start: [...r.start],
  end: [...r.end],
  ready: [...r.ready],
  extEnd: [...r.extEnd],
  seq: [...r.seq],
  driver: [...r.driver],
  laneSeq: r.laneSeq.map((s) => [...s]),
  unfinished: [...r.unfinished],
});

describe('passes in reused buffers', () => {
  it('give every pass the result a pass in fresh arrays gives, whatever ran in the buffers before', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const m = model(plan);
        const p = preparePasses(m, { today: TODAY });
        const max = p.hoursFor((i) => p.work[i].remaining.max);
        const min = p.hoursFor((i) => p.work[i].remaining.min);
        const buffers = new PassBuffers(p.n, p.lanes.length);
        const fresh = snapshot(p.runPass(p.expRemaining, 'expected', false));
        p.runPass(max, 'max', false, buffers);
        expect(snapshot(p.runPass(p.expRemaining, 'expected', false, buffers))).toEqual(fresh);
        p.runPass(min, 'min', false, buffers);
        expect(snapshot(p.runPass(p.expRemaining, 'expected', false, buffers))).toEqual(fresh);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the rank of the fixed levelling keys', () => {
  const keyArb = fc.constantFrom(0, 1, 2, Infinity);
  it('orders two issues exactly as comparing sprint, scenario order, sprint rank and priority in turn does', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(keyArb, keyArb, keyArb, fc.constantFrom(0, 0.5, 1, 2)), { minLength: 1, maxLength: 40 }), (rows) => {
        const col = (c: number) => Float64Array.from(rows, (r) => r[c]);
        const keys = { sprintIndex: col(0), scenarioRank: col(1), sprintRank: col(2), priorityRank: col(3) };
        const rank = fixedRankOf(keys, rows.length)!;
        const lexLess = (a: number, b: number) => {
          for (let c = 0; c < 4; c++) if (rows[a][c] !== rows[b][c]) return rows[a][c] < rows[b][c];
          return false;
        };
        for (let a = 0; a < rows.length; a++) {
          for (let b = 0; b < rows.length; b++) {
            expect(rank[a] < rank[b]).toBe(lexLess(a, b));
            expect(rank[a] === rank[b]).toBe(!lexLess(a, b) && !lexLess(b, a));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is not used when a key is NaN (no order to rank by)', () => {
    const k = Float64Array.of(0, 1);
    expect(fixedRankOf({ scenarioRank: k, priorityRank: Float64Array.of(NaN, 0) }, 2)).toBeNull();
  });
});

describe('the lane-hours table', () => {
  it('answers what the calendar answers, for any day asked in any order', () => {
    fc.assert(
      fc.property(planArb, fc.array(fc.integer({ min: -40, max: 2000 }), { minLength: 1, maxLength: 60 }), (plan, days) => {
        const m = model(plan);
        const cal = calendarFor(m);
        const lanes = m.lanes.map((l) => l.id);
        const base = parseISODate(TODAY);
        const table = new LaneDayHours(cal, lanes, base);
        for (const d of days) for (let l = 0; l < lanes.length; l++) expect(table.at(l, base + d)).toBe(cal.laneHours(lanes[l], base + d));
      }),
      { numRuns: 100 },
    );
  });
});

describe('the preparation shared per model', () => {
  it('gives the same schedule and notes however often the plan is scheduled, in any order of options', () => {
    fc.assert(
      fc.property(planArb, fc.boolean(), (plan, velocity) => {
        const m = model(plan);
        const first = schedulePlan(m, { today: TODAY, velocity });
        monteCarlo(m, { today: TODAY, velocity, samples: 3 });
        schedulePlan(m, { today: day(3) });
        const again = schedulePlan(m, { today: TODAY, velocity });
        expect(again).toEqual(first);
        expect(again).toEqual(schedulePlan(model(plan), { today: TODAY, velocity }));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the notes of one schedule out of the next one', () => {
    const m = model({
      calendar: { critical_path: ['a', 'b'] },
      lanes: [{ id: 'x', capacity: '8h/d' }],
      issues: [
        { id: 'a', title: 'a', lane: 'x' },
        { id: 'b', title: 'b', lane: 'x', depends_on: ['a'] },
      ],
    });
    const first = [...schedulePlan(m, { today: TODAY }).notes];
    expect(first.filter((n) => n.startsWith('no estimates'))).toHaveLength(1);
    const second = schedulePlan(m, { today: TODAY }).notes;
    expect(second).toEqual(first);
  });
});

describe('formatted days', () => {
  it('are the date of the day number, asked once or many times', () => {
    fc.assert(
      // Day numbers of the years 1 to 9999.
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (d) => {
        const want = new Date(d * 86_400_000).toISOString().slice(0, 10);
        expect(formatISODate(d)).toBe(want);
        expect(formatISODate(d)).toBe(want);
      }),
      { numRuns: 500 },
    );
  });
});
