// The kanban's windows stay put while the selection moves inside them, and move by half a
// window when it leaves, always keeping the selection in view.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scrollWindow } from '../../src/ui/layout/kanban-lines.js';

describe('scrollWindow', () => {
  it('keeps the window while the selection is inside it', () => {
    expect(scrollWindow(5, 10, 100, 0)).toEqual([0, 10]);
    expect(scrollWindow(9, 10, 100, 0)).toEqual([0, 10]);
    expect(scrollWindow(20, 10, 100, 15)).toEqual([15, 25]);
  });

  it('moves by half a window when the selection leaves it, clamped to the list', () => {
    expect(scrollWindow(10, 10, 100, 0)).toEqual([5, 15]);
    expect(scrollWindow(14, 10, 100, 15)).toEqual([9, 19]);
    expect(scrollWindow(99, 10, 100, 0)).toEqual([90, 100]);
    expect(scrollWindow(0, 10, 100, 50)).toEqual([0, 10]);
  });

  it('shows everything when it fits', () => {
    expect(scrollWindow(3, 10, 4, 7)).toEqual([0, 4]);
  });

  it('always shows the selection, within the list, `size` long; a step moves it at most once per half window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 200 }), fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 60 }), (size, extra, steps) => {
        const len = size + extra;
        let at = 0;
        let start = 0;
        let moves = 0;
        for (const d of steps) {
          at = Math.max(0, Math.min(len - 1, at + d));
          const [from, to] = scrollWindow(at, size, len, start);
          expect(to - from).toBe(Math.min(size, len));
          expect(from).toBeGreaterThanOrEqual(0);
          expect(to).toBeLessThanOrEqual(len);
          expect(at >= from && at < to).toBe(true);
          if (from !== start) moves++;
          start = from;
        }
        // Single steps (|d| = 1) past an edge leave at least half a window of free moves.
        if (steps.every((d) => Math.abs(d) <= 1) && size >= 4) expect(moves).toBeLessThanOrEqual(Math.ceil(steps.length / Math.floor(size / 2)) + 1);
      }),
      { numRuns: 300 },
    );
  });
});

describe('lineRuns: a kanban line as Ink draws it', () => {
  it('pads cells with unstyled blanks, merges neighbours that look alike, cuts at the width without an ellipsis', async () => {
    const { lineRuns } = await import('../../src/ui/widgets/Lines.js');
    const runs = lineRuns(
      [
        { text: 'ab', bold: true, pad: 4 },
        { text: '│', color: 'gray' },
        { text: 'cd', pad: 3 },
        { text: 'efgh' },
      ],
      10,
    );
    expect(runs.map((r) => r.text).join('')).toBe('ab  │cd ef');
    expect(runs.map((r) => Boolean(r.look))).toEqual([true, false, true, false]);
  });
});
