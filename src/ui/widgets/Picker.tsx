// A list to choose from (lane picker, filter picker), windowed around the cursor.
import { Box, Text } from 'ink';
import type { PickerItem } from '../../store/types.js';
import { windowAround } from '../panes/Kanban.js';
import { fit } from '../text.js';
import { MARKS } from '../theme-core.js';

export function Picker({ title, items, cursor, width, height }: { title: string; items: PickerItem[]; cursor: number; width: number; height: number }) {
  const [from, to] = windowAround(cursor, Math.max(1, height - 1), items.length);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text bold inverse>
        {fit(` ${title}  (${items.length})`, width)}
      </Text>
      {items.slice(from, to).map((it, n) => (
        <Text key={from + n} inverse={from + n === cursor}>
          {fit(`${from + n === cursor ? MARKS.selected : ' '} ${it.label}`, width)}
        </Text>
      ))}
    </Box>
  );
}
