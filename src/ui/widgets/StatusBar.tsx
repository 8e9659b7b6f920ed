// Header: title, as-of, today, file name and state, presence; then the pane tabs.
import { Box, Text } from 'ink';
import { basename } from 'node:path';
import { PANES, type BoardState, type PaneId } from '../../store/types.js';
import { useBoard } from '../store-context.js';
import { editCount } from '../../store/history.js';
import { fit, sanitize, textWidth, truncate } from '../text.js';
import { useTheme } from '../theme.js';

const STATE_TEXT: Record<BoardState['fileState'], string> = {
  saved: 'saved',
  unsaved: 'unsaved changes',
  'changed-on-disk': 'changed on disk',
  conflict: 'CONFLICT',
  saving: 'saving…',
};

/** The tabs on the header's second line: the pane, its text and its first column (the pointer reads these too). */
export function tabCells(pane: PaneId, titles: Record<PaneId, string>): { pane: PaneId; text: string; x: number; w: number }[] {
  const tabs = [...PANES, ...(pane === 'standup' ? (['standup'] as PaneId[]) : [])];
  let x = 0;
  return tabs.map((p, n) => {
    const text = ` ${p === 'standup' ? 'S' : n + 1} ${titles[p]} `;
    const cell = { pane: p, text, x, w: text.length };
    x += text.length;
    return cell;
  });
}

export function StatusBar({ width, titles }: { width: number; titles: Record<PaneId, string> }) {
  const theme = useTheme();
  const title = useBoard((s) => s.model.title);
  const asOf = useBoard((s) => s.data.as_of);
  const today = useBoard((s) => s.today);
  const file = useBoard((s) => s.file);
  const fileState = useBoard((s) => s.fileState);
  const pending = useBoard((s) => editCount(s.pending));
  const presence = useBoard((s) => s.presence);
  const reloadNote = useBoard((s) => s.reloadNote);
  const blocked = useBoard((s) => s.writeBlocked !== null);
  const pane = useBoard((s) => s.pane);
  const search = useBoard((s) => s.search);
  const filter = useBoard((s) => s.filter);
  const scenario = useBoard((s) => (s.scenario === undefined ? undefined : ((s.data.scenarios ?? []).find((x) => x.id === s.scenario)?.title ?? s.scenario)));
  const hideDone = useBoard((s) => s.hideDone);
  const sort = useBoard((s) => s.sort);

  const state = (fileState === 'unsaved' ? `${STATE_TEXT.unsaved} (${pending})` : STATE_TEXT[fileState]) + (blocked ? ' · read-only: W save as' : '');
  const stateMark = fileState === 'saved' ? '✓' : '●';
  const right = `${sanitize(basename(file))} ${stateMark} ${state}${reloadNote ? ` · ↻ reloaded: ${sanitize(reloadNote)}` : ''}`;
  const dates = `${asOf ? `as of ${asOf} · ` : ''}today ${today}`;
  // Today's date always shows: the title is cut first, then the as-of date, then the file side.
  const room = width - textWidth(right) - 1;
  const shortDates = `today ${today}`;
  const withTitle = (d: string, r: number) => (textWidth(title) + 3 + d.length <= r || r - d.length - 3 >= 10 ? `${truncate(title, r - d.length - 3)} · ${d}` : null);
  const left = withTitle(dates, room) ?? withTitle(shortDates, room) ?? shortDates;
  const leftRoom = Math.min(width, Math.max(textWidth(left), room));
  const who = presence.length ? `also here: ${presence.map(sanitize).join(', ')}` : '';

  const filters = [
    search ? `/${sanitize(search)}` : '',
    ...Object.entries(filter).map(([k, v]) => `${k}=${sanitize(v)}`),
  ].filter(Boolean);
  // The view in force, on every pane: the scenario changes lanes everywhere, so it is always named.
  const view = [scenario !== undefined ? `scenario: ${sanitize(scenario)}` : '', hideDone ? 'done hidden' : '', sort !== 'order' ? `sort: ${sort}` : ''].filter(Boolean).join(' · ');
  const filterText = [view, filters.length ? `filter: ${filters.join(' ')}  Esc clears` : '', who].filter(Boolean).join('  ·  ');
  const tabs = tabCells(pane, titles);
  const tabsWidth = tabs.reduce((w, t) => w + t.w, 1);

  return (
    <Box flexDirection="column" width={width}>
      <Box width={width}>
        <Text bold wrap="truncate">
          {fit(left, leftRoom)}
        </Text>
        <Text> </Text>
        <Text color={fileState === 'saved' ? theme.c('ok') : fileState === 'conflict' ? theme.c('danger') : theme.c('warn')} wrap="truncate">
          {fit(right, width - leftRoom - 1)}
        </Text>
      </Box>
      <Box width={width}>
        {tabs.map((t) => (
          <Text key={t.pane} inverse={t.pane === pane} bold={t.pane === pane}>
            {t.text}
          </Text>
        ))}
        <Text> </Text>
        <Text color={theme.c('warn')} wrap="truncate">
          {fit(filterText, Math.max(0, width - tabsWidth))}
        </Text>
      </Box>
    </Box>
  );
}
