// The Monte Carlo forecast: properties over generated plans, and evidence from logged hours.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monteCarlo, schedulePlan } from '../../../src/core/schedule/index.js';
import { model } from './helpers.js';

const TODAY = '2026-03-02';

/** A random small plan: lanes, issues with estimates (points or ranges), a DAG, milestones. */
const planArb = (ranges: boolean) =>
  fc
    .record({
      lanes: fc.integer({ min: 1, max: 3 }),
      issues: fc.array(
        fc.record({
          lo: fc.integer({ min: 1, max: 16 }),
          spread: fc.integer({ min: 0, max: 16 }),
          lane: fc.integer({ min: 0, max: 2 }),
          dep: fc.option(fc.nat(), { nil: undefined }),
          ms: fc.integer({ min: 0, max: 1 }),
          priority: fc.option(fc.constantFrom('high', 'low'), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 12 },
      ),
      deadlines: fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })),
    })
    .map((g) => ({
      lanes: Array.from({ length: g.lanes }, (_, k) => ({ id: `l${k}`, capacity: k === 1 ? '8h/w' : '6h/d' })),
      milestones: g.deadlines.map((d, k) => ({ id: `m${k}`, deadline: addDays(TODAY, d) })),
      issues: g.issues.map((x, k) => ({
        id: `I${k}`,
        title: `I${k}`,
        estimate: ranges && x.spread > 0 ? `${x.lo}-${x.lo + x.spread}h` : `${x.lo}h`,
        lane: `l${x.lane % g.lanes}`,
        milestone: `m${x.ms}`,
        ...(x.priority ? { priority: x.priority } : {}),
        ...(x.dep !== undefined && k > 0 ? { depends_on: [`I${x.dep % k}`] } : {}),
      })),
    }));

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

describe('Monte Carlo forecast', () => {
  it('with every range collapsed to a point, P50 and P85 are the deterministic schedule', () => {
    fc.assert(
      fc.property(planArb(false), fc.integer({ min: 1, max: 1000 }), (plan, seed) => {
        const m = model(plan);
        const s = schedulePlan(m, { today: TODAY });
        const mc = monteCarlo(m, { today: TODAY, samples: 25, seed });
        for (const f of s.milestones) {
          const o = mc.milestones.find((x) => x.id === f.id)!;
          expect(o.p50).toBe(f.expected);
          expect(o.p85).toBe(f.expected);
          if (f.expected && f.deadline) expect(o.probability).toBe(f.expected <= f.deadline ? 1 : 0);
        }
        expect(mc.finish.p50).toBe(s.finish);
      }),
      { numRuns: 40 },
    );
  });

  it('is monotone in the deadline: a later deadline never has lower odds', () => {
    fc.assert(
      fc.property(planArb(true), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 20 }), (plan, d, later) => {
        // One milestone over every issue, so the deadline moves every issue's levelling key alike.
        const one = (deadline: string) => ({ ...plan, milestones: [{ id: 'm0', deadline }], issues: plan.issues.map((x) => ({ ...x, milestone: 'm0' })) });
        const odds = (deadline: string) => monteCarlo(model(one(deadline)), { today: TODAY, samples: 60, seed: 7 }).milestones[0].probability!;
        expect(odds(addDays(TODAY, d))).toBeLessThanOrEqual(odds(addDays(TODAY, d + later)));
      }),
      { numRuns: 25 },
    );
  });

  it('gives the same answer for the same seed, and samples the ranges', () => {
    const plan = { lanes: [{ id: 'a', capacity: '8h/d' }], milestones: [{ id: 'm', deadline: '2026-03-13' }], issues: Array.from({ length: 6 }, (_, k) => ({ id: `I${k}`, title: 't', estimate: '4-24h', lane: 'a', milestone: 'm' })) };
    const m = model(plan);
    const a = monteCarlo(m, { today: TODAY, samples: 300, seed: 42 });
    expect(monteCarlo(m, { today: TODAY, samples: 300, seed: 42 })).toEqual(a);
    const o = a.milestones[0];
    expect(o.probability).toBeGreaterThan(0);
    expect(o.probability).toBeLessThan(1);
    expect(o.p50! <= o.p85!).toBe(true);
  });

  it('forecasts a lane whose logged hours ran 2× over its estimates later than one that ran on time', () => {
    const history = (lane: string, ratio: number) =>
      Array.from({ length: 4 }, (_, k) => ({ id: `${lane}-done${k}`, title: 't', estimate: '4h', lane, status: 'done', done_on: '2026-02-20', log: [{ date: '2026-02-20', hours: 4 * ratio }] }));
    const open = (lane: string) => Array.from({ length: 5 }, (_, k) => ({ id: `${lane}-${k}`, title: 't', estimate: '6-10h', lane, milestone: `ms-${lane}` }));
    const m = model({
      lanes: [{ id: 'slow', capacity: '8h/d' }, { id: 'steady', capacity: '8h/d' }],
      milestones: [{ id: 'ms-slow', deadline: '2026-03-13' }, { id: 'ms-steady', deadline: '2026-03-13' }],
      issues: [...history('slow', 2), ...history('steady', 1), ...open('slow'), ...open('steady')],
    });
    const mc = monteCarlo(m, { today: TODAY, samples: 400, seed: 3 });
    const [slow, steady] = ['ms-slow', 'ms-steady'].map((id) => mc.milestones.find((x) => x.id === id)!);
    expect(slow.p50! > steady.p50!).toBe(true);
    expect(slow.p85! > steady.p85!).toBe(true);
    expect(slow.probability!).toBeLessThan(steady.probability!);
    expect(mc.evidence).toEqual([
      { lane: 'slow', ratios: [2, 2, 2, 2] },
      { lane: 'steady', ratios: [1, 1, 1, 1] },
    ]);
  });
});
