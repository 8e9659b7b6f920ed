// loadPlanText: ids as written, aliases, positions, and messages for schema mistakes.
import { describe, expect, it } from 'vitest';
import { formatProblem, loadPlanText, type LoadResult } from '../../../src/core/plan/load.js';

const HEAD = 'planboard: 1\ntitle: T\n';
const ok = (text: string) => {
  const r = loadPlanText(text, 'p.yaml');
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r;
};
const bad = (text: string) => {
  const r: LoadResult = loadPlanText(text, 'p.yaml');
  if (r.ok) throw new Error('expected problems');
  return r.problems.map((p) => `${p.line}:${p.col}: ${p.message}`);
};

describe('ids keep the text the user wrote', () => {
  it('reads numeric ids and references as written: 1.10 stays "1.10", 01 stays "01"', () => {
    const r = ok(
      HEAD +
        'version: 1.10\nlanes: [{id: 7}]\nmilestones: [{id: 2026.1, requires: [1.10]}]\ngroups: [{id: 3.0, epic: 01}]\n' +
        'issues:\n  - {id: 1.10, title: a, lane: 7, group: 3.0, milestone: 2026.1}\n  - {id: 01, title: b, depends_on: [1.10, {id: 1.10, lag: 1}], blocks: [2.20]}\n' +
        '  - {id: 2.20, title: c}\ncalendar: {critical_path: [1.10, 2.20]}\nrisks: [{title: r, issues: [2.20]}]\n' +
        'scenarios: [{id: 2, assign: {7: [2.20, 1.10]}}]\n',
    );
    const d = r.plan.data;
    expect(d.version).toBe('1.10');
    expect(d.issues!.map((i) => i.id)).toEqual(['1.10', '01', '2.20']);
    expect(d.issues![0]).toMatchObject({ lane: '7', group: '3.0', milestone: '2026.1' });
    expect(d.issues![1].depends_on).toEqual(['1.10', { id: '1.10', lag: '1' }]);
    expect(d.issues![1].blocks).toEqual(['2.20']);
    expect(d.milestones![0]).toMatchObject({ id: '2026.1', requires: ['1.10'] });
    expect(d.groups![0]).toMatchObject({ id: '3.0', epic: '01' });
    expect(d.calendar!.critical_path).toEqual(['1.10', '2.20']);
    expect(d.risks![0].issues).toEqual(['2.20']);
    expect(d.scenarios![0]).toMatchObject({ id: '2', assign: { '7': ['2.20', '1.10'] } });
    expect(r.plan.model.byId.get('2.20')!.deps.map((x) => x.id)).toEqual(['01']);
  });

  it('accepts ids starting with # when quoted, and says to quote them when not', () => {
    expect(ok(HEAD + 'issues:\n  - id: "#44"\n    title: a\n').plan.data.issues![0].id).toBe('#44');
    // Unquoted, `#44` is a comment: the id is empty.
    expect(bad(HEAD + 'issues:\n  - id: #44\n    title: a\n')).toEqual(['4:5: "id" has no value: expected text or a number']);
  });

  it('reads a number where text is expected only in id-like fields, and says how to quote elsewhere', () => {
    expect(bad(HEAD + 'issues:\n  - {id: A, title: 2026, track: 1.10}\n')).toEqual([
      '4:20: expected text, got 2026 (quote it: "2026")',
      '4:33: expected text, got 1.1 (quote it: "1.10")',
    ]);
  });
});

describe('aliases', () => {
  it('allows ordinary anchors and aliases', () => {
    const r = ok(HEAD + 'issues:\n  - {id: A, title: t, labels: &ls [x, y]}\n  - {id: B, title: u, labels: *ls}\n');
    expect(r.plan.data.issues![1].labels).toEqual(['x', 'y']);
  });

  it('refuses a billion-laughs document at once, pointing at the alias that crosses the limit', () => {
    const lines = [HEAD.trim(), 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 12; i++) {
      const [me, prev] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      lines.push(`${me}: &${me} [${Array(10).fill('*' + prev).join(', ')}]`);
    }
    // 10^12 values if expanded: the answer must come from measuring, not expanding.
    expect(bad(lines.join('\n'))).toEqual(['7:36: aliases expand to more than 100000 values: refusing a possible alias bomb ("billion laughs")']);
  });

  it('reports problems inside an aliased node at the anchored text', () => {
    expect(bad(HEAD + 'lanes:\n  - &x {id: a, capcity: 1}\n  - *x\n')).toEqual([
      '4:16: unknown key "capcity" (did you mean "capacity"?)',
      '4:16: unknown key "capcity" (did you mean "capacity"?)',
    ]);
  });
});

