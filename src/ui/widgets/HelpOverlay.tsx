// `?`: the keys in force in the current pane, grouped, scrollable; generated from the keymap.
import { Box, Text } from 'ink';
import { helpLines } from '../help-lines.js';
import { fit } from '../text.js';
import { useTheme } from '../theme.js';

export function HelpOverlay({ pane, scroll, width, height }: { pane: string; scroll: number; width: number; height: number }) {
  const theme = useTheme();
  const lines = helpLines(pane);
  const body = height - 1;
  const top = Math.max(0, Math.min(scroll, lines.length - body));
  const keyW = Math.min(24, Math.max(...lines.map((l) => (l.keys ?? '').length)) + 2);
  const more = lines.length > body ? ` (${top + 1}-${Math.min(lines.length, top + body)} of ${lines.length}; j/k or the wheel scroll)` : '';
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text bold inverse>
        {fit(` Keys in the ${pane} pane${more}`, width)}
      </Text>
      {lines.slice(top, top + body).map((l, n) =>
        l.kind === 'group' ? (
          <Text key={n} bold color={theme.c('accent')}>
            {fit(l.text, width)}
          </Text>
        ) : (
          <Text key={n}>{fit(`  ${(l.keys ?? '').padEnd(keyW)}${l.text}`, width)}</Text>
        ),
      )}
    </Box>
  );
}

/** Scroll limit for the overlay's key handler. */
export const helpLength = (pane: string) => helpLines(pane).length;
