// The seed plans' schedules say what their documents say: platform-delivery is seven sprints of
// work around the change freeze, and the k3s scenarios carry their rhythm and finish in order.
import { describe, expect, it } from 'vitest';
import { schedulePlan } from '../../src/core/schedule/index.js';
import { loadPlan, PLANS } from './helpers.js';

describe('platform-delivery, scheduled', () => {
  const { model } = loadPlan(PLANS.platform);
  const s = schedulePlan(model, { today: '2025-10-22' });
  const spans = new Map(s.sprints.map((sp) => [sp.name, sp]));

  it('plans every one of the 41 stories inside its own sprint window', () => {
    const inside = model.issues.filter((x) => {
      const r = s.byId.get(x.id)!;
      const sp = spans.get(x.sprint!)!;
      return r.start! >= sp.start && r.end! <= sp.end;
    });
    expect(model.issues).toHaveLength(41);
    expect(inside.map((x) => x.id)).toEqual(model.issues.map((x) => x.id));
  });

  it('finishes on the last day of Sprint 7, not on the day it was scheduled', () => {
    expect(spans.get('Sprint 7')).toMatchObject({ start: '2026-02-02', end: '2026-02-13' });
    expect(s.finish).toBe('2026-02-13');
  });

  it('books nothing in the change freeze or on Thanksgiving, and works on both sides of the freeze', () => {
    const days = [...s.booked.values()].flatMap((m) => [...m.keys()]);
    expect(days.filter((d) => d >= '2025-12-22' && d <= '2026-01-02')).toEqual([]);
    expect(days).not.toContain('2025-11-27');
    expect(days.some((d) => d < '2025-12-22')).toBe(true);
    expect(days.some((d) => d > '2026-01-02')).toBe(true);
    expect(spans.get('Sprint 5')!.start).toBe('2026-01-05');
  });

  it('sizes each story from its sprint and says so, instead of booking 0h', () => {
    expect(s.unestimated).toMatchObject({ open: 41, sized: 41 });
    expect(s.issues.every((x) => x.unestimated && (x.assumedHours ?? 0) > 0)).toBe(true);
    // Sprint 1: seven Infra stories share Infra's 80 hours.
    expect(s.byId.get('STORY-BOOT-TALOS')!.assumedHours).toBeCloseTo(80 / 7, 6);
    expect(s.notes.join('\n')).toMatch(/41 open issue\(s\) have no estimate: 41 sized from their sprint/);
  });

  it("shows the sprints' declared critical paths as the critical path, in sprint order", () => {
    const declared = model.data.calendar!.sprints!.list!.flatMap((sp) => sp.critical ?? []);
    expect(s.criticalSource).toBe('declared');
    expect(s.criticalPath).toEqual(declared);
  });

  it('takes a sprint\'s critical stories in the listed order on each lane', () => {
    const order = s.issues.filter((x) => x.sprint === 'Sprint 2' && x.lane === 'infra').sort((a, b) => (a.start! < b.start! ? -1 : a.start! > b.start! ? 1 : 0));
    expect(order.map((x) => x.id)).toEqual(model.data.calendar!.sprints!.list![1].critical);
  });
});

describe('k3s-mono-pgsql, scheduled per scenario', () => {
  const { model } = loadPlan(PLANS.k3s);
  const run = (scenario?: string) => schedulePlan(model, { today: '2026-02-10', ...(scenario ? { scenario } : {}) });
  const chain = ['1.1', '1.3', '2.1', '2.2', '4.1', '5.1', '5.2'];

  it('finishes the 4-, 3- and 2-developer plans in that order, and not all on one day', () => {
    const [four, three, two] = ['4-dev', '3-dev', '2-dev'].map((id) => run(id).finish!);
    expect(four <= three).toBe(true);
    expect(three <= two).toBe(true);
    expect(new Set([four, three, two]).size).toBeGreaterThan(1);
  });

  it("follows the 2-dev rhythm of the seed: Epic 1 in Sprint 1, no story before its sprint", () => {
    const s = run('2-dev');
    const spans = new Map(s.sprints.map((sp) => [sp.name, sp]));
    for (const id of ['1.1', '1.2', '1.3', '1.4']) expect(s.byId.get(id)!.sprint).toBe('Sprint 1');
    for (const x of s.issues) if (x.sprint && x.id !== '5.4') expect(x.start! >= spans.get(x.sprint)!.start, x.id).toBe(true);
    expect(s.byId.get('1.1')!.start).toBe('2026-02-16');
  });

  it('runs 5.4 continuously: from the first sprint to the finish', () => {
    for (const id of ['2-dev', '3-dev', '4-dev']) {
      const s = run(id);
      expect(s.byId.get('5.4'), id).toMatchObject({ start: '2026-02-16', end: s.finish });
    }
  });

  it('shows the declared chain 1.1 → 1.3 → 2.1 → 2.2 → 4.1 → 5.1 → 5.2 as critical, with or without a scenario', () => {
    for (const id of [undefined, '2-dev', '3-dev', '4-dev']) {
      const s = run(id);
      expect(s.criticalPath, id).toEqual(chain);
      expect(s.issues.filter((x) => x.critical).map((x) => x.id).sort(), id).toEqual([...chain].sort());
    }
  });
});
