// Card lines are kept per model between frames: a card whose issue did not change still shows
// what the new model says about it (blocked or not depends on another issue's status).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPlanText } from '../../src/core/plan/load.js';
import { buildModel, type Model, type PlanData } from '../../src/core/plan/model.js';
import type { Op } from '../../src/core/plan/op-types.js';
import { applyOpToData } from '../../src/core/plan/ops.js';
import { updateModel } from '../../src/store/model-update.js';
import { kanbanLines } from '../../src/ui/layout/kanban-lines.js';
import { makeTheme } from '../../src/ui/theme-core.js';
import { segLineText } from '../../src/ui/widgets/seg.js';
import { PLAN } from './board-fixture.js';

const theme = makeTheme(false);
// Every column keeps cards before and after the tick, so the column widths (and the cards' keys) stay.
const FULL = `${PLAN}  - id: A-5
    title: Keep in progress
    status: in-progress
  - id: A-6
    title: Keep in review
    status: review
`;
const text = (model: Model, selectedId: string) => {
  const columns = new Map(model.statuses.map((s) => [s, model.issues.filter((i) => i.status === s)]));
  return kanbanLines({ model, columns, selectedId, swimlanes: false }, 120, 20, theme).map((l) => segLineText(l, 120)).join('\n');
};

describe('kanban card lines kept between frames', () => {
  it('follow a dependency being ticked, though the dependent issue object is the same', () => {
    const r = loadPlanText(FULL, 'p.yaml');
    if (!r.ok) throw new Error(r.problems[0].message);
    const before = buildModel(r.plan.data);
    expect(text(before, 'A-1')).toMatch(/A-3 ⊘/);
    const after = updateModel(before, applyOpToData(r.plan.data, { kind: 'tick', id: 'A-2', date: '2026-03-02' }));
    expect(after.byId.get('A-3')).toBe(before.byId.get('A-3'));
    expect(text(after, 'A-1')).not.toMatch(/A-3 ⊘/);
    expect(text(after, 'A-1')).toMatch(/A-2 ✓/);
  });

  it('follow the selection', () => {
    const r = loadPlanText(FULL, 'p.yaml');
    if (!r.ok) throw new Error(r.problems[0].message);
    const model = buildModel(r.plan.data);
    expect(text(model, 'A-1')).toMatch(/▶A-1/);
    expect(text(model, 'A-2')).toMatch(/▶A-2/);
    expect(text(model, 'A-2')).not.toMatch(/▶A-1/);
  });

  it('after an edit, the cards of untouched issues are the last frame’s (no card is built again)', () => {
    const r = loadPlanText(FULL, 'p.yaml');
    if (!r.ok) throw new Error(r.problems[0].message);
    const before = buildModel(r.plan.data);
    const lines = (model: Model) => kanbanLines({ model, columns: new Map(model.statuses.map((s) => [s, model.issues.filter((i) => i.status === s)])), selectedId: 'A-1', swimlanes: false }, 120, 20, theme);
    const first = lines(before);
    const after = updateModel(before, applyOpToData(r.plan.data, { kind: 'move-lane', id: 'A-4', lane: 'cy' }));
    const second = lines(after);
    // A-5's card (in progress, second card) is the very same segments; A-4's is new.
    const seg = (ls: ReturnType<typeof lines>, id: string) => ls.flat().find((x) => x.text.includes(id));
    expect(seg(second, 'A-5')).toBe(seg(first, 'A-5'));
    expect(seg(second, 'A-4')).not.toBe(seg(first, 'A-4'));
  });

  it('after any sequence of edits, equal the cards drawn afresh from the same data', () => {
    const ids = Array.from({ length: 12 }, (_, k) => `I-${k}`);
    const data: PlanData = {
      planboard: 1,
      title: 'p',
      statuses: ['todo', 'doing', 'done'],
      priorities: ['high', 'low'],
      lanes: [{ id: 'ann', capacity: '40h/w' }, { id: 'bob', capacity: '40h/w' }],
      issues: ids.map((id, k) => ({
        id,
        title: `Issue ${k}`,
        status: ['todo', 'doing', 'done'][k % 3],
        ...(k % 3 === 2 ? { done_on: '2026-01-01' } : {}),
        ...(k > 0 ? { depends_on: [ids[k - 1]] } : {}),
        ...(k % 4 === 0 && k + 2 < ids.length ? { blocks: [ids[k + 2]] } : {}),
        ...(k % 2 ? { priority: 'high', lane: 'ann' } : { estimate: '2d' }),
      })),
    } as PlanData;
    const columnsOf = (m: Model) => new Map(m.statuses.map((s) => [s, m.issues.filter((i) => i.status === s)]));
    const draw = (m: Model, sel: string) => kanbanLines({ model: m, columns: columnsOf(m), selectedId: sel, swimlanes: false }, 120, 30, theme).map((l) => segLineText(l, 120)).join('\n');
    const op = fc.record({ k: fc.nat(11), what: fc.constantFrom('tick', 'untick', 'lane', 'status') });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), fc.nat(11), (ops, sel) => {
        let d = data;
        let model = buildModel(d);
        draw(model, ids[sel]);
        for (const o of ops) {
          const id = ids[o.k];
          const edit: Op =
            o.what === 'tick' ? { kind: 'tick', id, date: '2026-03-02' } : o.what === 'untick' ? { kind: 'untick', id } : o.what === 'lane' ? { kind: 'move-lane', id, lane: o.k % 2 ? 'bob' : 'ann' } : { kind: 'set-status', id, status: 'doing', date: '2026-03-02' };
          try {
            d = applyOpToData(d, edit);
          } catch {
            continue;
          }
          model = updateModel(model, d);
          expect(draw(model, ids[sel])).toBe(draw(buildModel(d), ids[sel]));
        }
      }),
      { numRuns: 60 },
    );
  });
});
