// Draws lines of styled segments (from the pure layouts in src/ui/layout/) with Ink. Colour
// comes from the theme, so NO_COLOR turns it off; every coloured state also has its own glyph.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Line, Style } from '../layout/segments.js';
import { type Theme, type Tone, useTheme } from '../theme.js';

interface Look {
  tone?: Tone;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
}

const LOOKS: Record<Style, Look> = {
  plain: {},
  dim: { dim: true },
  heading: { bold: true },
  label: {},
  selected: { inverse: true },
  group: { tone: 'accent', bold: true },
  bar: { tone: 'info' },
  crit: { tone: 'danger', bold: true },
  pess: { tone: 'info', dim: true },
  done: { tone: 'ok' },
  shade: { tone: 'muted', dim: true },
  today: { tone: 'warn', bold: true },
  deadline: { tone: 'critical', bold: true },
  sprintA: { tone: 'info' },
  sprintB: { tone: 'critical' },
  ok: { tone: 'ok' },
  warn: { tone: 'warn' },
  over: { tone: 'danger', bold: true },
};

export function segmentProps(style: Style, theme: Theme) {
  const look = LOOKS[style];
  return {
    color: look.tone ? theme.c(look.tone) : undefined,
    bold: look.bold,
    // Dim and inverse are attributes, not colours: kept under NO_COLOR so selection still shows.
    dimColor: look.dim,
    inverse: look.inverse,
  };
}

/** Same runs, same styles: a line that did not change is not reconciled again. */
function sameRuns(a: { line: Line }, b: { line: Line }): boolean {
  if (a.line.length !== b.line.length) return false;
  for (let i = 0; i < a.line.length; i++) if (a.line[i].text !== b.line[i].text || a.line[i].style !== b.line[i].style) return false;
  return true;
}

export const StyledLine = memo(function StyledLine({ line }: { line: Line }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate">
      {line.map((seg, i) => (
        <Text key={i} {...segmentProps(seg.style, theme)}>
          {seg.text}
        </Text>
      ))}
    </Text>
  );
}, sameRuns);

export function StyledLines({ lines, width, height }: { lines: Line[]; width: number; height: number }) {
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {lines.slice(0, height).map((line, i) => (
        <StyledLine key={i} line={line} />
      ))}
    </Box>
  );
}
