import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../../bench/lib/gen-plan.mjs';
import { loadPlanText } from '../../../src/core/plan/load.js';
import { schedulePlan } from '../../../src/core/schedule/index.js';

describe('the benchmark plan generator', () => {
  it('makes a valid plan with lanes, milestones, phases, dependencies, ranges, logs and comments', () => {
    const text = generatePlan({ issues: 400, seed: 7 });
    const r = loadPlanText(text, 'gen.yaml');
    if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
    const m = r.plan.model;
    expect(m.issues).toHaveLength(400);
    expect(m.lanes.length).toBeGreaterThanOrEqual(3);
    expect(m.lanes.length).toBeLessThanOrEqual(12);
    expect(m.milestones.length).toBeGreaterThan(1);
    expect(m.issues.some((x) => x.deps.length > 0)).toBe(true);
    expect(m.issues.some((x) => x.estimate && x.estimate.min < x.estimate.max)).toBe(true);
    expect(m.issues.some((x) => x.log.length > 0)).toBe(true);
    expect(text).toMatch(/\n\s*# /);
    const s = schedulePlan(m, { today: m.data.as_of! });
    expect(s.finish).not.toBeNull();
  });

  it('is deterministic for a seed', () => {
    expect(generatePlan({ issues: 50, seed: 3 })).toBe(generatePlan({ issues: 50, seed: 3 }));
    expect(generatePlan({ issues: 50, seed: 3 })).not.toBe(generatePlan({ issues: 50, seed: 4 }));
  });
});
