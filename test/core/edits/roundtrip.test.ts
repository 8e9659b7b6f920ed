// Load then save: byte-identical with no edit, and a tick touches only the ticked issue's lines.
import { describe, expect, it } from 'vitest';
import { applyOps, applyOpToData } from '../../../src/core/plan/ops.js';
import { loadPlanText, formatProblem } from '../../../src/core/plan/load.js';
import type { Op } from '../../../src/core/plan/op-types.js';
import { changedOnlyWithin, fixtures, issueSpans, plans, samples } from './helpers.js';

const load = (name: string, text: string) => {
  const r = loadPlanText(text, name);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.plan;
};

describe('the round-trip fixtures', () => {
  const all = fixtures();
  it('cover CRLF, a BOM, a missing final newline, comments, flow maps, quoted and block scalars, anchors', () => {
    const texts = all.map((f) => f.text);
    expect(texts.some((t) => t.includes('\r\n'))).toBe(true);
    expect(texts.some((t) => t.startsWith('\uFEFF'))).toBe(true);
    expect(texts.some((t) => !t.endsWith('\n'))).toBe(true);
    expect(texts.some((t) => /^#/.test(t) && / # /.test(t) && /\n# [^\n]*\n?$/.test(t))).toBe(true);
    expect(texts.some((t) => /- \{ ?id:/.test(t))).toBe(true);
    for (const re of [/: '/, /: "/, /: \|\n/, /: \|-/, /: \|\+/, /: >\n/, /: >-/, /&\w+/, /\*\w+/]) {
      expect(texts.some((t) => re.test(t)), String(re)).toBe(true);
    }
  });
  it('all load as valid plans', () => {
    for (const f of all) expect(() => load(f.name, f.text), f.name).not.toThrow();
  });
});

describe('saving without an edit', () => {
  for (const s of samples()) {
    it(`gives back ${s.name} byte for byte`, () => {
      expect(applyOps(s.text, [])).toBe(s.text);
    });
    it(`gives back ${s.name} byte for byte after edits that cancel out (tick then untick, move then move back)`, () => {
      const plan = load(s.name, s.text);
      const ops: Op[] = [];
      for (const issue of plan.data.issues ?? []) {
        if (issue.status !== 'done') {
          ops.push(
            { kind: 'tick', id: issue.id, date: '2026-02-03' },
            { kind: 'set-field', id: issue.id, field: 'status', value: issue.status },
            { kind: 'set-field', id: issue.id, field: 'done_on', value: issue.done_on },
            { kind: 'set-field', id: issue.id, field: 'reopen_status', value: issue.reopen_status },
          );
        }
        const other = plan.data.lanes?.find((l) => l.id !== issue.lane);
        if (other) ops.push({ kind: 'move-lane', id: issue.id, lane: other.id }, { kind: 'move-lane', id: issue.id, lane: issue.lane ?? null });
      }
      expect(ops.reduce(applyOpToData, plan.data)).not.toBe(plan.data);
      expect(applyOps(s.text, ops)).toBe(s.text);
    });
  }
});

describe('ticking one issue', () => {
  it('runs over the seed plans in plans/', () => {
    // The plans arrive from another helper; this fails if the directory is missing or empty.
    expect(plans().length).toBeGreaterThan(0);
  });
  for (const s of samples()) {
    it(`changes only that issue's lines, in every issue of ${s.name}`, () => {
      const plan = load(s.name, s.text);
      const spans = issueSpans(s.text);
      const open = (plan.data.issues ?? []).filter((i) => (i.status ?? (plan.data.statuses ?? ['backlog'])[0]) !== 'done');
      const done = (plan.data.issues ?? []).filter((i) => i.status === 'done');
      // Large plans: every open issue would be slow to re-check one by one; take a spread of them.
      const pick = <T>(xs: T[], n: number) => (xs.length <= n ? xs : xs.filter((_, i) => i % Math.ceil(xs.length / n) === 0));
      for (const issue of [...pick(open, 12), ...pick(done, 4)]) {
        const after = applyOps(s.text, [{ kind: 'tick', id: issue.id, date: '2026-02-03' }]);
        const span = spans.find((x) => x.id === issue.id)!;
        expect(span, issue.id).toBeDefined();
        expect(changedOnlyWithin(s.text, after, [span]), `${issue.id}`).toBeNull();
        const lines = (t: string) => t.slice(span.from).split('\n').length;
        if (issue.status === 'done') expect(after).toBe(s.text);
        else {
          // Its status, one line for the date and one for the status untick goes back to unless
          // that is todo (untick's default): nothing else of it moves.
          const got = load(s.name, after).data.issues!.find((i) => i.id === issue.id)!;
          const was = issue.status ?? (plan.data.statuses ?? ['backlog'])[0];
          const reopen = was === 'todo' ? {} : { reopen_status: was };
          expect(got).toEqual({ ...issue, status: 'done', done_on: issue.done_on ?? '2026-02-03', ...reopen });
          const flow = /^[ -]*\{/.test(s.text.slice(span.from, span.to));
          const added = flow ? 0 : (issue.status === undefined ? 1 : 0) + (issue.done_on === undefined ? 1 : 0) + (was === 'todo' ? 0 : 1);
          expect(lines(after) - lines(s.text)).toBe(added);
          expect(after.endsWith('\n')).toBe(s.text.endsWith('\n'));
          expect(after.includes('\r\n')).toBe(s.text.includes('\r\n'));
        }
      }
    });
  }
});
