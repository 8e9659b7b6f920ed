// Card lines are kept per model between frames: a card whose issue did not change still shows
// what the new model says about it (blocked or not depends on another issue's status).
import { describe, expect, it } from 'vitest';
import { loadPlanText } from '../../src/core/plan/load.js';
import { buildModel, type Model } from '../../src/core/plan/model.js';
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
});
