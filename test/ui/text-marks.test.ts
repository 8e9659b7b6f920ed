// The marks the panes draw on every card head (theme-core.ts) are measured without
// Intl.Segmenter: the narrow class in text.ts holds each of them, one column apiece, as the
// segmenting path (which a wide character forces) measures them too.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MARK_LEGEND, MARKS } from '../../src/ui/theme-core.js';
import { textWidth, truncate } from '../../src/ui/text.js';

const marks = [...new Set([...Object.values(MARKS), ...MARK_LEGEND.map(([m]) => m), '‹', '›', '…', '→', '│', '─'])];

describe('the narrow class holds every mark the board draws', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(marks)('%s is one column, measured without segmenting', (mark) => {
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    expect(textWidth(mark)).toBe(1);
    expect(textWidth(`${mark} CAB-12 Write the parser ${mark}`)).toBe(27);
    expect(segment).not.toHaveBeenCalled();
    // The segmenting path agrees: a wide Hangul syllable beside it forces that path.
    expect(textWidth(`${mark}한`)).toBe(3);
    expect(segment).toHaveBeenCalled();
  });

  it('a card head of marks is cut without segmenting', () => {
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    const head = `${MARKS.selected} ${MARKS.blocked} ‼ ${MARKS.critical} CAB-12 ${MARKS.done} Write the parser`;
    expect(truncate(head, 12)).toBe(`${head.slice(0, 11)}…`);
    expect(segment).not.toHaveBeenCalled();
  });
});
