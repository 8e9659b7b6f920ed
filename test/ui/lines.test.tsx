// A pane line is drawn as one <Text> holding the line's styled string. It must be the very frame
// Ink draws from the same runs as nested <Text>s (each run styled by Ink itself), with colours on.
import chalk from 'chalk';
import fc from 'fast-check';
import { Box, Text } from 'ink';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineRuns, Lines } from '../../src/ui/widgets/Lines.js';
import type { Seg, SegLine } from '../../src/ui/widgets/seg.js';

/** The way Ink styles the runs itself: one nested <Text> per styled run. */
function Nested({ lines, width, height }: { lines: SegLine[]; width: number; height: number }) {
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {lines.slice(0, height).map((line, n) => (
        <Text key={n} wrap="truncate">
          {lineRuns(line, width).map((r, i) =>
            r.look ? (
              <Text key={i} color={r.look.color} bold={r.look.bold} inverse={r.look.inverse} dimColor={r.look.dim}>
                {r.text}
              </Text>
            ) : (
              r.text
            ),
          )}
        </Text>
      ))}
    </Box>
  );
}

const frameOf = (el: React.ReactElement) => {
  const ui = render(el);
  const frame = ui.lastFrame();
  ui.unmount();
  return frame;
};

const seg: fc.Arbitrary<Seg> = fc.record(
  {
    text: fc.constantFrom('', 'A-12', 'Write the parser', '│', '▶ ‼ ⊘ ✓', '日本語', 'x'.repeat(30), '  '),
    color: fc.constantFrom('cyan', 'gray', 'red', 'yellow', 'magenta', '#ff8800', 'rgb(10, 20, 30)', 'ansi256(208)', 'ansi256(x)', 'nocolor'),
    bold: fc.boolean(),
    inverse: fc.boolean(),
    dim: fc.boolean(),
    pad: fc.integer({ min: 0, max: 40 }),
  },
  { requiredKeys: ['text'] },
);

describe('Lines: one styled string per line', () => {
  let level: typeof chalk.level;
  beforeAll(() => {
    level = chalk.level;
    chalk.level = 3; // colours on, in the chalk Ink itself uses
  });
  afterAll(() => {
    chalk.level = level;
  });

  it('really draws styles (so the comparison below compares them)', () => {
    const frame = frameOf(<Lines lines={[[{ text: 'A-1', color: 'cyan', bold: true }, { text: 'x', inverse: true }]]} width={20} height={1} />);
    expect(frame).toBe(`${chalk.bold(chalk.cyan('A-1'))}${chalk.inverse('x')}`);
  });

  it('draws the same frame as nested Ink <Text>s, for any runs, looks, widths and cuts', () => {
    fc.assert(
      fc.property(fc.array(fc.array(seg, { maxLength: 8 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 10, max: 90 }), (lines, width) => {
        const height = lines.length;
        const ours = frameOf(<Lines lines={lines} width={width} height={height} />);
        expect(ours).toBe(frameOf(<Nested lines={lines} width={width} height={height} />));
      }),
      { numRuns: 40 },
    );
  });
});
