// Kanban: one column per status with counts; optional swimlanes per lane (w). Virtualised: only
// the cards that fit are rendered, in a window that keeps the selected card in view.
import { Box, Text } from 'ink';
import { useMemo, type ReactNode } from 'react';
import type { Issue, Model } from '../../core/plan/model.js';
import { selectColumns, selectModel, selectSelectedId } from '../../store/selectors.js';
import { useBoard } from '../store-context.js';
import { fit, textWidth, truncate } from '../text.js';
import { useTheme } from '../theme.js';
import { Card, CARD_LINES } from '../widgets/Card.js';
import type { PaneProps } from './types.js';

const MIN_COL = 14;

/** Window of `size` items out of `len` that keeps index `at` in view (centred when it can). */
export function windowAround(at: number, size: number, len: number): [number, number] {
  if (len <= size) return [0, len];
  const start = Math.max(0, Math.min(at - Math.floor(size / 2), len - size));
  return [start, start + size];
}

function Column({ children, width, height }: { children: ReactNode; width: number; height: number }) {
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {children}
    </Box>
  );
}

function Separator({ height }: { height: number }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={1}>
      <Text color={theme.c('muted')}>{Array.from({ length: height }, () => '│').join('\n')}</Text>
    </Box>
  );
}

/**
 * Which columns fit (a window containing the selected one) and their widths: an empty column
 * needs only its header, so the room goes to columns with cards.
 */
function visibleColumns(statuses: string[], counts: number[], selectedCol: number, width: number) {
  const fitCount = Math.max(1, Math.floor((width + 1) / (MIN_COL + 1)));
  const [from, to] = windowAround(Math.max(0, selectedCol), Math.min(fitCount, statuses.length), statuses.length);
  const shown = statuses.slice(from, to);
  const room = width - (shown.length - 1);
  const empty = shown.map((st, n) => counts[from + n] === 0);
  const narrow = shown.map((st) => Math.min(18, textWidth(`${st} (0)`)));
  const full = shown.length - empty.filter(Boolean).length;
  const left = room - narrow.reduce((sum, w, n) => sum + (empty[n] ? w : 0), 0);
  const wide = full ? Math.floor(left / full) : 0;
  let widths = shown.map((_, n) => (empty[n] ? narrow[n] : wide));
  if (full === 0 || wide < MIN_COL) widths = shown.map(() => Math.floor(room / shown.length));
  // Give the rounding remainder to the last column so the rows span the width.
  widths[widths.length - 1] += room - widths.reduce((a, b) => a + b, 0);
  return { shown, widths, hiddenLeft: from, hiddenRight: statuses.length - to };
}

export function Kanban({ width, height }: PaneProps) {
  const model = useBoard(selectModel);
  const columns = useBoard(selectColumns);
  const selectedId = useBoard(selectSelectedId);
  const swimlanes = useBoard((s) => s.swimlanes);
  const theme = useTheme();

  const statuses = [...columns.keys()];
  const selectedIssue = selectedId === null ? undefined : model.byId.get(selectedId);
  const selectedCol = selectedIssue ? statuses.indexOf(selectedIssue.status) : 0;
  const counts = statuses.map((st) => columns.get(st)?.length ?? 0);
  const { shown, widths, hiddenLeft, hiddenRight } = visibleColumns(statuses, counts, selectedCol, width);

  const header = (status: string, count: number, w: number, extra = '') => (
    <Text key={`h-${status}`} bold color={theme.c('accent')} wrap="truncate">
      {fit(`${status} (${count})${extra}`, w)}
    </Text>
  );
  const edgeNote = hiddenLeft || hiddenRight ? ` ‹${hiddenLeft} ${hiddenRight}›` : '';

  if (swimlanes) {
    return (
      <Swimlanes
        model={model}
        columns={columns}
        shown={shown}
        widths={widths}
        width={width}
        height={height}
        selected={selectedIssue}
        edgeNote={edgeNote}
      />
    );
  }

  const slots = Math.max(1, Math.floor((height - 1) / CARD_LINES));
  const out: ReactNode[] = [];
  shown.forEach((status, n) => {
    const issues = columns.get(status) ?? [];
    const at = issues.findIndex((i) => i.id === selectedId);
    const [from, to] = windowAround(Math.max(0, at), slots, issues.length);
    const more = issues.length > to - from ? ` ↑${from} ↓${issues.length - to}` : '';
    const w = widths[n];
    if (n > 0) out.push(<Separator key={`s-${status}`} height={height} />);
    out.push(
      <Column key={status} width={w} height={height}>
        {header(status, issues.length, w, n === shown.length - 1 ? more + edgeNote : more)}
        {issues.slice(from, to).map((i) => (
          <Card key={i.id} issue={i} model={model} width={w} selected={i.id === selectedId} />
        ))}
      </Column>,
    );
  });
  return (
    <Box flexDirection="row" width={width} height={height} overflow="hidden">
      {out}
    </Box>
  );
}