describe('schema problems name the place and what was expected', () => {
  it('hints at the closest key for a misspelt top-level key', () => {
    expect(bad(HEAD + 'isues: []\n')).toEqual(['3:1: unknown key "isues" (did you mean "issues"?)']);
  });

  it('gives no hint when nothing is close', () => {
    expect(bad(HEAD + 'zzzzzz: 1\n')).toEqual(['3:1: unknown key "zzzzzz"']);
  });

  it('names a missing required key at the mapping that lacks it', () => {
    expect(bad(HEAD + 'issues:\n  - id: A\n')).toEqual(['4:5: missing required key "title"']);
    expect(bad('title: T\n')).toEqual(['1:1: missing required key "planboard"']);
  });

  it('rejects a wrong format version', () => {
    expect(bad('planboard: 2\ntitle: T\n')).toEqual(['1:12: expected 1, got 2']);
  });

  it('suggests the closest allowed value for an enum', () => {
    expect(bad(HEAD + 'workdays: [mon, tues]\n')).toEqual(['3:17: expected one of mon, tue, wed, thu, fri, sat, sun, got "tues" (did you mean "tue"?)']);
  });

  it('refuses time entries with zero or negative hours', () => {
    expect(bad(HEAD + 'issues:\n  - id: A\n    title: a\n    log: [{date: 2026-01-05, hours: 0}, {date: 2026-01-06, hours: -2}]\n')).toEqual([
      '6:37: "hours" must be more than 0, got 0',
      '6:67: "hours" must be more than 0, got -2',
    ]);
  });

  it('refuses a bad capacity and a bad dependency lag', () => {
    expect(bad(HEAD + 'lanes: [{id: a, capacity: lots}]\nissues: [{id: A, title: a}, {id: B, title: b, depends_on: [{id: A, lag: soon}]}]\n')).toEqual([
      '3:27: bad capacity "lots": expected a capacity such as 8h/w or 6h/d',
      '4:73: bad lag "soon": expected a duration such as 2h, 1.5d, 1w or 3-5d',
    ]);
  });

  it('keeps a key called __proto__ a key (and refuses it as unknown)', () => {
    expect(bad(HEAD + '__proto__: {polluted: true}\n')).toEqual(['3:1: unknown key "__proto__"']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses nesting far deeper than any plan', () => {
    const deep = HEAD + 'notes: ' + '['.repeat(100) + ']'.repeat(100) + '\n';
    expect(bad(deep)).toEqual(['3:72: nested deeper than 64 levels: this is not a plan']);
  });

  it('refuses nesting deep enough to exhaust the YAML parser, without throwing', () => {
    const problems = bad(HEAD + 'notes: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^3:\d+: nested too deeply to read: this is not a plan$/);
  });

  it('keeps a cascade of YAML syntax errors short', () => {
    const text = HEAD + 'issues:\n' + Array.from({ length: 100 }, (_, i) => `  - id: A${i}\n    title: [x${i}\n`).join('');
    const problems = bad(text);
    expect(problems.length).toBe(21);
    expect(problems[20]).toMatch(/^\d+:\d+: and \d+ more YAML syntax errors$/);
  });

  it('counts lines and columns the same with CRLF line endings', () => {
    expect(bad('planboard: 1\r\ntitle: T\r\nissues:\r\n  - id: A\r\n    title: a\r\n    estimat: 2d\r\n')).toEqual([
      '6:5: unknown key "estimat" (did you mean "estimate"?)',
    ]);
  });
});

describe('warnings do not stop a plan from loading', () => {
  it('warns about a priority the plan does not list and a done date before the start', () => {
    const r = ok(HEAD + 'issues:\n  - {id: A, title: a, priority: P0, status: done, started: 2026-03-05, done_on: 2026-03-01}\n');
    expect(r.warnings.map(formatProblem)).toEqual([
      'p.yaml:4:33: priority "P0" is not one of the plan\'s priorities (critical, high, medium, low)',
      'p.yaml:4:81: done_on 2026-03-01 is before started 2026-03-05',
    ]);
  });
});
