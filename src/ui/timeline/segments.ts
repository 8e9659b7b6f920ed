// A screen line as styled runs of text. Layout functions build lines; one Ink component draws
// them (src/ui/widgets/BarLine.tsx) and tests read their plain text.
import { sanitize, textWidth } from '../text.js';

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
    for (const { segment } of graphemes.segment(sanitize(text))) {
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

export function lineWidth(line: Line): number {
  return textWidth(lineText(line));
}

/** Cuts a line to at most `width` columns (whole graphemes only). */
export function clipLine(line: Line, width: number): Line {
  const out: Line = [];
  let room = width;
  for (const seg of line) {
    if (room <= 0) break;
    const w = textWidth(seg.text);
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
