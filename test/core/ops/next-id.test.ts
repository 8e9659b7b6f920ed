// A new issue's id follows the plan's own pattern, on every bundled plan.
import { describe, expect, it } from 'vitest';
import { nextIssueId } from '../../../src/core/ops/next-id.js';
import type { PlanData } from '../../../src/core/plan/model.js';
import { plans } from '../edits/helpers.js';
import { load } from './edit-sequences.js';

const plan = (ids: (string | [string, string])[]): PlanData => ({
  planboard: 1,
  title: 'T',
  issues: ids.map((x) => (typeof x === 'string' ? { id: x, title: x } : { id: x[0], title: x[0], group: x[1] })),
});

describe('nextIssueId', () => {
  it('continues a prefix and number: CAB-239 after CAB-238, #52 after #51, 2.5 after 2.4', () => {
    expect(nextIssueId(plan(['CAB-236', 'CAB-238', 'CAB-237']))).toBe('CAB-239');
    expect(nextIssueId(plan(['#50', '#51']))).toBe('#52');
    expect(nextIssueId(plan(['2.3', '2.4']))).toBe('2.5');
  });

  it('follows the group, or the issue it is added near, when the plan has several patterns', () => {
    const d = plan([['1.1', 'E1'], ['1.2', 'E1'], ['2.1', 'E2'], ['2.2', 'E2'], ['2.3', 'E2'], ['2.4', 'E2']]);
    expect(nextIssueId(d)).toBe('2.5');
    expect(nextIssueId(d, { group: 'E1' })).toBe('1.3');
    expect(nextIssueId(d, { near: '1.1' })).toBe('1.3');
    expect(nextIssueId(d, { group: 'E2', near: '1.2' })).toBe('1.3');
  });

  it('keeps zero padding and skips ids that groups or milestones already use', () => {
    expect(nextIssueId(plan(['T-007', 'T-008']))).toBe('T-009');
    const d: PlanData = { ...plan(['M-1']), groups: [{ id: 'M-2' }], milestones: [{ id: 'M-3' }] };
    expect(nextIssueId(d)).toBe('M-4');
  });

  it('numbers a plan whose ids are words with their common head, or ISSUE-', () => {
    expect(nextIssueId(plan(['STORY-BOOT-TALOS', 'STORY-NET-CILIUM']))).toBe('STORY-1');
    expect(nextIssueId(plan([]))).toBe('ISSUE-1');
  });

  describe('on the bundled plans', () => {
    const expected: Record<string, { plain: string; near?: [string, string]; group?: [string, string] }> = {
      'plans/k3s-mono-pgsql.yaml': { plain: '5.5', near: ['2.4', '2.5'], group: ['epic-1', '1.5'] },
      'plans/koprogo-roadmap.yaml': { plain: '#53', near: ['#51', '#53'] },
      'plans/platform-delivery.yaml': { plain: 'STORY-1' },
      'plans/stoa-2026-v2.yaml': { plain: 'CAB-211' },
      'plans/stoa-2026-v4.yaml': { plain: 'CAB-248', near: ['CAB-214', 'CAB-248'] },
    };
    it('covers every plan in plans/', () => {
      expect(plans().map((p) => p.name)).toEqual(Object.keys(expected));
    });
    for (const p of plans()) {
      it(`${p.name}: a fresh id in the plan's pattern`, () => {
        const d = load(p.text, p.name);
        const want = expected[p.name];
        const taken = new Set([...d.issues!.map((i) => i.id), ...(d.groups ?? []).map((g) => g.id)]);
        expect(nextIssueId(d)).toBe(want.plain);
        if (want.near) expect(nextIssueId(d, { near: want.near[0] })).toBe(want.near[1]);
        if (want.group) expect(nextIssueId(d, { group: want.group[0] })).toBe(want.group[1]);
        // For every group and every issue as `near`: never an id in use.
        for (const g of d.groups ?? []) expect(taken.has(nextIssueId(d, { group: g.id }))).toBe(false);
        for (const i of d.issues!) expect(taken.has(nextIssueId(d, { near: i.id }))).toBe(false);
      });
    }
  });
});
