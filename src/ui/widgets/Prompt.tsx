// One-line text input shown on the message line (log time, search).
import { Text } from 'ink';
import { fit, sanitize, textWidth } from '../text.js';
import { useTheme } from '../theme.js';

export function Prompt({ label, value, error, width }: { label: string; value: string; error?: string; width: number }) {
  const theme = useTheme();
  const head = `${sanitize(label)} `;
  const tail = error ? `  ${error}` : '';
  // Keep the end of a long value (where the cursor is) in view.
  let shown = sanitize(value);
  const room = Math.max(1, width - textWidth(head) - 1 - textWidth(tail));
  while (textWidth(shown) > room) shown = shown.slice(1);
  return (
    <Text wrap="truncate">
      <Text bold color={theme.c('accent')}>
        {head}
      </Text>
      {shown}
      <Text inverse> </Text>
      <Text color={theme.c('danger')}>{fit(tail, Math.max(0, width - textWidth(head) - textWidth(shown) - 1))}</Text>
    </Text>
  );
}
