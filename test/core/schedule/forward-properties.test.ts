// Properties of the levelled forward pass on random small plans: lanes that advance together
// through the day, hand-overs to the hour, lags in working time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laneHoursOn, workingDaysBetween } from '../../../src/core/schedule/index.js';
import { model } from './helpers.js';
import { schedulePlan } from '../../../src/core/schedule/index.js';

const CAPS = ['8h/d', '6h/d', '8h/w', '24h/w', '4h/d'];
const LAGS = [undefined, '1h', '3h', '1d', '2d'];

const planArb = fc
  .record({
    lanes: fc.array(fc.record({ cap: fc.constantFrom(...CAPS), change: fc.option(fc.record({ day: fc.integer({ min: 1, max: 20 }), cap: fc.constantFrom(...CAPS) })) }), { minLength: 1, maxLength: 4 }),
    issues: fc.array(
      fc.record({ hours: fc.integer({ min: 1, max: 20 }), lane: fc.nat(), deps: fc.array(fc.record({ back: fc.integer({ min: 1, max: 5 }), lag: fc.constantFrom(...LAGS) }), { maxLength: 2 }) }),
      { minLength: 1, maxLength: 25 },
    ),
    holiday: fc.option(fc.integer({ min: 0, max: 20 })),
  })
  .map(({ lanes, issues, holiday }) => ({
    calendar: holiday === null ? {} : { holidays: [day(holiday)] },
    lanes: lanes.map((l, k) => ({ id: `L${k}`, capacity: l.cap, ...(l.change ? { changes: [{ from: day(l.change.day), capacity: l.change.cap }] } : {}) })),
    issues: issues.map((x, i) => {
      const deps = new Map<string, string | undefined>();
      for (const d of x.deps) if (i - d.back >= 0) deps.set(`I${i - d.back}`, d.lag);
      return {
        id: `I${i}`,
        title: `I${i}`,
        estimate: `${x.hours}h`,
        lane: `L${x.lane % lanes.length}`,
        depends_on: [...deps].map(([id, lag]) => (lag ? { id, lag } : id)),
      };
    }),
  }));

const TODAY = '2026-03-02';
function day(n: number): string {
  const d = new Date(Date.UTC(2026, 2, 2 + n));
  return d.toISOString().slice(0, 10);
}

describe('the forward pass, on random plans', () => {
  it('never changes a date with the order of the lanes in the file', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const a = schedulePlan(model(plan), { today: TODAY });
        const b = schedulePlan(model({ ...plan, lanes: [...plan.lanes].reverse() }), { today: TODAY });
        expect(b.issues.map((x) => [x.id, x.start, x.end])).toEqual(a.issues.map((x) => [x.id, x.start, x.end]));
      }),
      { numRuns: 400 },
    );
  });

  it('books each lane within its hours each day, and every hour of its work', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const m = model(plan);
        const s = schedulePlan(m, { today: TODAY });
        for (const lane of plan.lanes) {
          let total = 0;
          for (const [date, h] of s.booked.get(lane.id) ?? []) {
            expect(h).toBeLessThanOrEqual(laneHoursOn(m, lane.id, date) + 1e-6);
            total += h;
          }
          const want = s.issues.filter((x) => x.lane === lane.id).reduce((sum, x) => sum + x.remainingHours, 0);
          expect(total).toBeCloseTo(want, 6);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('starts a dependent no earlier than its dependency ends, plus the lag\'s whole working days', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const m = model(plan);
        const s = schedulePlan(m, { today: TODAY });
        for (const issue of m.issues) {
          const me = s.byId.get(issue.id)!;
          expect(me.start! <= me.end!).toBe(true);
          for (const d of issue.deps) {
            const dep = s.byId.get(d.id)!;
            // Work ending at the close of a day hands over at the next day's start.
            expect(workingDaysBetween(m, dep.end!, me.start!)).toBeGreaterThanOrEqual(Math.floor(d.lagDays + 1e-9));
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
