// applyOps: each op edits the YAML at the leaf, in the file's own style, and nothing else.
import { describe, expect, it } from 'vitest';
import { applyOps, EditError, OpError, PlanTextError } from '../../../src/core/plan/ops.js';

const head = 'planboard: 1\ntitle: T\nlanes:\n  - id: ana\n  - id: bo\nissues:\n';
const plan = (issues: string) => head + issues;

describe('applyOps on block-style issues', () => {
  const text = plan(
    [
      '  - id: A # first',
      "    title: 'Alpha'",
      "    status: 'todo' # kept",
      '    lane: ana',
      '  # between',
      '  - id: B',
      '    title: Beta',
      '    status: done',
      '    done_on: 2026-01-02 # when',
      '    estimate: 2d',
      '',
    ].join('\n'),
  );
  it('tick keeps the quoting of status and adds done_on at the issue indent, after the keys the format puts before it', () => {
    expect(applyOps(text, [{ kind: 'tick', id: 'A', date: '2026-03-02' }])).toBe(
      text.replace("    status: 'todo' # kept\n    lane: ana\n", "    status: 'done' # kept\n    lane: ana\n    done_on: 2026-03-02\n"),
    );
  });
  it('untick removes exactly the done_on line, comment and all', () => {
    expect(applyOps(text, [{ kind: 'untick', id: 'B' }])).toBe(text.replace('    status: done\n    done_on: 2026-01-02 # when\n', '    status: todo\n'));
  });
  it('move-lane sets or adds the lane; null removes its line', () => {
    expect(applyOps(text, [{ kind: 'move-lane', id: 'A', lane: 'bo' }])).toBe(text.replace('lane: ana\n  #', 'lane: bo\n  #'));
    expect(applyOps(text, [{ kind: 'move-lane', id: 'B', lane: 'bo' }])).toBe(text.replace('    estimate: 2d\n', '    estimate: 2d\n    lane: bo\n'));
    expect(applyOps(text, [{ kind: 'move-lane', id: 'A', lane: null }])).toBe(text.replace('    lane: ana\n', ''));
  });
  it('log-time creates log: with one flow entry, then appends in the same style', () => {
    const once = applyOps(text, [{ kind: 'log-time', id: 'B', entry: { date: '2026-03-02', hours: 2, note: 'pair: review' } }]);
    const entry1 = '      - { date: 2026-03-02, hours: 2, note: "pair: review" }\n';
    expect(once).toBe(text.replace('# when\n', '# when\n    log:\n' + entry1));
    const twice = applyOps(once, [{ kind: 'log-time', id: 'B', entry: { date: '2026-03-03', hours: 0.5 } }]);
    expect(twice).toBe(once.replace(entry1, entry1 + '      - { date: 2026-03-03, hours: 0.5 }\n'));
  });
  it('log-time copies block-map entries when the log is written that way', () => {
    const t = plan('  - id: A\n    title: A\n    log:\n    - date: 2026-01-01\n      hours: 1\n');
    expect(applyOps(t, [{ kind: 'log-time', id: 'A', entry: { date: '2026-01-02', hours: 3 } }])).toBe(t + '    - date: 2026-01-02\n      hours: 3\n');
  });
  it('add-issue appends a block map after the last issue', () => {
    const out = applyOps(text, [{ kind: 'add-issue', issue: { id: 'C', title: 'Gamma: the third', lane: 'bo', labels: ['x', 'y'] } }]);
    expect(out).toBe(text + '  - id: C\n    title: "Gamma: the third"\n    lane: bo\n    labels: [x, y]\n');
  });
  it('remove-issue removes the item lines and leaves the comment before the next one', () => {
    expect(applyOps(text, [{ kind: 'remove-issue', id: 'A' }])).toBe(head + text.slice(text.indexOf('  # between')));
  });
  it('set-subtask writes a plain subtask as { title, done }', () => {
    const t = plan('  - id: A\n    title: A\n    subtasks:\n      - write it # first\n      - title: test it\n');
    const out = applyOps(t, [
      { kind: 'set-subtask', id: 'A', index: 0, done: true },
      { kind: 'set-subtask', id: 'A', index: 1, done: true },
    ]);
    expect(out).toBe(t.replace('- write it #', '- { title: write it, done: true } #').replace('- title: test it\n', '- title: test it\n        done: true\n'));
  });
  it('set-field on a block scalar keeps it a block scalar', () => {
    const t = plan('  - id: A\n    title: A\n    notes: |\n      old\n      text\n    lane: ana\n');
    expect(applyOps(t, [{ kind: 'set-field', id: 'A', field: 'notes', value: 'new\nlines\n' }])).toBe(t.replace('old\n      text', 'new\n      lines'));
  });
  it('quotes a value only when it must (a number-like or yes-like string stays a string)', () => {
    const t = plan('  - id: A\n    title: A\n');
    expect(applyOps(t, [{ kind: 'set-field', id: 'A', field: 'title', value: '1.10' }])).toBe(t.replace('title: A', 'title: "1.10"'));
    expect(applyOps(t, [{ kind: 'set-field', id: 'A', field: 'title', value: 'true' }])).toBe(t.replace('title: A', 'title: "true"'));
    expect(applyOps(t, [{ kind: 'set-field', id: 'A', field: 'title', value: 'plain words' }])).toBe(t.replace('title: A', 'title: plain words'));
  });
});

