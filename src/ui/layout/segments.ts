// A screen line as styled runs of text. Layout functions build lines; one Ink component draws
// them (src/ui/widgets/BarLine.tsx) and tests read their plain text.
import { fit, sanitize, textWidth, truncate } from '../text.js';

export type Style =
  | 'plain'
  | 'dim'
  | 'heading'
  | 'label'
  | 'selected'
  | 'group'
  | 'bar'
  | 'crit'
  | 'pess'
  | 'done'
  | 'shade'
  | 'today'
  | 'deadline'
  | 'sprintA'
  | 'sprintB'
  | 'ok'
  | 'warn'
  | 'over';

export interface Segment {
  text: string;
  style: Style;
}

export type Line = Segment[];

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// Printable ASCII and the glyphs the layouts draw with (box drawing, blocks, shapes, marks) are
// one column each: measuring them without grapheme segmentation keeps a frame well under a ms.
const NARROW = /^[\u0020-\u007e\u00a0-\u024f\u2013\u2014\u2026\u2039\u203a\u2190-\u21ff\u2298\u2500-\u25ff\u2713]*$/;

/** Terminal columns of `s`. */
export function widthOf(s: string): number {
  return NARROW.test(s) ? s.length : textWidth(s);
}

/** Sanitised and cut to at most `width` columns with `…` (text.ts's truncate, fast for narrow text). */
export function cut(text: unknown, width: number): string {
  const s = sanitize(text);
  if (!NARROW.test(s)) return truncate(s, width);
  if (width <= 0) return '';
  return s.length <= width ? s : s.slice(0, width - 1) + '…';
}

/** Sanitised, cut or padded to exactly `width` columns (text.ts's fit, fast for narrow text). */
export function pad(text: unknown, width: number): string {
  const s = sanitize(text);
  if (!NARROW.test(s)) return fit(s, width);
  const c = cut(s, width);
  return c + ' '.repeat(Math.max(0, width - c.length));
}

/** A fixed-width row of cells, painted in layers, then merged into segments. */
export class Canvas {
  private chars: string[];
  private styles: Style[];

  constructor(readonly width: number, fill = ' ', style: Style = 'plain') {
    this.chars = Array<string>(width).fill(fill);
    this.styles = Array<Style>(width).fill(style);
  }

  set(col: number, ch: string, style: Style): void {
    if (col < 0 || col >= this.width) return;
    this.chars[col] = ch;
    this.styles[col] = style;
  }

  /** Writes sanitised text from `col`, at most `max` columns; wide graphemes take two cells. */
  text(col: number, text: string, style: Style, max = this.width - col): number {
    let at = col;
    const end = Math.min(this.width, col + max);
    const clean = sanitize(text);
    if (NARROW.test(clean)) {
      const n = Math.max(0, Math.min(clean.length, end - col));
      for (let k = 0; k < n; k++) this.set(col + k, clean[k], style);
      return n;
    }
    for (const { segment } of graphemes.segment(clean)) {
      const w = textWidth(segment);
      if (w === 0) continue;
      if (at + w > end) break;
      this.set(at, segment, style);
      for (let k = 1; k < w; k++) this.set(at + k, '', style);
      at += w;
    }
    return at - col;
  }

  line(): Line {
    const out: Line = [];
    for (let i = 0; i < this.width; i++) {
      const last = out[out.length - 1];
      if (last && last.style === this.styles[i]) last.text += this.chars[i];
      else out.push({ text: this.chars[i], style: this.styles[i] });
    }
    return out;
  }
}

export function lineText(line: Line): string {
  return line.map((s) => s.text).join('');
}

/** Like clipLine, but a line that does not fit ends in `…`, so a cut is never silent. */
export function clipMarked(line: Line, width: number): Line {
  const total = line.reduce((w, seg) => w + widthOf(seg.text), 0);
  if (total <= width || width <= 0) return clipLine(line, width);
  const out = clipLine(line, width - 1);
  out.push({ text: '…', style: out[out.length - 1]?.style ?? 'plain' });
  return out;
}

/** Cuts a line to at most `width` columns (whole graphemes only). */
export function clipLine(line: Line, width: number): Line {
  const out: Line = [];
  let room = width;
  for (const seg of line) {
    if (room <= 0) break;
    const w = widthOf(seg.text);
    if (w <= room) {
      out.push(seg);
      room -= w;
      continue;
    }
    let text = '';
    for (const { segment } of graphemes.segment(seg.text)) {
      const gw = textWidth(segment);
      if (gw > room) break;
      text += segment;
      room -= gw;
    }
    out.push({ text, style: seg.style });
    break;
  }
  return out;
}
