// The merge driver (`planboard merge`, the real command, with the real `git merge-file`) under
// random edits on both sides: field values, comments, lanes and issues added, issues deleted.
// Whatever the two sides did, the driver leaves a result: a plan once the record is removed,
// every change made on one side only, every field changed two ways in the record, and no comment
// written on either side missing without being recorded.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lexer } from 'yaml';
import { run } from '../../src/cli/merge.js';
import { loadPlanText } from '../../src/core/plan/load.js';
import { PLAN } from './fixture.js';

if (spawnSync('git', ['--version']).status !== 0) throw new Error('these tests need git on the PATH');

type Edit =
  | { kind: 'field'; id: string; field: 'status' | 'lane' | 'title'; value: string }
  | { kind: 'comment'; which: number }
  | { kind: 'add-lane'; assign?: string }
  | { kind: 'add-issue' }
  | { kind: 'delete'; id: string };

const IDS = ['S-1', 'S-2', 'S-3', 'S-4', 'S-5'];
const COMMENTS = ['# Ana, mornings', '# keep me', '# Team plan — comments and layout must survive every save.'];
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('field' as const),
    id: fc.constantFrom(...IDS),
    field: fc.constantFrom('status' as const, 'lane' as const, 'title' as const),
    value: fc.constantFrom('a', 'b'),
  }),
  fc.record({ kind: fc.constant('comment' as const), which: fc.nat(COMMENTS.length - 1) }),
  fc.record({ kind: fc.constant('add-lane' as const), assign: fc.option(fc.constantFrom(...IDS), { nil: undefined }) }),
  fc.record({ kind: fc.constant('add-issue' as const) }),
  fc.record({ kind: fc.constant('delete' as const), id: fc.constantFrom('S-4', 'S-5') }),
);

/** One side's text: its edits made the way a person would make them in an editor. */
function sideText(edits: Edit[], side: 'o' | 't'): string {
  let t = PLAN;
  const item = (id: string) => {
    const start = t.indexOf(`  - id: ${id}\n`);
    if (start < 0) return undefined;
    const next = t.indexOf('\n  - id: ', start + 1);
    return [start, next < 0 ? t.length : next + 1] as const;
  };
  for (const e of edits) {
    if (e.kind === 'field') {
      const at = item(e.id);
      if (!at) continue;
      const body = t.slice(...at);
      const value = e.field === 'status' ? (e.value === 'a' ? 'review' : 'done') : e.field === 'lane' ? (e.value === 'a' ? 'bo' : 'cy') : `Title ${side}${e.value}`;
      const re = new RegExp(`(\\n    ${e.field}: )[^\\n#]*?((?:   #[^\\n]*)?\\n)`);
      const next = re.test(body) ? body.replace(re, `$1${value}$2`) : body.replace(/\n$/, `\n    ${e.field}: ${value}\n`);
      t = t.slice(0, at[0]) + next + t.slice(at[1]);
    } else if (e.kind === 'comment') t = t.replace(COMMENTS[e.which], `${COMMENTS[e.which]} (${side})`);
    else if (e.kind === 'add-lane') {
      const lane = `l-${side}`;
      if (t.includes(`  - id: ${lane}\n`) || t.includes(`  - id: ${lane}   #`)) continue;
      t = t.replace('\n\nissues:\n', `\n  - id: ${lane}   # lane of ${side}\n\nissues:\n`);
      const at = e.assign ? item(e.assign) : undefined;
      if (at) {
        const body = t.slice(...at);
        const next = /\n {4}lane: [^\n]*\n/.test(body) ? body.replace(/\n {4}lane: [^\n]*\n/, `\n    lane: ${lane}\n`) : body.replace(/\n$/, `\n    lane: ${lane}\n`);
        t = t.slice(0, at[0]) + next + t.slice(at[1]);
      }
    } else if (e.kind === 'add-issue') {
      if (!t.includes(`  - id: N-${side}\n`)) t += `  - id: N-${side}\n    title: New on ${side}   # added by ${side}\n`;
    } else {
      const at = item(e.id);
      if (at) t = t.slice(0, at[0]) + t.slice(at[1]);
    }
  }
  return t;
}

const comments = (text: string) => [...new Lexer().lex(text)].filter((tok) => tok.startsWith('#')).map((c) => c.trimEnd());
const plan = (text: string) => {
  const r = loadPlanText(text, 'plan');
  if (!r.ok) throw new Error(`does not load:\n${text}\n${JSON.stringify(r.problems)}`);
  return r.plan.data;
};

describe('planboard merge under random edits on both sides (real git merge-file)', () => {
  it('always leaves a result; one-sided changes land; two-way ones and lost comments are recorded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pb-merge-fuzz-'));
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(edit, { maxLength: 5 }), fc.array(edit, { maxLength: 5 }), async (oe, te) => {
          const [base, ours, theirs] = [PLAN, sideText(oe, 'o'), sideText(te, 't')];
          for (const [name, text] of [['base', base], ['ours', ours], ['theirs', theirs]]) writeFileSync(join(dir, name), text);
          let err = '';
          const code = await run(['base', 'ours', 'theirs', 'plan.yaml'], { out: () => {}, err: (t) => void (err += t + '\n'), cwd: dir, isTTY: false });
          expect([0, 1], err).toContain(code);
          const text = readFileSync(join(dir, 'ours'), 'utf8');
          const cut = text.indexOf('# planboard merge:');
          expect(cut >= 0, text).toBe(code === 1);
          const result = plan(cut >= 0 ? text.slice(0, cut) : text);
          const record = cut >= 0 ? text.slice(cut) : '';

          const [b, o, t, r] = [base, ours, theirs].map(plan).concat([result]).map((d) => new Map(d.issues!.map((i) => [i.id, i as Record<string, unknown>])));
          for (const [id, bi] of b) {
            const [oi, ti, ri] = [o.get(id), t.get(id), r.get(id)];
            if (!oi || !ti) continue; // deleted on a side: a whole-issue matter
            for (const f of ['status', 'lane', 'title']) {
              const [bv, ov, tv] = [bi[f], oi[f], ti[f]];
              if (ov === tv || tv === bv) expect(ri?.[f], `${id}.${f}`).toBe(ov);
              else if (ov === bv) expect(ri?.[f], `${id}.${f}`).toBe(tv);
              else expect(record, `${id}.${f} changed two ways`).toMatch(new RegExp(`- issue: ${id}\\n {4}field: ${f}\\n`));
            }
          }
          for (const id of ['N-o', 'N-t']) if ((id === 'N-o' ? o : t).has(id)) expect(r.has(id), id).toBe(true);
          const kept = new Set(comments(text));
          const baseComments = new Set(comments(base));
          for (const c of [...comments(ours), ...comments(theirs)])
            if (!baseComments.has(c)) expect(kept.has(c) || record.includes(JSON.stringify(c)), `comment ${c}`).toBe(true);
        }),
        { numRuns: Number(process.env.MERGE_FUZZ_RUNS ?? 40) },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