describe('applyOps on flow-style issues', () => {
  const text = plan('  - { id: A, title: Alpha, status: todo }\n  - {id: B, title: "B, b", status: done, done_on: 2026-01-02}\n');
  it('tick edits inside the braces', () => {
    expect(applyOps(text, [{ kind: 'tick', id: 'A', date: '2026-03-02' }])).toBe(text.replace('status: todo }', 'status: done, done_on: 2026-03-02 }'));
  });
  it('untick removes the done_on pair and its comma', () => {
    expect(applyOps(text, [{ kind: 'untick', id: 'B' }])).toBe(text.replace('status: done, done_on: 2026-01-02}', 'status: todo}'));
  });
  it('log-time writes a flow list inside a flow issue', () => {
    expect(applyOps(text, [{ kind: 'log-time', id: 'A', entry: { date: '2026-03-02', hours: 1 } }])).toBe(
      text.replace('status: todo }', 'status: todo, log: [{ date: 2026-03-02, hours: 1 }] }'),
    );
  });
  it('add-issue copies the flow style of the last issue', () => {
    expect(applyOps(text, [{ kind: 'add-issue', issue: { id: 'C', title: 'Gamma, too' } }])).toBe(text + '  - { id: C, title: "Gamma, too" }\n');
  });
});

describe('applyOps keeps the file’s conventions', () => {
  it('keeps CRLF line endings in inserted lines', () => {
    const t = plan('  - id: A\n    title: A\n').replace(/\n/g, '\r\n');
    expect(applyOps(t, [{ kind: 'tick', id: 'A', date: '2026-03-02' }])).toBe(t + '    status: done\r\n    done_on: 2026-03-02\r\n    reopen_status: backlog\r\n');
  });
  it('keeps a missing final newline missing', () => {
    const t = plan('  - id: A\n    title: A');
    expect(applyOps(t, [{ kind: 'tick', id: 'A', date: '2026-03-02' }])).toBe(t + '\n    status: done\n    done_on: 2026-03-02\n    reopen_status: backlog');
    const done = t + '\n    status: done\n    done_on: 2026-03-02';
    expect(applyOps(done, [{ kind: 'untick', id: 'A' }])).toBe(t + '\n    status: todo');
    expect(applyOps(done + '\n    reopen_status: review', [{ kind: 'untick', id: 'A' }])).toBe(t + '\n    status: review');
  });
  it('adds issues: when the plan has none', () => {
    const t = 'planboard: 1\ntitle: T # no issues yet\n';
    expect(applyOps(t, [{ kind: 'add-issue', issue: { id: 'A', title: 'First' } }])).toBe(t + 'issues:\n  - id: A\n    title: First\n');
  });
});

describe('applyOps refuses instead of damaging', () => {
  const text = plan('  - id: A\n    title: A\n  - id: B\n    title: B\n');
  it('throws OpError for an unknown id, lane or status', () => {
    expect(() => applyOps(text, [{ kind: 'tick', id: 'Z', date: '2026-03-02' }])).toThrow(OpError);
    expect(() => applyOps(text, [{ kind: 'move-lane', id: 'A', lane: 'zed' }])).toThrow(/unknown lane "zed"/);
    expect(() => applyOps(text, [{ kind: 'set-status', id: 'A', status: 'wip', date: '2026-03-02' }])).toThrow(/unknown status "wip"/);
  });
  it('throws OpError when the result would not validate (a dependency on a missing issue)', () => {
    expect(() => applyOps(text, [{ kind: 'set-field', id: 'A', field: 'depends_on', value: ['Q'] }])).toThrow(/would not load:\nplan:\d+:\d+: unknown dependency "Q"/);
  });
  it('throws PlanTextError naming line and column when the text does not load', () => {
    expect(() => applyOps('planboard: 1\ntitle: [unclosed\n', [], { file: 'p.yaml' })).toThrow(PlanTextError);
    expect(() => applyOps('planboard: 1\ntitle: [unclosed\n', [], { file: 'p.yaml' })).toThrow(/^p\.yaml:\d+:\d+: /);
  });
  it('throws EditError when editing an anchored value would change its aliases too', () => {
    const t = plan('  - id: A\n    title: A\n    status: &s todo\n  - id: B\n    title: B\n    status: *s\n');
    expect(() => applyOps(t, [{ kind: 'tick', id: 'A', date: '2026-03-02' }])).toThrow(EditError);
    // Editing the alias side is fine: the alias is replaced by a value of its own.
    expect(applyOps(t, [{ kind: 'tick', id: 'B', date: '2026-03-02' }])).toBe(t.replace('status: *s\n', 'status: done\n    done_on: 2026-03-02\n'));
  });
});

describe('applyOps with an already loaded plan', () => {
  it('gives the same text as loading it afresh, and ignores a loaded plan of other text', async () => {
    const { loadPlanText } = await import('../../../src/core/plan/load.js');
    const text = plan('  - id: A\n    title: A\n');
    const other = plan('  - id: B\n    title: B\n');
    const loaded = loadPlanText(text, 'p');
    const loadedOther = loadPlanText(other, 'p');
    if (!loaded.ok || !loadedOther.ok) throw new Error('fixture does not load');
    const ops = [{ kind: 'tick', id: 'A', date: '2026-03-02' }] as const;
    expect(applyOps(text, [...ops], { loaded: loaded.plan })).toBe(applyOps(text, [...ops]));
    expect(applyOps(text, [...ops], { loaded: loadedOther.plan })).toBe(applyOps(text, [...ops]));
  });
});
