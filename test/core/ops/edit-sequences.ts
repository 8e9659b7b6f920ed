// Shared by the op property tests: random board edits over a plan, run through the real store
// on an in-memory file with saves in between, then undone.
import fc from 'fast-check';
import { expect } from 'vitest';
import { loadPlanText, loadPlanTextPrecise, formatProblem } from '../../../src/core/plan/load.js';
import type { PlanData } from '../../../src/core/plan/model.js';
import type { Op } from '../../../src/core/plan/op-types.js';
import { applyOps, applyOpToData, EditError, OpError } from '../../../src/core/plan/ops.js';
import { memoryFile } from '../../ui/board-fixture.js';
import { createBoardStore } from '../../../src/store/index.js';

const dateArb = fc.integer({ min: 0, max: 700 }).map((d) => new Date(Date.UTC(2025, 6, 1 + d)).toISOString().slice(0, 10));
// Text with the characters YAML cares about.
const textArb = fc.string({ minLength: 1, maxLength: 16, unit: fc.constantFrom(...'ab Z9-_:#,[]{}\'"!&*?|>%@`.é') }).filter((s) => s.trim() !== '');

/** One step: an op for the store, or a save. Ids are drawn from the plan as loaded. */
export type Step = { op: Op } | { save: true };

export function stepArb(data: PlanData): fc.Arbitrary<Step> {
  const issues = data.issues ?? [];
  const ids = issues.map((i) => i.id);
  const id = fc.constantFrom(...ids);
  const statuses = data.statuses ?? ['backlog', 'todo', 'in-progress', 'review', 'done'];
  const lanes = (data.lanes ?? []).map((l) => l.id);
  const sprints = (data.calendar?.sprints?.list ?? []).map((s) => s.name);
  const milestones = (data.milestones ?? []).map((m) => m.id);
  const priorities = data.priorities ?? ['critical', 'high', 'medium', 'low'];
  const withSubtasks = issues.filter((i) => i.subtasks?.length);
  const op = (a: fc.Arbitrary<Op>) => a.map((o) => ({ op: o }) as Step);
  const ops: fc.Arbitrary<Step>[] = [
    op(fc.record({ kind: fc.constant('tick' as const), id, date: dateArb })),
    op(fc.record({ kind: fc.constant('untick' as const), id })),
    op(fc.record({ kind: fc.constant('set-status' as const), id, status: fc.constantFrom(...statuses), date: dateArb })),
    op(fc.record({ kind: fc.constant('log-time' as const), id, entry: fc.record({ date: dateArb, hours: fc.integer({ min: 1, max: 32 }).map((h) => h / 4) }) })),
    op(fc.record({ kind: fc.constant('set-field' as const), id, field: fc.constant('title'), value: textArb })),
    op(fc.record({ kind: fc.constant('set-field' as const), id, field: fc.constant('estimate'), value: fc.constantFrom('2h', '1.5d', '3-5d', '1w', null) })),
    op(fc.record({ kind: fc.constant('set-field' as const), id, field: fc.constant('labels'), value: fc.option(fc.uniqueArray(textArb, { minLength: 1, maxLength: 2 }), { nil: null }) })),
    op(fc.record({ kind: fc.constant('set-field' as const), id, field: fc.constant('priority'), value: fc.constantFrom<string | null>(...priorities, null) })),
    op(fc.record({ kind: fc.constant('set-field' as const), id, field: fc.constant('due'), value: fc.option(dateArb, { nil: null }) })),
    op(fc.record({ kind: fc.constant('add-dependency' as const), id, on: id })),
    op(fc.record({ kind: fc.constant('remove-dependency' as const), id, on: id })),
    op(fc.record({ kind: fc.constant('remove-issue' as const), id })),
    op(fc.record({ kind: fc.constant('reorder-issue' as const), id, with: id })),
    op(
      fc.record(
        {
          kind: fc.constant('add-issue' as const),
          issue: fc.record({ id: fc.integer({ min: 1, max: 99 }).map((n) => `NEW-${n}`), title: textArb, status: fc.constantFrom(...statuses) }, { requiredKeys: ['id', 'title'] }),
          before: id,
        },
        { requiredKeys: ['kind', 'issue'] },
      ),
    ),
    fc.constant({ save: true } as Step),
  ];
  if (lanes.length) ops.push(op(fc.record({ kind: fc.constant('move-lane' as const), id, lane: fc.constantFrom<string | null>(...lanes, null) })));
  if (sprints.length) ops.push(op(fc.record({ kind: fc.constant('set-field' as const), id, field: fc.constant('sprint'), value: fc.constantFrom(...sprints) })));
  if (milestones.length) ops.push(op(fc.record({ kind: fc.constant('set-field' as const), id, field: fc.constant('milestone'), value: fc.constantFrom(...milestones) })));
  if (withSubtasks.length) {
    ops.push(
      op(fc.constantFrom(...withSubtasks).chain((i) => fc.record({ kind: fc.constant('set-subtask' as const), id: fc.constant(i.id), index: fc.nat(i.subtasks!.length - 1), done: fc.boolean() }))),
    );
  }
  return fc.oneof(...ops);
}

export function load(text: string, name: string): PlanData {
  const r = loadPlanText(text, name);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.plan.data;
}

/**
 * Runs the steps through a store on an in-memory copy of `text`: each op the store takes is one
 * edit, `save` writes. Then checks (1) after a final save, the file reads (precisely, not from
 * memory) as exactly the data the taken ops describe, and (2) as many undos as edits and a save
 * give back the original bytes. On a plan without anchors, every save must succeed.
 */
export async function checkSequence(name: string, text: string, steps: Step[]): Promise<void> {
  const { file, persistence } = memoryFile(text);
  const store = createBoardStore({ file: name, text, data: load(text, name), today: '2026-03-02', persistence });
  let model = store.getState().baseData;
  let edits = 0;
  const anchors = /(^|[\s[{,])[&*][\w-]+/m.test(text);
  for (const step of steps) {
    if ('save' in step) {
      await store.getState().save();
      expect(store.getState().fileState, `${store.getState().message}`).not.toBe('unsaved');
      continue;
    }
    if (!store.getState().apply(step.op)) continue;
    if (anchors) {
      // Editing a node another issue reaches through a YAML alias cannot be written without
      // changing that issue too: the save refuses it, and the user undoes it (this test, at once).
      try {
        applyOps(store.getState().baseText, store.getState().pending);
      } catch (e) {
        if (!(e instanceof EditError || e instanceof OpError)) throw e;
        store.getState().undo();
        continue;
      }
    }
    model = applyOpToData(model, step.op);
    edits++;
  }
  await store.getState().save();
  expect(store.getState().fileState, `${store.getState().message}`).toBe('saved');
  const reread = loadPlanTextPrecise(file.text, name);
  expect(reread.ok ? reread.plan.data : reread.problems).toEqual(model);
  expect(store.getState().data).toEqual(model);

  for (let n = 0; n < edits; n++) store.getState().undo();
  expect(store.getState().message).not.toMatch(/cannot undo/);
  await store.getState().save();
  expect(store.getState().fileState, `${store.getState().message}`).toBe('saved');
  expect(file.text).toBe(text);
}
