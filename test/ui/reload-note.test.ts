// The header's reload note counts issues another session changed, not fields.
import { describe, expect, it } from 'vitest';
import { loadPlanText } from '../../src/core/plan/load.js';
import { describeReload } from '../../src/store/reload-note.js';
import { PLAN } from './board-fixture.js';

const data = (text: string) => {
  const r = loadPlanText(text, 'plan.yaml');
  if (!r.ok) throw new Error('fixture does not load');
  return r.plan.data;
};

describe('describeReload', () => {
  it('counts a tick (status and done_on) as one change and names the issue', () => {
    const after = PLAN.replace('  - id: A-3\n    title: Render the board\n', '  - id: A-3\n    title: Render the board\n    status: done\n    done_on: 2026-03-02\n');
    expect(describeReload(data(PLAN), data(after))).toBe('1 change by another session (A-3)');
  });

  it('names at most three issues and counts all of them', () => {
    const after = PLAN.replace('lane: bob', 'lane: cy').replace('estimate: 1d\n    labels', 'estimate: 2d\n    labels').replace('Set up the repository', 'Set up').replace('Write the parser', 'Parse');
    expect(describeReload(data(PLAN), data(after))).toBe('4 changes by another session (A-1, A-2, A-3, …)');
  });

  it('says so when nothing about the issues changed', () => {
    expect(describeReload(data(PLAN), data(PLAN.replace('title: Test plan', 'title: Renamed')))).toBe('no issue changes by another session');
  });
});
