// Draws a screen region as lines of styled segments with Ink, one <Text> per line holding the
// line's styled string, so a line costs one layout node and one write, and a line that did not
// change is neither re-rendered (memo) nor re-measured (Ink's caches, shared across frames by
// scripts/ink-patches.mjs). A cell's padding is plain
// blank, as the grid under it; the selected card pads its own text so its highlight spans.
import { Box, Text } from 'ink';
import chalk from 'chalk';
import { memo } from 'react';
import { textWidth } from '../text.js';
import type { Seg, SegLine } from './seg.js';

interface Run {
  text: string;
  look?: Seg;
}

const styled = (s: Seg) => Boolean(s.color || s.bold || s.inverse || s.dim);
const sameLook = (a: Seg | undefined, b: Seg) => a !== undefined && a.color === b.color && a.bold === b.bold && a.inverse === b.inverse && a.dim === b.dim;

/** Text and padding as runs, neighbours with the same look merged, cut at `width` columns. */
export function lineRuns(line: SegLine, width: number): Run[] {
  const runs: Run[] = [];
  const push = (text: string, look: Seg | undefined) => {
    if (!text) return;
    const last = runs[runs.length - 1];
    if (last && (look === undefined ? last.look === undefined : sameLook(last.look, look))) last.text += text;
    else runs.push({ text, look });
  };
  let w = 0;
  for (const s of line) {
    if (w >= width) break;
    const tw = textWidth(s.text);
    let text = s.text;
    if (w + tw > width) {
      // Cut as a clipping box would: whole characters, no ellipsis.
      text = '';
      let cw = 0;
      for (const ch of s.text) {
        const chw = textWidth(ch);
        if (w + cw + chw > width) break;
        text += ch;
        cw += chw;
      }
    }
    push(text, styled(s) ? s : undefined);
    w += textWidth(text);
    const pad = Math.min(Math.max(0, (s.pad ?? tw) - tw), width - w);
    if (pad > 0) push(' '.repeat(pad), undefined);
    w += pad;
  }
  return runs;
}

/** Same segments, same looks: the line need not be reconciled again (most lines, on a move). */
function sameLine(a: { line: SegLine; width: number }, b: { line: SegLine; width: number }): boolean {
  if (a.width !== b.width || a.line.length !== b.line.length) return false;
  for (let i = 0; i < a.line.length; i++) {
    const x = a.line[i];
    const y = b.line[i];
    if (x.text !== y.text || x.pad !== y.pad || x.color !== y.color || x.bold !== y.bold || x.inverse !== y.inverse || x.dim !== y.dim) return false;
  }
  return true;
}

// A run styled as Ink's <Text> styles its children (components/Text.js and colorize.js, same
// order: dim, colour, bold, inverse), so the line's string is the one Ink would build from nested
// <Text>s, byte for byte (test/ui/lines.test.tsx), but it is one text node: a changed line costs
// React one element and Ink one node to squash instead of one per run.
const RGB = /^rgb\(\s?(\d+),\s?(\d+),\s?(\d+)\s?\)$/;
const ANSI256 = /^ansi256\(\s?(\d+)\s?\)$/;
function colored(text: string, color: string): string {
  if (color in chalk) return (chalk as unknown as Record<string, (s: string) => string>)[color](text);
  if (color.startsWith('#')) return chalk.hex(color)(text);
  const a = ANSI256.exec(color);
  if (color.startsWith('ansi256')) return a ? chalk.ansi256(Number(a[1]))(text) : text;
  const m = RGB.exec(color);
  if (color.startsWith('rgb')) return m ? chalk.rgb(Number(m[1]), Number(m[2]), Number(m[3]))(text) : text;
  return text;
}

export function styledRun(text: string, look: Seg | undefined): string {
  if (!look) return text;
  let out = text;
  if (look.dim) out = chalk.dim(out);
  if (look.color) out = colored(out, look.color);
  if (look.bold) out = chalk.bold(out);
  if (look.inverse) out = chalk.inverse(out);
  return out;
}

const Line = memo(function Line({ line, width }: { line: SegLine; width: number }) {
  let text = '';
  for (const r of lineRuns(line, width)) text += styledRun(r.text, r.look);
  return <Text wrap="truncate">{text}</Text>;
}, sameLine);

export function Lines({ lines, width, height }: { lines: SegLine[]; width: number; height: number }) {
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {lines.slice(0, height).map((l, i) => (
        <Line key={i} line={l} width={width} />
      ))}
    </Box>
  );
}
