// The fast read (js-yaml events) must never change what a plan reads as: wherever it accepts a
// text, the precise read (yaml Document) accepts it too, with identical data, model and warnings.
// Wherever it is unsure, it steps aside and the precise read answers.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadPlanText, loadPlanTextFast, loadPlanTextPrecise, type LoadResult } from '../../../src/core/plan/load.js';
import { resolvePlain } from '../../../src/core/plan/fast-convert.js';
import { fastIssues } from '../../../src/core/plan/fast-issue.js';
import { Issue } from '../../../src/core/plan/schema.js';
import { parse } from 'yaml';
import { generatePlan } from '../../../bench/lib/gen-plan.mjs';

const root = join(import.meta.dirname, '..', '..', '..');
const filesIn = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((n) => ({ name: `${dir}/${n}`, text: readFileSync(join(root, dir, n), 'utf8') }));

const samples = [
  ...filesIn('plans'),
  ...filesIn('test/fixtures/valid'),
  ...filesIn('test/fixtures/roundtrip'),
  ...filesIn('test/fixtures/bad'),
  { name: 'generated 100', text: generatePlan({ issues: 100, seed: 3 }) },
  { name: 'generated 1000', text: generatePlan({ issues: 1000, seed: 1 }) },
];

/** What a result says, without the lazily built Document. */
const view = (r: LoadResult) => (r.ok ? { ok: true, data: r.plan.data, model: r.plan.model, warnings: r.warnings } : r);

/** The fast read either steps aside or agrees exactly with the precise one. */
function agrees(text: string): string | null {
  const fast = loadPlanTextFast(text, 'p.yaml');
  if (fast === undefined) return null;
  const precise = loadPlanTextPrecise(text, 'p.yaml');
  if (!precise.ok) return `fast accepted what the precise read refuses: ${precise.problems[0]?.message}`;
  return isDeepStrictEqual(view(fast), view(precise)) ? null : 'fast and precise reads differ';
}

