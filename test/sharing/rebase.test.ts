import { describe, expect, it } from 'vitest';
import type { PlanData } from '../../src/core/plan/model.js';
import type { Op } from '../../src/core/plan/op-types.js';
import { diffPlans, mergePlans, resolveConflicts, detectConflicts } from '../../src/core/persist/rebase.js';

type Issue = NonNullable<PlanData['issues']>[number];
const plan = (issues: Issue[], extra: Partial<PlanData> = {}): PlanData =>
  ({ planboard: 1, title: 'T', issues, ...extra }) as PlanData;
const base = plan([
  { id: 'A-1', title: 'one', status: 'todo', lane: 'ana' },
  { id: 'A-2', title: 'two', status: 'todo', subtasks: [{ title: 'x' }, { title: 'y' }] },
  { id: 'A-3', title: 'three', status: 'review', log: [{ date: '2026-01-05', hours: 2 }] },
]);
const edit = (p: PlanData, id: string, patch: Partial<Issue>): PlanData =>
  ({ ...p, issues: p.issues!.map((i) => (i.id === id ? { ...i, ...patch } : i)) }) as PlanData;

describe('diffPlans: field-level changes by issue id', () => {
  it('is empty for equal plans', () => {
    expect(diffPlans(base, structuredClone(base))).toEqual([]);
  });
  it('names each changed field of each issue, and added and removed issues', () => {
    let other = edit(base, 'A-1', { lane: 'bo', status: 'done', done_on: '2026-02-02' });
    other = { ...other, issues: [...other.issues!.filter((i) => i.id !== 'A-3'), { id: 'A-9', title: 'nine' }] };
    const ops = diffPlans(base, other);
    expect(ops).toContainEqual({ kind: 'set-field', id: 'A-1', field: 'lane', value: 'bo' });
    expect(ops).toContainEqual({ kind: 'set-field', id: 'A-1', field: 'status', value: 'done' });
    expect(ops).toContainEqual({ kind: 'set-field', id: 'A-1', field: 'done_on', value: '2026-02-02' });
    expect(ops).toContainEqual({ kind: 'remove-issue', id: 'A-3' });
    expect(ops).toContainEqual({ kind: 'add-issue', issue: { id: 'A-9', title: 'nine' } });
    expect(ops).toHaveLength(5);
  });
  it('reports a removed field as set-field with value undefined', () => {
    const ops = diffPlans(base, edit(base, 'A-1', { lane: undefined }));
    expect(ops).toEqual([{ kind: 'set-field', id: 'A-1', field: 'lane', value: undefined }]);
  });
});

