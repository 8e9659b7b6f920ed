// The fast save path (line scan + per-item parse) must write exactly the bytes the full path
// (whole YAML Document) writes, or step aside; and it must actually be taken for ordinary plans.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyOps, applyOpToData, OpError } from '../../../src/core/plan/ops.js';
import { fastEditText } from '../../../src/core/plan/fast-edit.js';
import { countChunkItems, scanIssueItems } from '../../../src/core/plan/issue-spans.js';
import { loadPlanText, loadPlanTextPrecise, formatProblem } from '../../../src/core/plan/load.js';
import type { Op } from '../../../src/core/plan/op-types.js';
import type { PlanData } from '../../../src/core/plan/model.js';
import { generatePlan } from '../../../bench/lib/gen-plan.mjs';
import { plans, samples } from './helpers.js';

const dateArb = fc.integer({ min: 0, max: 1000 }).map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));
const textArb = fc.string({ minLength: 1, maxLength: 20, unit: fc.constantFrom(...'ab Z9-_:#,[]{}\'"!&*?|>%@`.é\t') });

function opArb(data: PlanData): fc.Arbitrary<Op> {
  const ids = (data.issues ?? []).map((i) => i.id);
  const id = fc.constantFrom(...ids, 'NO-SUCH-ID');
  const statuses = data.statuses ?? ['backlog', 'todo', 'in-progress', 'review', 'done'];
  const lanes = (data.lanes ?? []).map((l) => l.id);
  const arbs: fc.Arbitrary<Op>[] = [
    fc.record({ kind: fc.constant('tick' as const), id, date: dateArb }),
    fc.record({ kind: fc.constant('untick' as const), id }),
    fc.record({ kind: fc.constant('set-status' as const), id, status: fc.constantFrom(...statuses), date: dateArb }),
    fc.record({
      kind: fc.constant('log-time' as const),
      id,
      entry: fc.record({ date: dateArb, hours: fc.integer({ min: 1, max: 120 }).map((h) => h / 4), note: textArb }, { requiredKeys: ['date', 'hours'] }),
    }),
    fc.record({ kind: fc.constant('set-field' as const), id, field: fc.constantFrom('title', 'notes', 'link'), value: fc.option(textArb, { nil: undefined }) }),
    fc.record({ kind: fc.constant('set-field' as const), id, field: fc.constant('estimate'), value: fc.constantFrom('2h', '3-5d', '5-3d', '1w', null) }),
    fc.record({ kind: fc.constant('set-field' as const), id, field: fc.constant('depends_on'), value: fc.option(fc.array(id, { maxLength: 2 }), { nil: null }) }),
    fc.record({ kind: fc.constant('set-field' as const), id, field: fc.constant('labels'), value: fc.option(fc.array(textArb, { maxLength: 2 }), { nil: null }) }),
    fc.record({ kind: fc.constant('remove-issue' as const), id }),
    fc.integer({ min: 1, max: 9999 }).chain((n) =>
      fc.record({
        kind: fc.constant('add-issue' as const),
        issue: fc.record(
          {
            id: fc.constant(`NEW-${n}`),
            title: textArb,
            status: fc.constantFrom(...statuses),
            labels: fc.array(textArb, { maxLength: 2 }),
            log: fc.array(fc.record({ date: dateArb, hours: fc.constant(2) }), { minLength: 1, maxLength: 2 }),
          },
          { requiredKeys: ['id', 'title'] },
        ),
      }),
    ),
  ];
  if (lanes.length) arbs.push(fc.record({ kind: fc.constant('move-lane' as const), id, lane: fc.constantFrom<string | null>(...lanes, null, 'nobody') }));
  const withSubtasks = (data.issues ?? []).filter((i) => i.subtasks?.length);
  if (withSubtasks.length) {
    arbs.push(
      fc.constantFrom(...withSubtasks).chain((i) =>
        fc.record({ kind: fc.constant('set-subtask' as const), id: fc.constant(i.id), index: fc.nat(i.subtasks!.length - 1), done: fc.boolean() }),
      ),
    );
  }
  return fc.oneof(...arbs);
}

