// The visible issues and the kanban columns are kept up to date by small steps (a query that
// extends the last one narrows its result, an edit patches the previous lists). Whatever the
// sequence of edits, typing, backspaces, filters and hide-done, they must equal what the plain
// definition computes from scratch.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, type Issue, type Model, type PlanData } from '../../src/core/plan/model.js';
import type { Op } from '../../src/core/plan/op-types.js';
import { applyOpToData } from '../../src/core/plan/ops.js';
import { updateModel } from '../../src/store/model-update.js';
import type { Filter } from '../../src/store/types.js';
import { columnsOf, keptIssues, rowOf } from '../../src/store/visible.js';

const STATUSES = ['todo', 'in-progress', 'review', 'done'];
const WORDS = ['Parser', 'board', 'ΑΣΑ', 'ας', 'login', 'Fix', 'sigma', 'rate'];
const LANES = ['ann', 'bob'];

function plan(n: number): PlanData {
  return {
    planboard: 1,
    title: 'p',
    statuses: STATUSES,
    lanes: LANES.map((id) => ({ id, capacity: '40h/w' })),
    issues: Array.from({ length: n }, (_, k) => ({
      id: `I-${k}`,
      title: `${WORDS[k % WORDS.length]} ${WORDS[(k * 3 + 1) % WORDS.length]}`,
      status: k % 7 === 6 ? 'weird' : STATUSES[k % STATUSES.length],
      ...(k % 5 === 4 ? { done_on: '2026-01-01', status: 'done' } : {}),
      ...(k % 3 ? { lane: LANES[k % 2] } : {}),
      ...(k % 4 === 1 ? { labels: ['core', 'UI'] } : {}),
    })),
  } as PlanData;
}

/** The definition: each word a case-insensitive subsequence of the id, the title or a label. */
function reference(model: Model, filter: Filter, hideDone: boolean, search: string): Issue[] {
  const sub = (h: string, n: string) => {
    let at = 0;
    for (const ch of n) {
      at = h.indexOf(ch, at);
      if (at < 0) return false;
      at++;
    }
    return true;
  };
  const words = search.trim().split(/\s+/).filter(Boolean);
  return model.issues.filter(
    (i) =>
      (!hideDone || !i.done) &&
      (!filter.status || i.status === filter.status) &&
      (!filter.lane || i.lane === filter.lane) &&
      words.every((w) => [i.id, i.title, ...i.labels].some((f) => sub(f.toLowerCase(), w.toLowerCase()))),
  );
}

function referenceColumns(list: Issue[]): Map<string, Issue[]> {
  const map = new Map<string, Issue[]>(STATUSES.map((s) => [s, []]));
  for (const i of list) map.set(i.status, [...(map.get(i.status) ?? []), i]);
  return map;
}

type Step =
  | { kind: 'op'; k: number; what: 'tick' | 'untick' | 'status' | 'lane'; to: number }
  | { kind: 'type'; ch: string }
  | { kind: 'backspace' }
  | { kind: 'filter'; status?: number; lane?: number }
  | { kind: 'hide-done' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('op' as const), k: fc.nat(39), what: fc.constantFrom('tick' as const, 'untick' as const, 'status' as const, 'lane' as const), to: fc.nat(5) }),
  fc.record({ kind: fc.constant('type' as const), ch: fc.constantFrom('a', 'r', 'S', 's', ' ', 'Σ', 'Α', 'i', '1', 'u', 'o', 'ς') }),
  fc.record({ kind: fc.constant('type' as const), ch: fc.constantFrom('a', 'r', 'e', 'o', ' ') }),
  fc.constant({ kind: 'backspace' as const }),
  fc.record({ kind: fc.constant('filter' as const), status: fc.option(fc.nat(4), { nil: undefined }), lane: fc.option(fc.nat(1), { nil: undefined }) }),
  fc.constant({ kind: 'hide-done' as const }),
);

function opOf(s: Extract<Step, { kind: 'op' }>): Op {
  const id = `I-${s.k}`;
  if (s.what === 'tick') return { kind: 'tick', id, date: '2026-03-02' };
  if (s.what === 'untick') return { kind: 'untick', id };
  if (s.what === 'lane') return { kind: 'move-lane', id, lane: s.to % 3 === 2 ? null : LANES[s.to % 2] };
  return { kind: 'set-status', id, status: [...STATUSES, 'weird', 'odd'][s.to], date: '2026-03-02' };
}

describe('visible issues and columns by small steps', () => {
  it('equal the full recomputation after any sequence of edits, typing, backspaces, filters and hide-done', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let data = plan(40);
        let model = buildModel(data);
        let filter: Filter = {};
        let hideDone = false;
        let search = '';
        for (const s of steps) {
          if (s.kind === 'op') {
            try {
              data = applyOpToData(data, opOf(s));
            } catch {
              continue; // an op the plan refuses (an unknown status, say) changes nothing
            }
            model = updateModel(model, data);
          } else if (s.kind === 'type') search += s.ch;
          else if (s.kind === 'backspace') search = search.slice(0, -1);
          else if (s.kind === 'filter') filter = { ...(s.status === undefined ? {} : { status: [...STATUSES, 'weird'][s.status] }), ...(s.lane === undefined ? {} : { lane: LANES[s.lane] }) };
          else hideDone = !hideDone;

          const list = keptIssues(model, filter, hideDone, search);
          const want = reference(model, filter, hideDone, search);
          expect(list.map((i) => i.id)).toEqual(want.map((i) => i.id));
          expect(list.every((i, n) => i === want[n])).toBe(true);

          const cols = columnsOf(list, model.statuses);
          const wantCols = referenceColumns(list);
          expect([...cols.keys()]).toEqual([...wantCols.keys()]);
          for (const [status, col] of wantCols) {
            expect(cols.get(status)?.map((i) => i.id)).toEqual(col.map((i) => i.id));
            for (const issue of model.issues) expect(rowOf(cols.get(status) ?? [], model.byId.get(issue.id))).toBe(col.indexOf(issue));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('typing narrows by the lowercased query: ΑΣ then ΑΣΑ (a final sigma changes once a letter follows)', () => {
    const model = buildModel(plan(16));
    const none: Filter = {};
    const as = keptIssues(model, none, false, 'ΑΣ').map((i) => i.title);
    const asa = keptIssues(model, none, false, 'ΑΣΑ').map((i) => i.title);
    expect(as).not.toContain('ΑΣΑ rate'); // ασα rate: no ς
    expect(asa).toContain('ΑΣΑ rate');
  });

  it('a word matches within one field: not across the id, the title and the labels', () => {
    const model = buildModel({ planboard: 1, title: 'p', issues: [{ id: 'AB-1', title: 'xy', labels: ['zz'] }] } as PlanData);
    const none: Filter = {};
    const found = (q: string) => keptIssues(model, none, false, q).length;
    expect([found('b1'), found('xy'), found('z'), found('1'), found('b1 xy zz')]).toEqual([1, 1, 1, 1, 1]);
    expect([found('1x'), found('yz'), found('b1x'), found('q')]).toEqual([0, 0, 0, 0]);
  });

  it('a column in another order is searched by id, not by position', () => {
    const model = buildModel(plan(10));
    const reversed = [...model.issues].reverse();
    for (const [n, issue] of reversed.entries()) expect(rowOf(reversed, issue)).toBe(n);
    expect(rowOf(reversed, undefined)).toBe(-1);
  });
});
