// The merge by meaning, in process (no git): what the driver builds on. The real-git cases are in
// merge-git.slow.test.ts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadPlanText } from '../../src/core/plan/load.js';
import { mergePlanTexts, withConflictRecord } from '../../src/core/persist/merge.js';
import { resolveDiff3 } from '../../src/core/persist/merge-lines.js';
import { PLAN } from './fixture.js';

const data = (text: string) => {
  const r = loadPlanText(text, 'plan');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.plan.data;
};
const merged = (ours: string, theirs: string, base = PLAN) => {
  const r = mergePlanTexts(base, ours, theirs, 'plan');
  if (!r.ok) throw new Error(`${r.side}: ${JSON.stringify(r.problems)}`);
  return r;
};

describe('mergePlanTexts', () => {
  it('a lane added and used on their side merges as data (no internal error), their comment kept', () => {
    const theirs = PLAN.replace('  - id: cy\n', '  - id: cy\n  - id: dee   # new\n').replace('    title: Fourth\n', '    title: Fourth\n    lane: dee\n');
    const ours = PLAN.replace('    title: First\n    status: todo', '    title: First\n    status: review');
    const r = merged(ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.problems).toEqual([]);
    const d = data(r.text);
    expect(d.lanes!.map((l) => l.id)).toEqual(['ana', 'bo', 'cy', 'dee']);
    expect(d.issues!.find((i) => i.id === 'S-4')?.lane).toBe('dee');
    expect(d.issues!.find((i) => i.id === 'S-1')?.status).toBe('review');
    expect(r.text).toContain('  - id: dee   # new\n');
  });

  it('the record goes before a `...` end marker, in CRLF for a CRLF file', () => {
    const text = 'planboard: 1\r\ntitle: x\r\n...\r\n# after\r\n';
    const out = withConflictRecord(text, [{ section: 'issues', id: 'S-1', field: 'lane', ours: 'a', theirs: 'b' }]);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(out.indexOf('conflicts:')).toBeLessThan(out.indexOf('...'));
    expect(out.endsWith('...\r\n# after\r\n')).toBe(true);
  });

  it('a whole-issue conflict shows both versions (null for the deleted one)', () => {
    const ours = PLAN.replace('  - id: S-2\n    title: Second   # keep me\n    status: todo\n    lane: bo\n', '');
    const theirs = PLAN.replace('    title: Second   # keep me', '    title: Second, edited');
    const r = merged(ours, theirs);
    expect(r.conflicts).toEqual([
      { section: 'issues', id: 'S-2', field: '(issue)', ours: null, theirs: { id: 'S-2', title: 'Second, edited', status: 'todo', lane: 'bo' } },
    ]);
  });

  // Random field edits on both sides: whatever they are, the merge returns a text, every change
  // made on one side only is in it, and a field changed two ways is a recorded conflict.
  it('property: one-sided changes always land; two-way changes are always recorded', () => {
    const ids = ['S-1', 'S-2', 'S-3', 'S-4', 'S-5'];
    const edit = fc.record({
      id: fc.constantFrom(...ids),
      field: fc.constantFrom('status', 'lane', 'title'),
      value: fc.constantFrom('todo', 'review', 'done', 'ana', 'bo', 'cy', 'new-lane', 'Renamed'),
    });
    const apply = (edits: { id: string; field: string; value: string }[], laneName: string) => {
      const d = structuredClone(data(PLAN));
      const out: Record<string, string> = {};
      for (const e of edits) {
        const i = d.issues!.find((x) => x.id === e.id)!;
        const value =
          e.field === 'status' ? (['todo', 'review', 'in-progress'].includes(e.value) ? e.value : 'review')
          : e.field === 'lane' ? (e.value === 'new-lane' ? laneName : ['ana', 'bo', 'cy'].includes(e.value) ? e.value : 'bo')
          : `${e.value} ${laneName}`;
        (i as Record<string, unknown>)[e.field] = value;
        const was = (data(PLAN).issues!.find((x) => x.id === e.id) as Record<string, unknown>)[e.field];
        if (value !== was) out[`${e.id}.${e.field}`] = value;
        else delete out[`${e.id}.${e.field}`];
      }
      if (Object.values(out).includes(laneName)) d.lanes!.push({ id: laneName });
      return { d, out };
    };
    // Each side rewrites only the fields it touched, through the same text the user would write.
    const textOf = (d: ReturnType<typeof data>, laneName: string) => {
      let t = PLAN;
      if (d.lanes!.some((l) => l.id === laneName)) t = t.replace('  - id: cy\n', `  - id: cy\n  - id: ${laneName}\n`);
      const parts = t.split('  - id: S-');
      return [parts[0], ...d.issues!.map((i) => {
        const keep = parts.find((p) => p.startsWith(`${i.id.slice(2)}\n`))!;
        let item = `  - id: S-${keep}`;
        for (const f of ['status', 'lane', 'title'] as const) {
          const v = (i as Record<string, unknown>)[f];
          if (v === undefined) continue;
          const re = new RegExp(`(\\n    ${f}: )[^\\n#]*?((?:   #[^\\n]*)?\\n)`);
          item = re.test(item) ? item.replace(re, `$1${v}$2`) : item.replace(/\n$/, `\n    ${f}: ${v}\n`);
        }
        return item;
      })].join('');
    };
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 4 }), fc.array(edit, { maxLength: 4 }), (a, b) => {
        const mine = apply(a, 'eve');
        const their = apply(b, 'dee');
        const r = merged(textOf(mine.d, 'eve'), textOf(their.d, 'dee'));
        const body = r.conflicts.length ? r.text.slice(0, r.text.indexOf('# planboard merge')) : r.text;
        const d = data(body);
        const at = (key: string) => {
          const [id, f] = [key.slice(0, key.lastIndexOf('.')), key.slice(key.lastIndexOf('.') + 1)];
          return (d.issues!.find((i) => i.id === id) as Record<string, unknown>)[f];
        };
        const recorded = new Set(r.conflicts.map((c) => `${c.id}.${c.field}`));
        for (const [key, v] of Object.entries(their.out)) {
          if (key in mine.out && mine.out[key] !== v) expect(recorded.has(key), key).toBe(true);
          else expect(at(key), key).toBe(v);
        }
        for (const [key, v] of Object.entries(mine.out)) expect(at(key), key).toBe(v);
      }),
      { numRuns: 30 },
    );
  });
});