/** What an edit gives: its text, or the kind and message of its refusal. */
function outcome(f: () => string): string {
  try {
    return `text:${f()}`;
  } catch (e) {
    return `${(e as Error).constructor.name}:${(e as Error).message}`;
  }
}

const all = [
  ...samples(),
  { name: 'generated 60', text: generatePlan({ issues: 60, seed: 7 }) },
  { name: 'generated 60 (CRLF)', text: generatePlan({ issues: 60, seed: 8 }).replace(/\n/g, '\r\n') },
];

describe('the fast save path', () => {
  for (const s of all) {
    it(`on ${s.name}: writes byte for byte what the full path writes`, () => {
      const loaded = loadPlanText(s.text, s.name);
      if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
      const data = loaded.plan.data;
      let taken = 0;
      fc.assert(
        fc.property(fc.array(opArb(data), { minLength: 1, maxLength: 5 }), (ops) => {
          const full = outcome(() => applyOps(s.text, ops, { fast: false }));
          expect(outcome(() => applyOps(s.text, ops, { loaded: loaded.plan }))).toBe(full);
          let intended: PlanData;
          try {
            intended = ops.reduce(applyOpToData, data);
          } catch (e) {
            if (e instanceof OpError) return;
            throw e;
          }
          // Plan-level checks (references, cycles) are ops.ts's business; here only the text matters.
          const fast = fastEditText(s.text, data, intended);
          if (fast !== undefined && full.startsWith('text:')) {
            taken++;
            expect(`text:${fast}`).toBe(full);
            const reread = loadPlanTextPrecise(fast, s.name);
            expect(reread.ok && reread.plan.data).toEqual(intended);
          }
        }),
        { numRuns: s.name.startsWith('plans') || s.name.startsWith('generated') ? 25 : 40, seed: Number(process.env.FC_SEED ?? 7) },
      );
      // Not vacuous: on plain plans most sequences go the fast way.
      if (s.name.startsWith('generated') || s.name.startsWith('plans/stoa')) expect(taken).toBeGreaterThan(5);
    });
  }

  it('is taken for a tick, an edit, an added and a removed issue on plans without anchors', () => {
    const texts = [...plans().filter((p) => !/(^|\s)[&*][A-Za-z]/m.test(p.text)), { name: 'gen', text: generatePlan({ issues: 200, seed: 2 }) }];
    expect(texts.length).toBeGreaterThanOrEqual(5);
    for (const p of texts) {
      const r = loadPlanText(p.text, p.name);
      if (!r.ok) throw new Error(p.name);
      const data = r.plan.data;
      const id = data.issues![Math.floor(data.issues!.length / 2)].id;
      // An issue nothing refers to (its id appears once in the whole data) can be removed.
      const json = JSON.stringify(data);
      const loner = data.issues!.find((i) => json.split(`"${i.id}"`).length === 2)?.id;
      for (const ops of [
        [{ kind: 'tick', id, date: '2026-03-02' }],
        [{ kind: 'set-field', id, field: 'title', value: 'A new title: with a colon' }],
        [{ kind: 'add-issue', issue: { id: 'BRAND-NEW', title: 'New' } }],
        ...(loner ? [[{ kind: 'remove-issue', id: loner }]] : []),
      ] as Op[][]) {
        const intended = ops.reduce(applyOpToData, data);
        const fast = fastEditText(p.text, data, intended);
        expect(fast, `${p.name} ${ops[0].kind}`).toBeDefined();
        expect(fast).toBe(applyOps(p.text, ops, { fast: false }));
      }
    }
  });

  it('edits an item whose text merely looks like YAML node properties', () => {
    const text = 'planboard: 1\ntitle: T\nissues:\n  - id: A\n    title: "Support *BSD & more !"\n';
    const r = loadPlanText(text, 'p');
    if (!r.ok) throw new Error('fixture');
    const intended = applyOpToData(r.plan.data, { kind: 'tick', id: 'A', date: '2026-03-02' });
    expect(fastEditText(text, r.plan.data, intended)).toBe(applyOps(text, [{ kind: 'tick', id: 'A', date: '2026-03-02' }], { fast: false }));
  });

  it('gives the same refusal as the full path when the last line (no final newline) goes and an issue comes', () => {
    const text = 'planboard: 1\ntitle: T\nissues:\n  - id: N-1\n    title: One\n  - id: N-2\n    title: Last';
    const ops: Op[] = [
      { kind: 'remove-issue', id: 'N-2' },
      { kind: 'add-issue', issue: { id: 'NEW-1', title: 'a' } },
    ];
    expect(outcome(() => applyOps(text, ops))).toBe(outcome(() => applyOps(text, ops, { fast: false })));
  });

  it('steps aside when the first item starts on a line of its own (the full path then guesses the indent)', () => {
    const text = 'planboard: 1\ntitle: T\nissues:\n    -\n      id: A\n      title: A\n    - id: B\n      title: B\n';
    const r = loadPlanText(text, 'p');
    if (!r.ok) throw new Error('fixture');
    const op: Op = { kind: 'log-time', id: 'B', entry: { date: '2026-03-02', hours: 1 } };
    expect(fastEditText(text, r.plan.data, applyOpToData(r.plan.data, op))).toBeUndefined();
    expect(applyOps(text, [op])).toBe(applyOps(text, [op], { fast: false }));
  });

  it('steps aside when the edited item holds an anchor, alias or tag', () => {
    const text = 'planboard: 1\ntitle: T\nissues:\n  - id: A\n    title: &t A\n  - id: B\n    title: *t\n  - id: C\n    title: !!str C\n';
    const r = loadPlanText(text, 'p');
    if (!r.ok) throw new Error('fixture');
    for (const id of ['A', 'B', 'C']) {
      const intended = applyOpToData(r.plan.data, { kind: 'tick', id, date: '2026-03-02' });
      expect(fastEditText(text, r.plan.data, intended), id).toBeUndefined();
    }
  });
});

