// Random edit sequences over every fixture and plan: bytes outside the edited issues never change,
// and the text reads back as exactly the data the ops describe.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyOps, applyOpToData, OpError } from '../../../src/core/plan/ops.js';
import { loadPlanText, loadPlanTextPrecise, formatProblem } from '../../../src/core/plan/load.js';
import type { Op } from '../../../src/core/plan/op-types.js';
import type { PlanData } from '../../../src/core/plan/model.js';
import { changedOnlyWithin, fixtures, issueSpans, plans, samples } from './helpers.js';

const dateArb = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
// Printable text with the characters YAML cares about: quotes, colons, hashes, brackets, commas.
const textArb = fc.string({ minLength: 1, maxLength: 24, unit: fc.constantFrom(...'ab Z9-_:#,[]{}\'"!&*?|>%@`.é') });

function opArb(data: PlanData): fc.Arbitrary<Op> {
  const ids = (data.issues ?? []).map((i) => i.id);
  const id = fc.constantFrom(...ids);
  const statuses = data.statuses ?? ['backlog', 'todo', 'in-progress', 'review', 'done'];
  const lanes = (data.lanes ?? []).map((l) => l.id);
  const withSubtasks = (data.issues ?? []).filter((i) => i.subtasks?.length);
  const arbs: fc.Arbitrary<Op>[] = [
    fc.record({ kind: fc.constant('tick' as const), id, date: dateArb }),
    fc.record({ kind: fc.constant('untick' as const), id }),
    fc.record({ kind: fc.constant('set-status' as const), id, status: fc.constantFrom(...statuses), date: dateArb }),
    fc.record({
      kind: fc.constant('log-time' as const),
      id,
      entry: fc.record({ date: dateArb, hours: fc.integer({ min: 1, max: 32 }).map((h) => h / 4), note: textArb }, { requiredKeys: ['date', 'hours'] }),
    }),
    fc.record({ kind: fc.constant('set-field' as const), id, field: fc.constant('title'), value: textArb }),
    fc.integer({ min: 1, max: 9999 }).chain((n) =>
      fc.record({
        kind: fc.constant('add-issue' as const),
        issue: fc.record(
          { id: fc.constant(`NEW-${n}`), title: textArb, status: fc.constantFrom(...statuses), labels: fc.array(textArb, { maxLength: 2 }) },
          { requiredKeys: ['id', 'title'] },
        ),
      }),
    ),
  ];
  if (lanes.length) arbs.push(fc.record({ kind: fc.constant('move-lane' as const), id, lane: fc.constantFrom<string | null>(...lanes, null) }));
  if (withSubtasks.length) {
    arbs.push(
      fc.constantFrom(...withSubtasks).chain((i) =>
        fc.record({ kind: fc.constant('set-subtask' as const), id: fc.constant(i.id), index: fc.nat(i.subtasks!.length - 1), done: fc.boolean() }),
      ),
    );
  }
  return fc.oneof(...arbs);
}

const editedIds = (ops: Op[]) => new Set(ops.map((op) => (op.kind === 'add-issue' ? op.issue.id : op.id)));

describe('random edit sequences', () => {
  const all = [...fixtures(), ...plans(), ...samples().filter((s) => s.name.endsWith('(CRLF)') && s.name.startsWith('fixtures'))];
  for (const s of all) {
    it(`on ${s.name}: change only the edited issues and read back as intended`, () => {
      const loaded = loadPlanText(s.text, s.name);
      if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
      const data = loaded.plan.data;
      const spans = issueSpans(s.text);
      const lastIssueEnd = spans.length ? spans[spans.length - 1].to : undefined;
      fc.assert(
        fc.property(fc.array(opArb(data), { minLength: 1, maxLength: 6 }), (ops) => {
          let intended: PlanData;
          try {
            intended = ops.reduce(applyOpToData, data);
          } catch (e) {
            // An op the data refuses (a subtask index after a remove, a duplicate id) is not an edit to test.
            fc.pre(!(e instanceof OpError));
            throw e;
          }
          const after = applyOps(s.text, ops);
          // The precise read: loadPlanText may remember the text the fast edit vouched for.
          const reread = loadPlanTextPrecise(after, s.name);
          expect(reread.ok).toBe(true);
          if (reread.ok) expect(reread.plan.data).toEqual(intended);
          const touched = editedIds(ops);
          const adds = ops.some((op) => op.kind === 'add-issue');
          expect(changedOnlyWithin(s.text, after, spans.filter((x) => touched.has(x.id)), adds ? lastIssueEnd : undefined)).toBeNull();
          expect(after.endsWith('\n')).toBe(s.text.endsWith('\n'));
        }),
        { numRuns: s.name.startsWith('plans') ? 15 : 40, seed: 20260302 },
      );
    });
  }
});
