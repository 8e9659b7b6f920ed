import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/ui/text.js';
import { columnWidths, layoutTable } from '../../src/ui/widgets/TableLayout.js';
import { lineText } from '../../src/ui/layout/segments.js';

const COLS = [{ title: 'Name' }, { title: 'Hours', align: 'right' as const }];

describe('table widget (ours: ink-table 3.1.0 cannot load under Ink 6)', () => {
  it('sizes columns from their content and right-aligns numbers', () => {
    const t = layoutTable(COLS, [['alpha', '8'], ['be', '120']], 80).map(lineText);
    expect(t).toEqual(['Name   Hours', '────────────', 'alpha      8', 'be       120']);
  });
  it('shrinks the widest column first and cuts its text with …', () => {
    const rows = [['a very long milestone name', '8']];
    expect(columnWidths(COLS, rows, 20)).toEqual([13, 5]);
    expect(lineText(layoutTable(COLS, rows, 20)[2])).toBe('a very long …      8');
  });
  it('never exceeds the width, even below every column minimum', () => {
    for (const w of [1, 5, 9, 12]) for (const l of layoutTable(COLS, [['abcdef', '123456']], w)) expect(textWidth(lineText(l))).toBeLessThanOrEqual(w);
  });
  it('measures wide characters by terminal columns', () => {
    const t = layoutTable(COLS, [['日本語', '1']], 80).map(lineText);
    expect(textWidth(t[2])).toBe(textWidth(t[0]));
  });
  it('shows control characters in cells inert', () => {
    const t = layoutTable(COLS, [['x\u001b[31my', '1']], 80).map(lineText);
    expect(t[2]).toContain('x^[[31my');
  });
  it('keeps a styled cell\'s style', () => {
    const [, , row] = layoutTable(COLS, [[{ text: 'late', style: 'over' }, '1']], 80);
    expect(row[0]).toEqual({ text: 'late', style: 'over' });
  });
});
