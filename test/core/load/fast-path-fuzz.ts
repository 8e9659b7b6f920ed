// What the differential tests of the fast read share (fast-path.test.ts, fast-path.slow.test.ts):
// the texts they start from, the edits they make, and the one question they ask of every text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { fastConvert } from '../../../src/core/plan/fast-convert.js';
import { convertDocument } from '../../../src/core/plan/load-convert.js';
import { loadPlanTextFast, loadPlanTextPrecise, PARSE_OPTIONS, type LoadResult } from '../../../src/core/plan/load.js';
import { generatePlan } from '../../../bench/lib/gen-plan.mjs';

export const root = join(import.meta.dirname, '..', '..', '..');

export interface Sample {
  name: string;
  text: string;
}

export const filesIn = (dir: string): Sample[] =>
  readdirSync(join(root, dir))
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((n) => ({ name: `${dir}/${n}`, text: readFileSync(join(root, dir, n), 'utf8') }));

/** Every bundled plan and fixture, as they are today, and generated plans. */
export const samples = (): Sample[] => [
  ...filesIn('plans'),
  ...filesIn('test/fixtures/valid'),
  ...filesIn('test/fixtures/roundtrip'),
  ...filesIn('test/fixtures/bad'),
  { name: 'generated 100', text: generatePlan({ issues: 100, seed: 3 }) },
  { name: 'generated 1000', text: generatePlan({ issues: 1000, seed: 1 }) },
];

/** What a result says, without the lazily built Document. */
export const view = (r: LoadResult) => (r.ok ? { ok: true, data: r.plan.data, model: r.plan.model, warnings: r.warnings } : r);

/** The fast read either steps aside (null) or agrees exactly with the precise one; else what differs. */
export function agrees(text: string): string | null {
  const fast = loadPlanTextFast(text, 'p.yaml');
  if (fast === undefined) return null;
  const precise = loadPlanTextPrecise(text, 'p.yaml');
  if (!precise.ok) return `fast accepted what the precise read refuses: ${precise.problems[0]?.message}`;
  return isDeepStrictEqual(view(fast), view(precise)) ? null : 'fast and precise reads differ';
}

/**
 * The same question one level down, for any YAML rather than plans: fastConvert either steps aside
 * or yields exactly the data the precise parse converts to (and that parse has no error or warning).
 */
export function convertAgrees(text: string): string | null {
  const fast = fastConvert(text);
  if (fast === undefined) return null;
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length) return `fast read what yaml refuses: ${doc.errors[0].message.split('\n')[0]}`;
  if (doc.warnings.length) return `fast read what yaml warns about: ${doc.warnings[0].message.split('\n')[0]}`;
  let precise: unknown;
  try {
    precise = convertDocument(doc).value;
  } catch (e) {
    return `fast read what the precise conversion refuses: ${String(e)}`;
  }
  return isDeepStrictEqual(fast, precise) ? null : 'fast and precise data differ';
}

// The random line edits. A seed and path replay the same input only while the bases, their
// order, their text and this generator stay as they are, so the bases are pinned by name: new
// fixtures join the long fuzz (fast-path.slow.test.ts), which reads the folders afresh.
const PINNED_BASES = [
  ...['k3s-mono-pgsql', 'koprogo-roadmap', 'platform-delivery', 'stoa-2026-v2', 'stoa-2026-v4'].map((n) => `plans/${n}.yaml`),
  ...['full', 'minimal'].map((n) => `test/fixtures/valid/${n}.yaml`),
  ...['anchors', 'bom', 'comments', 'crlf', 'flow', 'no-final-newline', 'scalars', 'unindented-seq'].map((n) => `test/fixtures/roundtrip/${n}.yaml`),
  ...['bad-date', 'bad-estimate', 'bad-hours', 'billion-laughs', 'comments-only', 'cycle', 'duplicate-id', 'duplicate-key', 'empty', 'impossible-date', 'not-a-mapping', 'range-min-max', 'syntax', 'two-documents', 'unknown-alias', 'unknown-dependency', 'unknown-key', 'unknown-lane', 'unknown-milestone', 'unknown-status', 'whitespace'].map((n) => `test/fixtures/bad/${n}.yaml`),
];

export const pinnedBases = (): string[] => [...PINNED_BASES.map((p) => readFileSync(join(root, p), 'utf8')), generatePlan({ issues: 100, seed: 3 })];

