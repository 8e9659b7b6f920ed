// A small table for the terminal: column widths from content, numbers right-aligned, text cut
// with `…` to fit the width. We write our own because ink-table 3.1.0 is CommonJS and its
// `require('ink')` fails against Ink 6 (ERR_REQUIRE_ASYNC_MODULE: Ink has a top-level await).
import { fit, sanitize, textWidth, truncate } from '../text.js';
import type { Line, Style } from '../layout/segments.js';

export interface Column {
  title: string;
  align?: 'left' | 'right';
  /** Narrowest the column may get when the table must shrink (default: its title's width, at least 3). */
  min?: number;
}

export type Cell = string | { text: string; style: Style };

const text = (c: Cell) => (typeof c === 'string' ? c : c.text);

/** Column widths: each as wide as its content, the widest shrunk first until the table fits. */
export function columnWidths(columns: Column[], rows: Cell[][], width: number, gap = 2): number[] {
  const widths = columns.map((col, i) => Math.max(textWidth(col.title), ...rows.map((r) => textWidth(sanitize(text(r[i] ?? ''))))));
  const mins = columns.map((col, i) => Math.min(widths[i], col.min ?? Math.max(3, textWidth(col.title))));
  const budget = width - gap * Math.max(0, columns.length - 1);
  let total = widths.reduce((a, b) => a + b, 0);
  while (total > budget) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) if (widths[i] > mins[i] && (widest < 0 || widths[i] > widths[widest])) widest = i;
    if (widest < 0) break; // at every minimum: the line is cut at the end instead
    widths[widest]--;
    total--;
  }
  return widths;
}

function pad(s: Cell, w: number, align: 'left' | 'right' | undefined): string {
  const t = truncate(text(s), w);
  return align === 'right' ? ' '.repeat(Math.max(0, w - textWidth(t))) + t : fit(t, w);
}

/** Header, rule and rows as styled lines, each at most `width` columns. */
export function layoutTable(columns: Column[], rows: Cell[][], width: number, gap = 2): Line[] {
  const widths = columnWidths(columns, rows, width, gap);
  const sep = ' '.repeat(gap);
  const build = (cells: Cell[], rowStyle: Style): Line => {
    const line: Line = [];
    cells.forEach((cell, i) => {
      if (i > 0) line.push({ text: sep, style: rowStyle });
      line.push({ text: pad(cell, widths[i], columns[i].align), style: typeof cell === 'string' ? rowStyle : cell.style });
    });
    return clip(line, width);
  };
  const ruleWidth = widths.reduce((a, b) => a + b, 0) + gap * Math.max(0, widths.length - 1);
  return [
    build(columns.map((c) => c.title), 'heading'),
    [{ text: '─'.repeat(Math.min(width, ruleWidth)), style: 'dim' }],
    ...rows.map((r) => build(r, 'plain')),
  ];
}

function clip(line: Line, width: number): Line {
  const out: Line = [];
  let room = width;
  for (const seg of line) {
    if (room <= 0) break;
    const w = textWidth(seg.text);
    out.push(w <= room ? seg : { text: truncate(seg.text, room), style: seg.style });
    room -= Math.min(w, room);
  }
  return out;
}
