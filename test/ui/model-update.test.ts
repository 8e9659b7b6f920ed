import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlanText } from '../../src/core/plan/load.js';
import { buildModel, type Model } from '../../src/core/plan/model.js';
import type { Op } from '../../src/core/plan/op-types.js';
import { applyOpToData } from '../../src/core/plan/ops.js';
import { updateModel } from '../../src/store/model-update.js';
import { PLAN } from './board-fixture.js';

const comparable = (m: Model) => ({ ...m, issues: m.issues.map((i) => ({ ...i })), byId: [...m.byId].map(([k, v]) => [k, v.id, v.status, v.lane]) });

function check(text: string, ops: Op[]) {
  const r = loadPlanText(text, 'p.yaml');
  if (!r.ok) throw new Error(r.problems[0].message);
  let data = r.plan.data;
  let model = buildModel(data);
  for (const op of ops) {
    data = applyOpToData(data, op);
    model = updateModel(model, data);
    expect(comparable(model)).toEqual(comparable(buildModel(data)));
  }
}

describe('updateModel: an edit rebuilds only the issues it touched, with the same result as buildModel', () => {
  it('on ticks, status moves, lane moves, logs and subtasks', () => {
    check(PLAN, [
      { kind: 'tick', id: 'A-3', date: '2026-03-02' },
      { kind: 'move-lane', id: 'A-4', lane: 'cy' },
      { kind: 'set-status', id: 'A-2', status: 'review', date: '2026-03-02' },
      { kind: 'log-time', id: 'A-2', entry: { date: '2026-03-02', hours: 1 } },
      { kind: 'set-subtask', id: 'A-2', index: 2, done: true },
      { kind: 'untick', id: 'A-1' },
      { kind: 'move-lane', id: 'A-3', lane: null },
    ]);
  });

  it('keeps dependencies that come from other issues’ `blocks`', () => {
    const plan = PLAN.replace('  - id: A-4\n', '  - id: A-4\n    blocks: [A-3]\n');
    check(plan, [{ kind: 'tick', id: 'A-3', date: '2026-03-02' }, { kind: 'move-lane', id: 'A-3', lane: 'ann' }]);
  });

  it('on a real seed plan', () => {
    const text = readFileSync(new URL('../../plans/k3s-mono-pgsql.yaml', import.meta.url), 'utf8');
    check(text, [
      { kind: 'tick', id: '1.1', date: '2026-02-10' },
      { kind: 'move-lane', id: '2.2', lane: 'dev-d' },
    ]);
  });

  it('falls back to a full rebuild when anything but single issues changed', () => {
    const r = loadPlanText(PLAN, 'p.yaml');
    if (!r.ok) throw new Error('bad');
    const model = buildModel(r.plan.data);
    const added = applyOpToData(r.plan.data, { kind: 'add-issue', issue: { id: 'A-9', title: 'new' } });
    const next = updateModel(model, added);
    expect(next.issues.map((i) => i.id)).toEqual(['A-1', 'A-2', 'A-3', 'A-4', 'A-9']);
    expect(next.byId.get('A-9')?.index).toBe(4);
  });
});
