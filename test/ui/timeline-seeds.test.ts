// The timeline on the seed plans, with the real engine: sprints from the cadence, the freeze and
// the holiday shaded, and the k3s critical chain marked.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlanText } from '../../src/core/plan/load.js';
import { schedulePlan } from '../../src/core/schedule/index.js';
import { layoutTimeline, labelWidth } from '../../src/ui/layout/layout.js';
import { lineText } from '../../src/ui/layout/segments.js';

function load(file: string) {
  const r = loadPlanText(readFileSync(file, 'utf8'), file);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.plan.model;
}

describe('platform-delivery on the timeline', () => {
  const model = load('plans/platform-delivery.yaml');
  const today = '2025-10-22';
  const schedule = schedulePlan(model, { today });
  // Week zoom from Mon Dec 1 (scroll 7 weeks on from Oct 13): one column a day, 150 wide.
  const lines = layoutTimeline({ model, schedule, issues: model.issues, selectedId: null, today, zoom: 'week', scroll: 7, groupBy: 'group', width: 150, height: 30, offset: 0 }).lines.map(lineText);
  const grid = (l: string) => [...l].slice(labelWidth(150) + 1).join('');
  const col = (iso: string) => (Date.parse(iso) - Date.parse('2025-12-01')) / 86_400_000;

  it('draws Sprint 4 (Dec 8 – Dec 19) and Sprint 5 (Jan 5 – Jan 16) where the cadence and the freeze put them', () => {
    const band = grid(lines[1]);
    expect(band.slice(col('2025-12-08'), col('2025-12-19') + 1)).toMatch(/^├Sprint 4─+┤$/);
    expect(band.slice(col('2026-01-05'), col('2026-01-16') + 1)).toMatch(/^├Sprint 5─+┤$/);
    expect(band.slice(col('2025-12-22'), col('2026-01-02') + 1).trim()).toBe('');
  });
  it('shades the change freeze (Dec 22 – Jan 2) with its own glyph', () => {
    const cal = grid(lines[2]);
    expect(cal.slice(col('2025-12-22'), col('2026-01-02') + 1)).toBe('/'.repeat(12));
    expect(cal[col('2026-01-03')]).toBe('·');
  });
  it('shades Thanksgiving as a holiday', () => {
    const before = layoutTimeline({ model, schedule, issues: model.issues, selectedId: null, today, zoom: 'week', scroll: 0, groupBy: 'group', width: 150, height: 10, offset: 0 }).lines.map(lineText);
    const c = (Date.parse('2025-11-27') - Date.parse('2025-10-13')) / 86_400_000;
    expect(grid(before[2])[c]).toBe(':');
  });
});

describe('marks on the timeline (seed plans)', () => {
  const marks = (file: string, today: string) => {
    const model = load(file);
    const schedule = schedulePlan(model, { today });
    const lines = layoutTimeline({ model, schedule, issues: model.issues, selectedId: null, today, zoom: 'week', scroll: 0, groupBy: 'group', width: 100, height: 400, offset: 0 }).lines.map(lineText);
    const marked = (m: string) => new Set(lines.filter((l) => l[1] === m).map((l) => l.slice(4).split(' ')[0]));
    const blocked = new Set(lines.filter((l) => l[2] === '⊘').map((l) => l.slice(4).split(' ')[0]));
    const open = schedule.issues.filter((x) => !model.byId.get(x.id)!.done);
    return { marked, open, blocked, model };
  };

  it('marks the issues on the engine\'s critical chain with ◆ (STOA v4, estimated)', () => {
    const { marked, open } = marks('plans/stoa-2026-v4.yaml', '2026-01-05');
    const critical = open.filter((x) => x.critical && !x.unestimated).map((x) => x.id);
    expect(critical.length).toBeGreaterThan(0);
    expect(marked('◆')).toEqual(new Set(critical));
  });

  it('marks unestimated issues with ? rather than ◆: a bar with no length has no slack to speak of (k3s)', () => {
    const { marked, open } = marks('plans/k3s-mono-pgsql.yaml', '2026-02-10');
    const unestimated = open.filter((x) => x.unestimated).map((x) => x.id);
    expect(unestimated.length).toBeGreaterThan(0);
    expect(marked('?')).toEqual(new Set(unestimated));
  });

  it('marks blocked issues ⊘ beside any other mark, by the same test as every pane (koprogo #48 waits outside)', () => {
    const { blocked, open, model } = marks('plans/koprogo-roadmap.yaml', '2025-11-03');
    const expected = open.filter((x) => {
      const i = model.byId.get(x.id)!;
      return i.external.some((e) => !e.done) || i.deps.some((d) => !model.byId.get(d.id)?.done);
    });
    expect(blocked.has('#48')).toBe(true);
    expect(blocked).toEqual(new Set(expected.map((x) => x.id)));
  });
});

describe('the critical mark says where the path comes from', () => {
  const footer = (file: string, today: string, id: string) => {
    const model = load(file);
    const schedule = schedulePlan(model, { today });
    const lines = layoutTimeline({ model, schedule, issues: model.issues, selectedId: id, today, zoom: 'week', scroll: 0, groupBy: 'group', width: 400, height: 60, offset: 0 }).lines.map(lineText);
    return lines.find((l) => l.startsWith(`${id} `) && l.includes(' · lane ')) ?? '';
  };

  it('names the declared path in a plan without estimates (platform-delivery), so slack beside it does not contradict it', () => {
    expect(footer('plans/platform-delivery.yaml', '2025-10-27', 'STORY-BOOT-TALOS')).toContain('◆ on the declared critical path');
  });
  it('says a computed critical issue drives the finish, whatever its slack to the deadline (STOA v4)', () => {
    const model = load('plans/stoa-2026-v4.yaml');
    const id = schedulePlan(model, { today: '2026-01-05' }).issues.find((x) => x.critical && !model.byId.get(x.id)!.done)!.id;
    const line = footer('plans/stoa-2026-v4.yaml', '2026-01-05', id);
    expect(line).toMatch(/slack \d+d · ◆ drives the finish/);
  });
});