describe('mergePlans: three-way by issue id and field', () => {
  it('merges changes to different issues and different fields silently', () => {
    const mine = edit(base, 'A-1', { status: 'done', done_on: '2026-02-02' });
    const theirs = edit(edit(base, 'A-1', { lane: 'bo' }), 'A-2', { status: 'in-progress' });
    const r = mergePlans(base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.ops).toEqual([
      { kind: 'set-field', id: 'A-1', field: 'lane', value: 'bo' },
      { kind: 'set-field', id: 'A-2', field: 'status', value: 'in-progress' },
    ]);
  });
  it('the same field set two different ways is a conflict naming id, field and both values', () => {
    const r = mergePlans(base, edit(base, 'A-1', { lane: 'ana2' }), edit(base, 'A-1', { lane: 'bo' }));
    expect(r.conflicts).toEqual([{ id: 'A-1', field: 'lane', mine: 'ana2', theirs: 'bo' }]);
    expect(r.ops).toEqual([]);
  });
  it('the same field set to the same value on both sides is not a conflict', () => {
    const r = mergePlans(base, edit(base, 'A-1', { lane: 'bo' }), edit(base, 'A-1', { lane: 'bo' }));
    expect(r).toEqual({ ops: [], conflicts: [] });
  });
  it('both finishing an issue on different days is not a conflict (ours keeps its date)', () => {
    const r = mergePlans(
      base,
      edit(base, 'A-1', { status: 'done', done_on: '2026-02-02' }),
      edit(base, 'A-1', { status: 'done', done_on: '2026-02-03' }),
    );
    expect(r).toEqual({ ops: [], conflicts: [] });
  });
  it('time logs from both sides are all kept', () => {
    const mine = edit(base, 'A-3', { log: [{ date: '2026-01-05', hours: 2 }, { date: '2026-01-06', hours: 1 }] });
    const theirs = edit(base, 'A-3', { log: [{ date: '2026-01-05', hours: 2 }, { date: '2026-01-07', hours: 3 }] });
    const r = mergePlans(base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.ops).toEqual([
      {
        kind: 'set-field',
        id: 'A-3',
        field: 'log',
        value: [
          { date: '2026-01-05', hours: 2 },
          { date: '2026-01-06', hours: 1 },
          { date: '2026-01-07', hours: 3 },
        ],
      },
    ]);
  });
  it('ticking different subtasks of one issue merges; the same subtask two ways conflicts', () => {
    const m = edit(base, 'A-2', { subtasks: [{ title: 'x', done: true }, { title: 'y' }] });
    const t = edit(base, 'A-2', { subtasks: [{ title: 'x' }, { title: 'y', done: true }] });
    expect(mergePlans(base, m, t)).toEqual({
      conflicts: [],
      ops: [{ kind: 'set-field', id: 'A-2', field: 'subtasks', value: [{ title: 'x', done: true }, { title: 'y', done: true }] }],
    });
    const t2 = edit(base, 'A-2', { subtasks: [{ title: 'x', done: false }, { title: 'y' }] });
    expect(mergePlans(base, m, t2).conflicts).toEqual([
      { id: 'A-2', field: 'subtasks.0', mine: { title: 'x', done: true }, theirs: { title: 'x', done: false } },
    ]);
  });
  it('an issue edited on one side and removed on the other is a conflict', () => {
    const removed = { ...base, issues: base.issues!.filter((i) => i.id !== 'A-1') } as PlanData;
    expect(mergePlans(base, edit(base, 'A-1', { lane: 'bo' }), removed).conflicts).toEqual([
      { id: 'A-1', field: '(issue)', mine: 'changed', theirs: 'removed' },
    ]);
    expect(mergePlans(base, removed, edit(base, 'A-1', { lane: 'bo' })).conflicts).toEqual([
      { id: 'A-1', field: '(issue)', mine: 'removed', theirs: 'changed' },
    ]);
  });
  it('carries their added and removed issues over', () => {
    const theirs = { ...base, issues: [...base.issues!.filter((i) => i.id !== 'A-2'), { id: 'B-1', title: 'b' }] } as PlanData;
    expect(mergePlans(base, base, theirs).ops).toEqual([
      { kind: 'remove-issue', id: 'A-2' },
      { kind: 'add-issue', issue: { id: 'B-1', title: 'b' } },
    ]);
  });
  it('the same id added with different content on both sides is a conflict', () => {
    const m = { ...base, issues: [...base.issues!, { id: 'N', title: 'mine' }] } as PlanData;
    const t = { ...base, issues: [...base.issues!, { id: 'N', title: 'theirs' }] } as PlanData;
    expect(detectConflicts(base, m, t)).toEqual([
      { id: 'N', field: '(issue)', mine: { id: 'N', title: 'mine' }, theirs: { id: 'N', title: 'theirs' } },
    ]);
  });
});

describe('resolveConflicts', () => {
  const ops: Op[] = [
    { kind: 'move-lane', id: 'A-1', lane: 'ana2' },
    { kind: 'tick', id: 'A-1', date: '2026-02-02' },
    { kind: 'log-time', id: 'A-1', entry: { date: '2026-02-02', hours: 1 } },
    { kind: 'move-lane', id: 'A-2', lane: 'bo' },
  ];
  const conflicts = [
    { id: 'A-1', field: 'lane', mine: 'ana2', theirs: 'bo' },
    { id: 'A-1', field: 'status', mine: 'done', theirs: 'review' },
  ];
  it('"mine" keeps every op, to be replayed over theirs', () => {
    expect(resolveConflicts(ops, conflicts, 'mine')).toEqual(ops);
  });
  it('"theirs" drops exactly the ops that write a conflicting field', () => {
    expect(resolveConflicts(ops, conflicts, 'theirs')).toEqual([ops[2], ops[3]]);
  });
  it('can decide per conflict', () => {
    expect(resolveConflicts(ops, conflicts, (c) => (c.field === 'lane' ? 'theirs' : 'mine'))).toEqual(ops.slice(1));
  });
});
