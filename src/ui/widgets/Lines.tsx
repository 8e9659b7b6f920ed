// Draws a screen region as lines of styled segments, laid out by line rather than by nested
// boxes, so a frame costs Ink little. Two things keep Ink's per-frame work down:
// - a segment with `pad` is a fixed-width cell: its text is not padded with spaces (Ink's grid
//   is already blank), so Ink tokenizes only the visible characters;
// - text is split into ASCII and non-ASCII runs, each its own <Text>: Ink measures every text
//   node, and any non-ASCII character sends the whole node through grapheme segmentation, so
//   box-drawing, marks and ellipses stay in tiny nodes and the long runs take the fast path.
import { Box, Text } from 'ink';
import { memo, type ReactNode } from 'react';

import type { Seg, SegLine } from './seg.js';

export type { Seg, SegLine };

const same = (a: Seg, b: Seg) => a.pad === undefined && b.pad === undefined && a.color === b.color && a.bold === b.bold && a.inverse === b.inverse && a.dim === b.dim;
const ASCII = /^[\u0020-\u007e]*$/;
const RUNS = /[\u0020-\u007e]+|[^\u0020-\u007e]+/g;

function merge(line: SegLine): SegLine {
  const out: SegLine = [];
  for (const s of line) {
    const last = out[out.length - 1];
    if (last && same(last, s)) out[out.length - 1] = { ...last, text: last.text + s.text };
    else out.push(s);
  }
  return out;
}

function texts(s: Seg, key: string): ReactNode[] {
  const parts = ASCII.test(s.text) ? [s.text] : (s.text.match(RUNS) ?? []);
  return parts.map((t, i) => (
    <Text key={`${key}.${i}`} wrap="truncate" color={s.color} bold={s.bold} inverse={s.inverse} dimColor={s.dim}>
      {t}
    </Text>
  ));
}

/** Same segments, same looks: the line need not be reconciled again (most lines, on a move). */
function sameLine(a: { line: SegLine }, b: { line: SegLine }): boolean {
  if (a.line.length !== b.line.length) return false;
  for (let i = 0; i < a.line.length; i++) {
    const x = a.line[i];
    const y = b.line[i];
    if (x.text !== y.text || x.pad !== y.pad || x.color !== y.color || x.bold !== y.bold || x.inverse !== y.inverse || x.dim !== y.dim) return false;
  }
  return true;
}

const Line = memo(function Line({ line }: { line: SegLine }) {
  return (
    <Box flexDirection="row" height={1}>
      {merge(line).map((s, i) =>
        s.pad === undefined ? (
          texts(s, String(i))
        ) : (
          <Box key={i} width={s.pad} flexShrink={0}>
            {texts(s, String(i))}
          </Box>
        ),
      )}
    </Box>
  );
}, sameLine);

export function Lines({ lines, width, height }: { lines: SegLine[]; width: number; height: number }) {
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {lines.slice(0, height).map((l, i) => (
        <Line key={i} line={l} />
      ))}
    </Box>
  );
}
