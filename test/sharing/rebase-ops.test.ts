// core's one rebase rule (rebaseOps), as the board's save and reload and the CLI use it.
import { describe, expect, it } from 'vitest';
import { rebaseOps } from '../../src/core/persist/rebase.js';
import { loadPlanText } from '../../src/core/plan/load.js';
import { PLAN } from './fixture.js';

const data = (text: string) => {
  const r = loadPlanText(text, 'plan.yaml');
  if (!r.ok) throw new Error('fixture');
  return r.plan.data;
};
const base = data(PLAN);
/** Another session moved S-1 from ana to cy. */
const theirsLaneCy = data(PLAN.replace('    title: First\n    status: todo\n    lane: ana', '    title: First\n    status: todo\n    lane: cy'));

describe('rebaseOps', () => {
  it('a field changed both ways is a conflict with both values', () => {
    expect(rebaseOps(base, [{ kind: 'move-lane', id: 'S-1', lane: 'bo' }], theirsLaneCy)).toEqual([{ id: 'S-1', field: 'lane', mine: 'bo', theirs: 'cy' }]);
  });

  it('a field our edits moved away and back is still ours: their change to it is a conflict, not overwritten', () => {
    const ops = [
      { kind: 'move-lane' as const, id: 'S-1', lane: 'bo' },
      { kind: 'move-lane' as const, id: 'S-1', lane: 'ana' },
    ];
    expect(rebaseOps(base, ops, theirsLaneCy)).toEqual([{ id: 'S-1', field: 'lane', mine: 'ana', theirs: 'cy' }]);
  });

  it('the same change on both sides, or changes to different fields, merge silently', () => {
    expect(rebaseOps(base, [{ kind: 'move-lane', id: 'S-1', lane: 'cy' }], theirsLaneCy)).toEqual([]);
    expect(rebaseOps(base, [{ kind: 'tick', id: 'S-1', date: '2026-03-02' }], theirsLaneCy)).toEqual([]);
    expect(rebaseOps(base, [{ kind: 'log-time', id: 'S-1', entry: { date: '2026-03-02', hours: 1 } }], theirsLaneCy)).toEqual([]);
  });
});
