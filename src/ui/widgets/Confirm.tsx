// The quit question (unsaved edits) and the save conflict choice (keep mine / theirs).
import { Box, Text } from 'ink';
import { describeValue } from '../describe-value.js';
import { dependentsOf } from '../issue-facts.js';
import { useBoard } from '../store-context.js';
import { editCount } from '../../store/history.js';
import { fit, sanitize } from '../text.js';
import { useTheme } from '../theme.js';

export function QuitPrompt({ width, height }: { width: number; height: number }) {
  const pending = useBoard((s) => editCount(s.pending));
  const blocked = useBoard((s) => s.writeBlocked);
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.c('warn')}>
        {fit(`You have ${pending} unsaved edit${pending === 1 ? '' : 's'}. Quit?`, width)}
      </Text>
      {blocked ? <Text>{fit(`  W  save them to another path (this one cannot be written: ${blocked})`, width)}</Text> : null}
      <Text>{fit('  s  save, then quit', width)}</Text>
      <Text>{fit('  d  quit without saving (edits are lost)', width)}</Text>
      <Text>{fit('  Esc  stay', width)}</Text>
    </Box>
  );
}

export function ConflictPrompt({ width, height }: { width: number; height: number }) {
  const conflicts = useBoard((s) => s.conflicts);
  const theme = useTheme();
  const rows = conflicts.slice(0, Math.max(0, height - 4));
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text bold color={theme.c('danger')}>
        {fit(`! The file changed on disk: ${conflicts.length} field${conflicts.length === 1 ? '' : 's'} changed both here and there. Nothing was written.`, width)}
      </Text>
      {rows.map((c, n) => (
        <Text key={n}>{fit(`  ${c.id}.${c.field}:  mine ${describeValue(c.mine)}  ·  theirs ${describeValue(c.theirs)}`, width)}</Text>
      ))}
      {conflicts.length > rows.length ? <Text>{fit(`  … and ${conflicts.length - rows.length} more`, width)}</Text> : null}
      <Text>{fit('  m  keep mine (and save)   t  keep theirs (drop my conflicting edits, save the rest)   Esc  decide later', width)}</Text>
    </Box>
  );
}

/** Delete an issue? Names it, says that undo brings it back. */
export function DeleteConfirm({ id, width, height }: { id: string; width: number; height: number }) {
  const model = useBoard((s) => s.model);
  const issue = model.byId.get(id);
  const dependents = dependentsOf(model, id);
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.c('warn')}>
        {fit(`Delete ${sanitize(id)} ${sanitize(issue?.title ?? '')}?`, width)}
      </Text>
      {dependents.length ? <Text>{fit(`  ${dependents.length} issue${dependents.length === 1 ? '' : 's'} wait for it: ${dependents.map(sanitize).join(', ')}`, width)}</Text> : null}
      <Text>{fit('  y  delete it (u undoes, until you quit)', width)}</Text>
      <Text>{fit('  n  keep it', width)}</Text>
    </Box>
  );
}
