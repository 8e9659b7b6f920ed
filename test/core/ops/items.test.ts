// Ops that place, move or remove whole issue items: the lines they touch are the item's own,
// and each has an inverse that gives back the same bytes.
import { describe, expect, it } from 'vitest';
import { applyOps, applyOpToData, EditError } from '../../../src/core/plan/ops.js';
import { itemSource } from '../../../src/core/ops/item-text.js';
import { inverseOp } from '../../../src/core/ops/index.js';
import type { Op } from '../../../src/core/plan/op-types.js';
import { load } from './edit-sequences.js';
import { plans } from '../edits/helpers.js';

const text = `planboard: 1
title: T
issues:
  # Phase one
  - id: A
    title: Alpha # first

  - id: B
    title: Beta
    notes: |+
      keeps its blank line

  # Phase two
  - id: C
    title: Gamma
    depends_on: [A]

  - id: D
    title: Delta
# end of issues
notes: done
`;

/** Applies `op` to `t`, then its inverse (computed from the text and data before it). */
function roundTrip(t: string, op: Op): { after: string; back: string } {
  const d = load(t, 'p');
  const inverse = inverseOp(op, { data: d, source: (id) => itemSource(t, d, id) });
  const after = applyOps(t, [op]);
  return { after, back: applyOps(after, inverse) };
}

describe('reorder-issue', () => {
  it('swaps the two items’ lines; comments and blank lines between items stay in place', () => {
    const { after, back } = roundTrip(text, { kind: 'reorder-issue', id: 'C', with: 'A' });
    expect(after).toBe(
      text
        .replace('  - id: A\n    title: Alpha # first\n', '@C@')
        .replace('  - id: C\n    title: Gamma\n    depends_on: [A]\n', '  - id: A\n    title: Alpha # first\n')
        .replace('@C@', '  - id: C\n    title: Gamma\n    depends_on: [A]\n'),
    );
    expect(back).toBe(text);
  });

  it('moves a block scalar with the blank lines it keeps', () => {
    const { after, back } = roundTrip(text, { kind: 'reorder-issue', id: 'B', with: 'D' });
    expect(load(after, 'p').issues!.map((i) => i.id)).toEqual(['A', 'D', 'C', 'B']);
    expect(load(after, 'p').issues![3].notes).toBe('keeps its blank line\n\n');
    expect(back).toBe(text);
  });
});

describe('remove-issue', () => {
  it('takes out the item’s lines and the blank line that only repeats the one above', () => {
    const { after, back } = roundTrip(text, { kind: 'remove-issue', id: 'D' });
    expect(after).toBe(text.replace('\n  - id: D\n    title: Delta\n', ''));
    expect(back).toBe(text);
  });

  it('keeps the comment lines after a removed item, and puts the item back above them', () => {
    const t = text.replace('depends_on: [A]', 'depends_on: [D]');
    const { after, back } = roundTrip(t, { kind: 'remove-issue', id: 'A' });
    expect(after).toBe(t.replace('  - id: A\n    title: Alpha # first\n', ''));
    expect(back).toBe(t);
  });

  it('is refused while the plan still names the issue', () => {
    expect(() => applyOpToData(load(text, 'p'), { kind: 'remove-issue', id: 'A' })).toThrow('cannot remove A: the plan still names it in C (depends_on)');
  });

  it('without the old text, its inverse puts the issue back in the same place, written in the file’s style', () => {
    const d = load(text, 'p');
    const inverse = inverseOp({ kind: 'remove-issue', id: 'D' }, { data: d });
    expect(inverse).toEqual([{ kind: 'add-issue', issue: { id: 'D', title: 'Delta' } }]);
    const b = inverseOp({ kind: 'remove-issue', id: 'B' }, { data: d });
    expect(b).toEqual([{ kind: 'add-issue', issue: d.issues![1], before: 'C' }]);
  });

  it('gives back every bundled plan byte for byte, for each issue nothing refers to', () => {
    let n = 0;
    for (const p of plans()) {
      const d = load(p.text, p.name);
      for (const issue of d.issues!.filter((_, i) => i % 5 === 0)) {
        const op: Op = { kind: 'remove-issue', id: issue.id };
        try {
          applyOpToData(d, op);
        } catch {
          continue; // still named elsewhere
        }
        expect(roundTrip(p.text, op).back, `${p.name} ${issue.id}`).toBe(p.text);
        n++;
      }
    }
    expect(n).toBeGreaterThan(30);
  });
});

describe('add-issue before another', () => {
  it('writes the new item above that issue, in the file’s style, with the same blank line between items', () => {
    const out = applyOps(text, [{ kind: 'add-issue', issue: { id: 'E', title: 'Epsilon: new', status: 'todo' }, before: 'D' }]);
    expect(out).toBe(text.replace('  - id: D\n', '  - id: E\n    title: "Epsilon: new"\n    status: todo\n\n  - id: D\n'));
    const { back } = roundTrip(text, { kind: 'add-issue', issue: { id: 'E', title: 'Epsilon' }, before: 'C' });
    expect(back).toBe(text);
  });

  it('goes above the comment that heads that issue: "# Phase two" stays with the phase it names', () => {
    const phases = 'planboard: 1\ntitle: T\nissues:\n  - id: A\n    title: Alpha\n\n  # Phase two\n  - id: C\n    title: Gamma\n';
    const out = applyOps(phases, [{ kind: 'add-issue', issue: { id: 'E', title: 'Epsilon' }, before: 'C' }]);
    expect(out).toBe(phases.replace('  # Phase two\n', '  - id: E\n    title: Epsilon\n\n  # Phase two\n'));
    // without blank lines between items, none is added
    const tight = phases.replace('\n\n', '\n');
    expect(applyOps(tight, [{ kind: 'add-issue', issue: { id: 'E', title: 'Epsilon' }, before: 'C' }])).toBe(tight.replace('  # Phase two\n', '  - id: E\n    title: Epsilon\n  # Phase two\n'));
  });

  it('is undone byte for byte there: the blank line it brought goes with it (found by the undo property on k3s)', () => {
    const phases = 'planboard: 1\ntitle: T\nissues:\n  - id: A\n    title: Alpha\n\n  # Phase two\n  - id: C\n    title: Gamma\n';
    for (const t of [phases, phases.replace('\n\n', '\n'), phases.replaceAll('\n', '\r\n')]) {
      expect(roundTrip(t, { kind: 'add-issue', issue: { id: 'E', title: 'Epsilon' }, before: 'C' }).back).toBe(t);
    }
    // and removing the last issue of a phase leaves one blank line above the heading, not two
    const three = phases.replace('  - id: A\n    title: Alpha\n', '  - id: A\n    title: Alpha\n\n  - id: B\n    title: Beta\n');
    const { after, back } = roundTrip(three, { kind: 'remove-issue', id: 'B' });
    expect(after).toBe(phases);
    expect(back).toBe(three);
  });

  it('appends when it has no place, and says so when it cannot write the place', () => {
    expect(applyOps(text, [{ kind: 'add-issue', issue: { id: 'E', title: 'E' }, before: 'gone' }])).toBe(text.replace('    title: Delta\n', '    title: Delta\n  - id: E\n    title: E\n'));
    const flow = 'planboard: 1\ntitle: T\nissues: [{ id: A, title: A }, { id: B, title: B }]\n';
    expect(() => applyOps(flow, [{ kind: 'add-issue', issue: { id: 'E', title: 'E' }, before: 'B' }])).toThrow(EditError);
  });
});