describe('the fast read path', () => {
  it.each(samples)('reads $name exactly as the precise path does', ({ text }) => {
    expect(view(loadPlanText(text, 'p.yaml'))).toEqual(view(loadPlanTextPrecise(text, 'p.yaml')));
    expect(agrees(text)).toBeNull();
  });

  it('takes the fast way for generated plans and seed plans without anchors', () => {
    const anchored = (text: string) => /(^|\s)[&*][A-Za-z]/m.test(text);
    const taken = samples.filter((x) => x.name.startsWith('generated') || x.name.startsWith('plans/'));
    expect(taken.filter((s) => !anchored(s.text)).length).toBeGreaterThanOrEqual(5);
    for (const s of taken) expect(loadPlanTextFast(s.text, 'p.yaml') !== undefined, s.name).toBe(!anchored(s.text));
  });

  it('keeps ids, versions and sprints as written (1.10 stays "1.10")', () => {
    const text = 'planboard: 1\ntitle: T\nversion: 1.10\nissues:\n  - { id: 1.10, title: a, sprint: 3 }\n  - { id: 2, title: b, depends_on: [1.10] }\n';
    const r = loadPlanTextFast(text, 'p.yaml');
    expect(r?.ok && r.plan.data.issues!.map((i) => [i.id, i.sprint, i.depends_on])).toEqual([
      ['1.10', '3', undefined],
      ['2', undefined, ['1.10']],
    ]);
    expect(r?.ok && r.plan.data.version).toBe('1.10');
  });

  it.each([
    ['anchors and aliases', 'planboard: 1\ntitle: T\nlanes:\n  - &a { id: x, capacity: 8h/w }\nissues:\n  - { id: A, title: a, lane: x }\n'],
    ['a tag', 'planboard: 1\ntitle: !!str T\n'],
    ['a duplicate key', 'planboard: 1\ntitle: T\ntitle: U\n'],
    ['a byte order mark', '\uFEFFplanboard: 1\ntitle: T\n'],
    ['two documents', 'planboard: 1\ntitle: T\n---\nplanboard: 1\n'],
    ['a directive', '%YAML 1.2\n---\nplanboard: 1\ntitle: T\n'],
    ['a key that reads as a number', 'planboard: 1\ntitle: T\n1.0: x\n'],
    ['a warning (unknown lane kind is fine, but an unused thing may warn)', 'planboard: 1\ntitle: T\nissues:\n  - { id: A, title: a, status: done }\n'],
  ])('steps aside on %s', (_what, text) => {
    expect(agrees(text)).toBeNull();
    if (!_what.startsWith('a warning')) expect(loadPlanTextFast(text, 'p.yaml')).toBeUndefined();
  });

  it('resolves plain scalars exactly as yaml does', () => {
    const scalar = fc.oneof(
      fc.constantFrom('~', 'null', 'Null', 'NULL', 'true', 'True', 'FALSE', 'tRue', '0o17', '0o8', '0x1F', '0xg', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '1e3', '1.5E-2', '.5', '5.', '-0', '+12', '0012', '1_000', '1.10', '2026-01-05', '3-5d', 'v1.2'),
      fc.string({ maxLength: 8, unit: fc.constantFrom(...'0123456789.-+eExXoO_abn~') }),
    );
    fc.assert(
      fc.property(scalar, (s) => {
        let expected: unknown;
        try {
          expected = parse(`k: ${s}`)?.k;
        } catch {
          return; // not a plain scalar on its own
        }
        if (typeof expected === 'string' && expected !== s) return;
        expect(Object.is(resolvePlain(s), expected) || isDeepStrictEqual(resolvePlain(s), expected)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never accepts a damaged plan differently from the precise path (random line edits)', () => {
    const bases = samples.filter((s) => !s.name.startsWith('generated 1000')).map((s) => s.text);
    const fragments = ['  - ', '- ', '#', ' ', '\t', ':', ': ', '"', "'", '[', ']', '{', '}', ', ', '|', '>-', '&a ', '*a', '!x ', '? ', '---', '...', 'id: X', 'title:', 'status: done', '1.10', '~', '\n', '\r\n'];
    const edit = fc.record({
      base: fc.integer({ min: 0, max: bases.length - 1 }),
      ops: fc.array(
        fc.record({
          kind: fc.constantFrom('delete', 'duplicate', 'insert', 'indent', 'dedent'),
          line: fc.nat(),
          col: fc.nat(),
          frag: fc.constantFrom(...fragments),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(edit, ({ base, ops }) => {
        const lines = bases[base].split('\n');
        for (const op of ops) {
          const i = op.line % lines.length;
          if (op.kind === 'delete') lines.splice(i, 1);
          else if (op.kind === 'duplicate') lines.splice(i, 0, lines[i]);
          else if (op.kind === 'indent') lines[i] = ' ' + lines[i];
          else if (op.kind === 'dedent') lines[i] = lines[i].replace(/^ /, '');
          else {
            const c = op.col % (lines[i].length + 1);
            lines[i] = lines[i].slice(0, c) + op.frag + lines[i].slice(c);
          }
          if (!lines.length) lines.push('');
        }
        expect(agrees(lines.join('\n'))).toBeNull();
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
  });

  it('checks issues by hand exactly as zod does, or leaves them to zod', () => {
    const scalar = fc.oneof(
      fc.constantFrom('', 'A-1', '1.10', '2h', '3-5d', '5-3d', 'x', '2026-01-05', '2026-13-01', 'todo'),
      fc.constantFrom(0, -0, 1.5, 3, -2, Infinity, NaN, true, false, null),
    );
    const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('id', 'title', 'lag', 'done', 'date', 'hours', 'note', 'lead', 'since', 'x'), tie('v'), { maxKeys: 3 })),
    })).v;
    const fields = ['id', 'title', 'status', 'group', 'milestone', 'estimate', 'lane', 'priority', 'track', 'labels', 'sprint', 'depends_on', 'blocks', 'external', 'subtasks', 'deliverables', 'notes', 'link', 'started', 'done_on', 'log', 'toString', 'nope'];
    const issue = fc.record({ id: fc.oneof(fc.constantFrom('A', 'B-2', 7, ''), scalar), title: fc.oneof(fc.constant('T'), scalar) }).chain((base) =>
      fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 4 }).map((extra) => ({ ...base, ...extra })),
    );
    // Valid shapes too, so the agreeing branch is exercised, not only the refusals.
    const valid = fc.record(
      {
        id: fc.constantFrom('A', 'B-2', '1.10'),
        title: fc.constantFrom('T', ''),
        estimate: fc.constantFrom('2h', '3-5d', 3),
        depends_on: fc.array(fc.oneof(fc.constantFrom('A', 'B'), fc.record({ id: fc.constantFrom('A', 7), lag: fc.constantFrom('1d', '2') }, { requiredKeys: ['id'] })), { maxLength: 2 }),
        subtasks: fc.array(fc.oneof(fc.constant('s'), fc.record({ title: fc.constant('t'), done: fc.boolean() }, { requiredKeys: ['title'] })), { maxLength: 2 }),
        external: fc.array(fc.record({ title: fc.constant('e'), lead: fc.constantFrom('2-4w', 5), since: fc.constant('2026-01-05'), done: fc.boolean() }, { requiredKeys: ['title', 'lead'] }), { maxLength: 1 }),
        log: fc.array(fc.record({ date: fc.constant('2026-01-05'), hours: fc.constantFrom(0.5, 2, 0), note: fc.constant('n') }, { requiredKeys: ['date', 'hours'] }), { maxLength: 2 }),
        labels: fc.array(fc.constantFrom('a', 'b'), { maxLength: 2 }),
        started: fc.constantFrom('2026-01-05', '2026-1-5'),
      },
      { requiredKeys: ['id', 'title'] },
    );
    let agreed = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(issue, valid), { minLength: 1, maxLength: 3 }), (raws) => {
        const mine = fastIssues(raws);
        const theirs = raws.map((r) => Issue.safeParse(r));
        if (theirs.some((t) => !t.success)) {
          expect(mine).toBeUndefined();
          return;
        }
        if (mine === undefined) return; // deferring to zod is always allowed
        agreed++;
        // Same values, same key order (JSON text), fresh objects.
        expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs.map((t) => t.data)));
        expect(mine).toEqual(theirs.map((t) => t.data));
      }),
      { numRuns: 3000 },
    );
    expect(agreed).toBeGreaterThan(100);
  });
});