describe('the issue item scan', () => {
  it('finds each item from its dash line, comments and blank lines going with the item above', () => {
    const text = 'title: T\nissues:\n  # first\n  - id: A\n    notes: |\n      - not an item\n    # - nor this\n\n  - id: B\n    tags: [x,\n      y]\n# end\nlanes: []\n';
    const items = scanIssueItems(text)!;
    expect(items.dashCol).toBe(2);
    expect(items.starts.map((o) => text.slice(o, o + 9))).toEqual(['  - id: A', '  - id: B']);
    expect(text.slice(items.end)).toBe('lanes: []\n');
  });

  it('reads unindented lists', () => {
    const items = scanIssueItems('issues:\n- id: A\n- id: B\n  title: x\nlanes:\n- id: l\n')!;
    expect([items.dashCol, items.starts.length]).toEqual([0, 2]);
  });

  it.each([
    ['a flow list', 'issues: [{ id: A }]\n'],
    ['a flow list on the next line', 'issues:\n  [{ id: A }]\n'],
    ['tabs', 'issues:\n  - id: A\n\t\n'],
    ['a document marker', 'issues:\n  - id: A\n---\n'],
    ['a line between the dash column and the key', 'issues:\n    - id: A\n  x: 1\n'],
    ['no issues key', 'title: T\n'],
  ])('steps aside on %s', (_what, text) => {
    expect(scanIssueItems(text)).toBeUndefined();
  });

  it('counts the items of a chunk only when it could sit at the dash column', () => {
    expect(countChunkItems('  - id: A\n    t: x\n  # c\n  - id: B\n', 2)).toBe(2);
    expect(countChunkItems('  # only a comment\n\n', 2)).toBe(0);
    expect(countChunkItems('- id: A\n', 2)).toBe(-1);
    expect(countChunkItems('    t: x\n  - id: A\n', 2)).toBe(-1);
  });
});