interface SwimlaneProps {
  model: Model;
  columns: Map<string, Issue[]>;
  shown: string[];
  widths: number[];
  width: number;
  height: number;
  selected: Issue | undefined;
  edgeNote: string;
}

const NO_LANE = '\u0000none';

/** `── label ───…` across the width. */
function rule(label: string, width: number): string {
  const text = truncate(label, width);
  return text + '─'.repeat(Math.max(0, width - textWidth(text)));
}

/** One band per lane (plan order, then lanes the plan does not declare, then none). */
function Swimlanes({ model, columns, shown, widths, width, height, selected, edgeNote }: SwimlaneProps) {
  const theme = useTheme();
  const bands = useMemo(() => {
    const byLane = new Map<string, Map<string, Issue[]>>();
    for (const l of model.lanes) byLane.set(l.id, new Map());
    for (const [status, issues] of columns) {
      for (const i of issues) {
        const lane = i.lane ?? NO_LANE;
        let b = byLane.get(lane);
        if (!b) byLane.set(lane, (b = new Map()));
        let col = b.get(status);
        if (!col) b.set(status, (col = []));
        col.push(i);
      }
    }
    const none = byLane.get(NO_LANE);
    if (none) {
      byLane.delete(NO_LANE);
      byLane.set(NO_LANE, none);
    }
    return [...byLane].filter(([, b]) => b.size > 0);
  }, [model, columns]);

  const body = height - 1;
  const selLane = selected ? (selected.lane ?? NO_LANE) : undefined;
  const selBand = Math.max(0, bands.findIndex(([lane]) => lane === selLane));
  const rowsOf = (b: Map<string, Issue[]>) => Math.max(1, ...shown.map((s) => b.get(s)?.length ?? 0));
  const cap = Math.max(1, Math.floor(body / Math.max(1, bands.length)) - 1);
  const heights = bands.map(([, b], n) => 1 + Math.min(rowsOf(b), n === selBand ? Math.max(cap, Math.min(5, body - 1)) : cap));
  // First band: the latest start that still shows the selected band whole.
  let first = selBand;
  let used = heights[selBand] ?? 0;
  while (first > 0 && used + heights[first - 1] <= body) used += heights[--first];

  const lines: ReactNode[] = [];
  lines.push(
    <Box key="head" flexDirection="row">
      {shown.map((s, n) => (
        <Text key={s} bold color={theme.c('accent')} wrap="truncate">
          {(n ? '│' : '') + fit(`${s} (${columns.get(s)?.length ?? 0})${n === shown.length - 1 ? edgeNote : ''}`, widths[n])}
        </Text>
      ))}
    </Box>,
  );
  let left = body;
  for (let n = first; n < bands.length && left > 1; n++) {
    const [lane, b] = bands[n];
    const rows = Math.min(heights[n] - 1, left - 1);
    const count = [...b.values()].reduce((sum, c) => sum + c.length, 0);
    const name = lane === NO_LANE ? '(no lane)' : (model.laneById.get(lane)?.name ?? lane);
    lines.push(
      <Text key={`lane-${lane}`} color={theme.c('info')} bold wrap="truncate">
        {rule(`── ${name} (${count}) `, width)}
      </Text>,
    );
    const selCol = selected && n === selBand ? (b.get(selected.status) ?? []).findIndex((i) => i.id === selected.id) : -1;
    const [from] = windowAround(Math.max(0, selCol), rows, rowsOf(b));
    for (let r = 0; r < rows; r++) {
      lines.push(
        <Box key={`${lane}-${r}`} flexDirection="row">
          {shown.map((s, c) => {
            const issue = b.get(s)?.[from + r];
            const sep = c ? '│' : '';
            return issue ? (
              <Box key={s}>
                <Text color={theme.c('muted')}>{sep}</Text>
                <Card issue={issue} model={model} width={widths[c]} selected={issue.id === selected?.id} compact />
              </Box>
            ) : (
              <Text key={s}>{sep + ' '.repeat(widths[c])}</Text>
            );
          })}
        </Box>,
      );
    }
    left -= rows + 1;
  }
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {lines}
    </Box>
  );
}
