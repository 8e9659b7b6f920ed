// A screen line as styled segments (the kanban's cards and rules). Pure: Lines.tsx draws these
// with Ink on the board, and segLineText() writes them as plain text for static output.
import { textWidth } from '../text.js';

export interface Seg {
  text: string;
  color?: string;
  bold?: boolean;
  inverse?: boolean;
  dim?: boolean;
  /** Width of the cell this text sits in (text must not be wider); omitted: the text's own width. */
  pad?: number;
}

export type SegLine = Seg[];

/** The line as Ink draws it in a box `width` wide, without styles or trailing blanks. */
export function segLineText(line: SegLine, width: number): string {
  let out = '';
  let w = 0;
  for (const s of line) {
    if (w >= width) break;
    const tw = textWidth(s.text);
    const cell = s.pad ?? tw;
    out += s.text + ' '.repeat(Math.max(0, cell - tw));
    w += cell;
  }
  return cutToWidth(out, width).trimEnd();
}

/** Cut (no ellipsis) to `width` columns, as a clipping box does. */
function cutToWidth(s: string, width: number): string {
  if (textWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = textWidth(ch);
    if (w + cw > width) break;
    out += ch;
    w += cw;
  }
  return out;
}