const FRAGMENTS = ['  - ', '- ', '#', ' ', '\t', ':', ': ', '"', "'", '[', ']', '{', '}', ', ', '|', '>-', '&a ', '*a', '!x ', '? ', '---', '...', 'id: X', 'title:', 'status: done', '1.10', '~', '\n', '\r\n'];

export interface LineEdit {
  base: number;
  ops: { kind: 'delete' | 'duplicate' | 'insert' | 'indent' | 'dedent'; line: number; col: number; frag: string }[];
}

/** Up to three line edits (delete, duplicate, insert a fragment, indent, dedent) of one base. */
export const lineEdits = (count: number): fc.Arbitrary<LineEdit> =>
  fc.record({
    base: fc.integer({ min: 0, max: count - 1 }),
    ops: fc.array(
      fc.record({
        kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'insert' as const, 'indent' as const, 'dedent' as const),
        line: fc.nat(),
        col: fc.nat(),
        frag: fc.constantFrom(...FRAGMENTS),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  });

export function applyLineEdits(text: string, ops: LineEdit['ops']): string {
  const lines = text.split('\n');
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
  return lines.join('\n');
}

/** Whitespace and indicators spliced in at random characters (not lines) of a base. */
export const charEdits = (count: number) =>
  fc.record({
    base: fc.integer({ min: 0, max: count - 1 }),
    ops: fc.array(
      fc.record({ at: fc.nat(), del: fc.nat({ max: 2 }), frag: fc.constantFrom('\t', ' ', '  ', '\n', '\n ', '\n\t', ' #c', '|', '|2', '>-', '- ', ': ', '"', "'", '\\', '%', '@', '---', '...', ']', '}') }),
      { minLength: 1, maxLength: 3 },
    ),
  });

export function applyCharEdits(text: string, ops: { at: number; del: number; frag: string }[]): string {
  let t = text;
  for (const op of ops) {
    const at = op.at % (t.length + 1);
    t = t.slice(0, at) + op.frag + t.slice(at + op.del);
  }
  return t;
}

const TOKENS = ['a', 'b', 'a b', 'k:', 'k: ', 'j: ', '- ', '-', ' ', '  ', '\t', ' #c', '#', '"x', '"', "'", "'y'", '[', ']', '{', '}', ', ', '|', '>', '|-', '>+', '|2', '? ', '1', '~', '\\', '\\t', 'é', '\u00a0', '...', '---', '%', '@', '`', '!', '&a ', '*a'];

/** Small YAML documents under a root key, built line by line from indentation and tokens. */
export const yamlSoup = fc
  .tuple(
    fc.constantFrom('r:\n', 'issues:\n  - id: A\n', '', '- '),
    fc.array(
      fc.tuple(fc.constantFrom('', '', ' ', '  ', '   ', '    ', '      '), fc.constantFrom('', '', 'k: ', 'a: ', '- ', '- k: ', '- - ', '? ', ': ', 'k:'), fc.array(fc.constantFrom(...TOKENS), { maxLength: 4 })),
      { minLength: 1, maxLength: 7 },
    ),
    fc.boolean(),
  )
  .map(([head, lines, nl]) => head + lines.map(([i, l, t]) => i + l + t.join('')).join('\n') + (nl ? '\n' : ''));

/** Block scalars (every header, blank and short lines at every depth) in the contexts a plan has. */
export const blockScalarDoc = fc
  .tuple(
    fc.tuple(fc.constantFrom('|', '>'), fc.constantFrom('', '-', '+', '2', '1-', '+3'), fc.constantFrom('', ' #c', '\t#c', ' ', '\t')).map((h) => h.join('')),
    fc.array(fc.tuple(fc.constantFrom('', ' ', '  ', '   ', '    ', '      ', '\t', '  \t'), fc.array(fc.constantFrom(' ', 'a', 'b', '#', ':', '- ', '\t'), { maxLength: 5 })), { maxLength: 5 }),
    fc.constantFrom(
      (h: string, body: string) => `k: ${h}\n${body}\nz: 1\n`,
      (h: string, body: string) => `m:\n  k: ${h}\n${body}\n  z: 1\n`,
      (h: string, body: string) => `s:\n  - ${h}\n${body}\n  - 1\n`,
      (h: string, body: string) => `s:\n- ${h}\n${body}\n- 1\n`,
      (h: string, body: string) => `s:\n  - k: ${h}\n${body}\n    z: 1\n`,
    ),
  )
  .map(([h, lines, wrap]) => wrap(h, lines.map(([i, t]) => i + t.join('')).join('\n')));
