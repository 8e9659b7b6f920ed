// applyOpToData: what each op means for the plan's data, and that it shares what it does not touch.
import { describe, expect, it } from 'vitest';
import { applyOpToData, describeOp, OpError } from '../../../src/core/plan/ops.js';
import type { PlanData } from '../../../src/core/plan/model.js';
import type { Op } from '../../../src/core/plan/op-types.js';

const plan = (): PlanData => ({
  planboard: 1,
  title: 'T',
  lanes: [{ id: 'ana' }, { id: 'bo' }],
  issues: [
    { id: 'A', title: 'Alpha', status: 'todo', lane: 'ana' },
    { id: 'B', title: 'Beta', status: 'done', done_on: '2026-01-02', subtasks: ['one', { title: 'two', done: true }] },
    { id: 'C', title: 'Gamma' },
  ],
});
const issue = (d: PlanData, id: string) => d.issues!.find((i) => i.id === id)!;

describe('applyOpToData', () => {
  it('tick sets status done and done_on, sharing every other issue object', () => {
    const d = plan();
    const n = applyOpToData(d, { kind: 'tick', id: 'A', date: '2026-03-02' });
    expect(issue(n, 'A')).toEqual({ id: 'A', title: 'Alpha', status: 'done', lane: 'ana', done_on: '2026-03-02' });
    expect(n.issues![1]).toBe(d.issues![1]);
    expect(n.lanes).toBe(d.lanes);
    expect(issue(d, 'A').status).toBe('todo');
  });
  it('tick on an issue already done changes nothing and returns the same data', () => {
    const d = plan();
    expect(applyOpToData(d, { kind: 'tick', id: 'B', date: '2026-03-02' })).toBe(d);
  });
  it('untick returns to todo (when the plan has it) and removes done_on', () => {
    const n = applyOpToData(plan(), { kind: 'untick', id: 'B' });
    expect(issue(n, 'B').status).toBe('todo');
    expect('done_on' in issue(n, 'B')).toBe(false);
  });
  it("untick uses the first non-done status when the plan's statuses have no todo", () => {
    const d = { ...plan(), statuses: ['done', 'open', 'closed'] };
    expect(issue(applyOpToData(d, { kind: 'untick', id: 'B' }), 'B').status).toBe('open');
  });
  it('set-status to a non-done status removes done_on; to done records the date', () => {
    const d = plan();
    expect(issue(applyOpToData(d, { kind: 'set-status', id: 'B', status: 'review', date: '2026-03-02' }), 'B')).not.toHaveProperty('done_on');
    expect(issue(applyOpToData(d, { kind: 'set-status', id: 'C', status: 'done', date: '2026-03-02' }), 'C')).toMatchObject({ status: 'done', done_on: '2026-03-02' });
  });
  it('move-lane sets the lane; null unassigns it', () => {
    const d = plan();
    expect(issue(applyOpToData(d, { kind: 'move-lane', id: 'A', lane: 'bo' }), 'A').lane).toBe('bo');
    expect(issue(applyOpToData(d, { kind: 'move-lane', id: 'A', lane: null }), 'A')).not.toHaveProperty('lane');
  });
  it('log-time appends an entry', () => {
    const n = applyOpToData(plan(), { kind: 'log-time', id: 'C', entry: { date: '2026-03-02', hours: 1.5, note: 'x' } });
    const m = applyOpToData(n, { kind: 'log-time', id: 'C', entry: { date: '2026-03-03', hours: 2 } });
    expect(issue(m, 'C').log).toEqual([{ date: '2026-03-02', hours: 1.5, note: 'x' }, { date: '2026-03-03', hours: 2 }]);
  });
  it('set-subtask turns a plain subtask into {title, done} and flips an object one', () => {
    const d = plan();
    expect(issue(applyOpToData(d, { kind: 'set-subtask', id: 'B', index: 0, done: true }), 'B').subtasks![0]).toEqual({ title: 'one', done: true });
    expect(issue(applyOpToData(d, { kind: 'set-subtask', id: 'B', index: 1, done: false }), 'B').subtasks![1]).toEqual({ title: 'two', done: false });
    expect(applyOpToData(d, { kind: 'set-subtask', id: 'B', index: 0, done: false })).toBe(d);
  });
  it('set-field validates the value against the schema and removes the key for undefined', () => {
    const d = plan();
    expect(issue(applyOpToData(d, { kind: 'set-field', id: 'C', field: 'estimate', value: '3d' }), 'C').estimate).toBe('3d');
    expect(issue(applyOpToData(d, { kind: 'set-field', id: 'A', field: 'lane', value: undefined }), 'A')).not.toHaveProperty('lane');
    expect(() => applyOpToData(d, { kind: 'set-field', id: 'C', field: 'estimate', value: 'soon' })).toThrow(/bad estimate for "C"/);
    expect(() => applyOpToData(d, { kind: 'set-field', id: 'C', field: 'colour', value: 'red' })).toThrow(/unknown issue field "colour"/);
    expect(() => applyOpToData(d, { kind: 'set-field', id: 'C', field: 'id', value: 'Z' })).toThrow(/cannot be changed/);
  });
  it('add-issue appends and then finds the new issue by id; remove-issue takes it out', () => {
    const d = plan();
    const n = applyOpToData(d, { kind: 'add-issue', issue: { id: 'D', title: 'Delta', lane: 'bo' } });
    expect(n.issues!.map((i) => i.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(issue(applyOpToData(n, { kind: 'tick', id: 'D', date: '2026-03-02' }), 'D').status).toBe('done');
    const r = applyOpToData(n, { kind: 'remove-issue', id: 'B' });
    expect(r.issues!.map((i) => i.id)).toEqual(['A', 'C', 'D']);
    expect(issue(applyOpToData(r, { kind: 'tick', id: 'D', date: '2026-03-02' }), 'D').status).toBe('done');
    expect(() => applyOpToData(n, { kind: 'add-issue', issue: { id: 'A', title: 'again' } })).toThrow(/issue "A" already exists/);
  });

  const errors: [Op, RegExp][] = [
    [{ kind: 'tick', id: 'Z', date: '2026-03-02' }, /unknown issue "Z"/],
    [{ kind: 'tick', id: 'a', date: '2026-03-02' }, /unknown issue "a" \(did you mean "A"\?\)/],
    [{ kind: 'move-lane', id: 'A', lane: 'cy' }, /unknown lane "cy"; lanes: ana, bo/],
    [{ kind: 'set-status', id: 'A', status: 'doing', date: '2026-03-02' }, /unknown status "doing"; statuses: backlog, todo, in-progress, review, done/],
    [{ kind: 'tick', id: 'A', date: '2026-02-30' }, /bad done date "2026-02-30"/],
    [{ kind: 'log-time', id: 'A', entry: { date: '2026-03-02', hours: 0 } }, /bad time entry for "A"/],
    [{ kind: 'set-subtask', id: 'A', index: 0, done: true }, /has no subtask 1 \(it has 0\)/],
    [{ kind: 'remove-issue', id: 'Z' }, /unknown issue "Z"/],
  ];
  for (const [op, message] of errors) {
    it(`throws OpError for ${describeOp(op)}: ${message.source}`, () => {
      expect(() => applyOpToData(plan(), op)).toThrow(OpError);
      expect(() => applyOpToData(plan(), op)).toThrow(message);
    });
  }
  it('refuses any lane when the plan has no lanes', () => {
    const d = { ...plan(), lanes: undefined };
    expect(() => applyOpToData(d, { kind: 'move-lane', id: 'A', lane: 'ana' })).toThrow(/unknown lane "ana": the plan has no lanes/);
    expect(applyOpToData(d, { kind: 'move-lane', id: 'A', lane: null }).issues![0]).not.toHaveProperty('lane');
  });
});

describe('describeOp', () => {
  it('says what an op does in a few words', () => {
    expect(describeOp({ kind: 'set-status', id: 'CAB-133', status: 'done', date: '2026-03-02' })).toBe('CAB-133 → done');
    expect(describeOp({ kind: 'tick', id: 'CAB-133', date: '2026-03-02' })).toBe('CAB-133 → done (2026-03-02)');
    expect(describeOp({ kind: 'move-lane', id: 'X', lane: null })).toBe('X → no lane');
    expect(describeOp({ kind: 'log-time', id: 'X', entry: { date: '2026-03-02', hours: 2 } })).toBe('X: logged 2h on 2026-03-02');
  });
});