describe('mergePlanTexts on CRLF files', () => {
  it('every line it writes, edited or inserted, is CRLF', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const theirs = PLAN.replace('    title: Fourth\n    status: todo\n', '    title: Fourth\n    status: todo\n    lane: bo\n    log:\n      - { date: 2026-03-02, hours: 1 }\n').replace('  - id: cy\n', '  - id: cy\n  - id: dee\n');
    const ours = PLAN.replace('    title: First\n    status: todo', '    title: First\n    status: review').replace('  - id: cy\n', '  - id: cy\n  - id: eve\n');
    const r = mergePlanTexts(crlf(PLAN), crlf(ours), crlf(theirs), 'plan'); // no line merge: edits on OURS alone
    if (!r.ok) throw new Error('not ok');
    expect(r.text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const d = data(r.text);
    expect(d.lanes!.map((l) => l.id)).toEqual(['ana', 'bo', 'cy', 'eve', 'dee']);
    expect(d.issues!.find((i) => i.id === 'S-4')).toMatchObject({ lane: 'bo', log: [{ date: '2026-03-02', hours: 1 }] });
  });
});

describe("resolveDiff3: git's conflicting hunks, line by line", () => {
  it('takes each line from the side that changed it; a line changed two ways, or a hunk of another length, keeps ours', () => {
    const hunk = (o: string, b: string, t: string) => `<<<<<<< ours\n${o}||||||| base\n${b}=======\n${t}>>>>>>> theirs\n`;
    expect(resolveDiff3('a\n' + hunk('x # c\ny: 2\n', 'x # c\ny: 1\n', 'x # d\ny: 1\n') + 'z\n')).toBe('a\nx # d\ny: 2\nz\n');
    expect(resolveDiff3(hunk('y: 2\n', 'y: 1\n', 'y: 3\n'))).toBe('y: 2\n');
    expect(resolveDiff3(hunk('y: 2  # a\n', 'y: 1  # a\n', 'y: 1   # b\n'))).toBe('y: 2   # b\n'); // value here, comment there
    expect(resolveDiff3(hunk('y: "#x"  # a\r\n', 'y: "#x"  # b\r\n', 'y: "#z"  # b\r\n'))).toBe('y: "#z"  # a\r\n');
    expect(resolveDiff3(hunk('y: 2\nw: 1\n', 'y: 1\n', 'y: 3\n'))).toBe('y: 2\nw: 1\n');
    expect(resolveDiff3('<<<<<<< ours\r\na\r\nk\r\n||||||| base\r\nb\r\nk\r\n=======\r\nb\r\nl\r\n>>>>>>> theirs\r\n')).toBe('a\r\nl\r\n');
  });
});
