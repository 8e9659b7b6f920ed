// The kanban's lines, pure (no React or Ink): the pane draws them with Ink, static output
// (render, a piped board) writes them as text. The windows of columns and of the cards in each
// stay put while the selection moves inside them (see scrollWindow), so a move redraws two
// cards instead of a whole column.
import type { Issue, Model } from '../../core/plan/model.js';
import { textWidth, truncate } from '../text.js';
import type { Theme } from '../theme-core.js';
import { rowOf } from '../../store/visible.js';
import { localStep } from '../../store/model-update.js';
import { cardLines, CARD_LINES } from '../widgets/Card.js';

export { CARD_LINES };
import type { Seg, SegLine } from '../widgets/seg.js';
import type { HitBox } from '../mouse/hit-map.js';

export const MIN_COL = 14;

/** Window of `size` items out of `len` that keeps index `at` in view (centred when it can). */
export function windowAround(at: number, size: number, len: number): [number, number] {
  if (len <= size) return [0, len];
  const start = Math.max(0, Math.min(at - Math.floor(size / 2), len - size));
  return [start, start + size];
}

/**
 * Window of `size` out of `len` from `start`: it stays put while index `at` is inside it, and
 * when `at` leaves it, it moves by half a window (centring `at`). So most moves redraw two cards
 * and a move past the edge redraws the column once for the next half window of moves.
 */
export function scrollWindow(at: number, size: number, len: number, start: number): [number, number] {
  if (len <= size) return [0, len];
  const from = at >= start && at < start + size ? start : at - Math.floor(size / 2);
  const s = Math.max(0, Math.min(from, len - size));
  return [s, s + size];
}

/** Where each window stood on the last frame (per pane instance; a fresh one starts at the top). */
export interface KanbanMemory {
  firstColumn: number;
  cardStart: Map<string, number>;
  /** The cards drawn on the last frame and where (pane cells), for the pointer. */
  hits?: HitBox[];
}

export const newKanbanMemory = (): KanbanMemory => ({ firstColumn: 0, cardStart: new Map() });

/**
 * Which columns fit (a window containing the selected one) and their widths: an empty column
 * needs only its header, so the room goes to columns with cards.
 */
export function columnLayout(statuses: string[], counts: number[], selectedCol: number, width: number, memory = newKanbanMemory()) {
  const fitCount = Math.max(1, Math.floor((width + 1) / (MIN_COL + 1)));
  const [from, to] = scrollWindow(Math.max(0, selectedCol), Math.min(fitCount, statuses.length), statuses.length, memory.firstColumn);
  memory.firstColumn = from;
  const shown = statuses.slice(from, to);
  const room = width - (shown.length - 1);
  const empty = shown.map((_, n) => counts[from + n] === 0);
  const narrow = shown.map((st) => Math.min(18, textWidth(`${st} (0)`)));
  const full = shown.length - empty.filter(Boolean).length;
  const left = room - narrow.reduce((sum, w, n) => sum + (empty[n] ? w : 0), 0);
  const wide = full ? Math.floor(left / full) : 0;
  let widths = shown.map((_, n) => (empty[n] ? narrow[n] : wide));
  if (full === 0 || wide < MIN_COL) widths = shown.map(() => Math.floor(room / shown.length));
  // The rounding remainder goes to the last column so rows span the width.
  widths[widths.length - 1] += room - widths.reduce((a, b) => a + b, 0);
  return { shown, widths, hiddenLeft: from, hiddenRight: statuses.length - to };
}

const NO_LANE = '\u0000none';

// A card's lines depend on its issue, the model (a dependency's status makes it blocked), its
// width, whether it is selected, and the theme: kept per model, so a move redraws no card twice.
// After an edit (a model updateModel made from the last one) a card is taken from the last
// model's cache when its issue is the same object and waits for none of the replaced issues:
// everything else a card reads (priorities, hours per day) a local edit leaves as it was.
interface CardCache {
  cards: Map<string, { issue: Issue; lines: Seg[] }>;
  /** The cards of the model this one came from, and the ids of the issues the edit replaced. */
  inherited?: { cards: Map<string, { issue: Issue; lines: Seg[] }>; replaced: Set<string> };
}
const cardCache = new WeakMap<Model, WeakMap<Theme, CardCache>>();

function cardCacheOf(model: Model, theme: Theme): CardCache {
  let byTheme = cardCache.get(model);
  if (!byTheme) cardCache.set(model, (byTheme = new WeakMap()));
  let cache = byTheme.get(theme);
  if (!cache) {
    const step = localStep(model);
    const from = step?.from && cardCache.get(step.from)?.get(theme);
    cache = { cards: new Map() };
    if (step?.from && from) cache.inherited = { cards: from.cards, replaced: new Set(step.changed.map((n) => step.from!.issues[n].id)) };
    byTheme.set(theme, cache);
  }
  return cache;
}

function cachedCard(issue: Issue, model: Model, width: number, selected: boolean, theme: Theme, compact = false): Seg[] {
  const cache = cardCacheOf(model, theme);
  const key = `${issue.id}\u0000${width}\u0000${selected ? 1 : 0}${compact ? 1 : 0}`;
  const hit = cache.cards.get(key);
  if (hit && hit.issue === issue) return hit.lines;
  if (cache.cards.size > 5000) cache.cards.clear();
  const was = cache.inherited?.cards.get(key);
  if (was && was.issue === issue && !issue.deps.some((d) => cache.inherited!.replaced.has(d.id))) {
    cache.cards.set(key, was);
    return was.lines;
  }
  const lines = cardLines(issue, model, width, selected, theme, compact);
  cache.cards.set(key, { issue, lines });
  return lines;
}

/** `── label ───…` across the width. */
function rule(label: string, width: number): string {
  const text = truncate(label, width);
  return text + '─'.repeat(Math.max(0, width - textWidth(text)));
}

/** Cells side by side, separated by a muted bar. */
function row(cells: Seg[][], theme: Theme): SegLine {
  const line: SegLine = [];
  cells.forEach((cell, n) => {
    if (n > 0) line.push({ text: '│', color: theme.c('muted') });
    line.push(...cell);
  });
  return line;
}

interface ColumnArgs {
  model: Model;
  columns: Map<string, Issue[]>;
  shown: string[];
  widths: number[];
  height: number;
  selectedId: string | null;
  edgeNote: string;
  theme: Theme;
  memory: KanbanMemory;
  /** Filled with the boxes of the cards drawn. */
  hits?: HitBox[];
}

/** Column n's first cell: the widths before it and one separator each. */
const columnX = (widths: number[], n: number) => widths.slice(0, n).reduce((a, b) => a + b + 1, 0);

export function columnLines({ model, columns, shown, widths, height, selectedId, edgeNote, theme, memory, hits }: ColumnArgs): SegLine[] {
  const slots = Math.max(1, Math.floor((height - 1) / CARD_LINES));
  const selected = selectedId === null ? undefined : model.byId.get(selectedId);
  // Per column: the header cell and the visible cards' lines.
  const cols = shown.map((status, n) => {
    const issues = columns.get(status) ?? [];
    const w = widths[n];
    const at = rowOf(issues, selected);
    const [from, to] = scrollWindow(Math.max(0, at), slots, issues.length, memory.cardStart.get(status) ?? 0);
    memory.cardStart.set(status, from);
    const more = issues.length > to - from ? ` ↑${from} ↓${issues.length - to}` : '';
    const head: Seg = { text: truncate(`${status} (${issues.length})${more}${n === shown.length - 1 ? edgeNote : ''}`, w), bold: true, color: theme.c('accent'), pad: w };
    const body = issues.slice(from, to).flatMap((i) => cachedCard(i, model, w, i.id === selectedId, theme));
    issues.slice(from, to).forEach((i, k) => {
      if (1 + k * CARD_LINES < height) hits?.push({ x: columnX(widths, n), y: 1 + k * CARD_LINES, w, h: Math.min(CARD_LINES, height - 1 - k * CARD_LINES), id: i.id });
    });
    return { head, body, blank: { text: '', pad: w } as Seg };
  });
  const lines: SegLine[] = [row(cols.map((c) => [c.head]), theme)];
  for (let r = 0; r < height - 1; r++) lines.push(row(cols.map((c) => [c.body[r] ?? c.blank]), theme));
  return lines;
}

interface SwimArgs extends Omit<ColumnArgs, 'selectedId' | 'memory'> {
  width: number;
  selected: Issue | undefined;
}

/** One band per lane (plan order, then lanes the plan does not declare, then none). */
export function swimlaneLines({ model, columns, shown, widths, width, height, selected, edgeNote, theme, hits }: SwimArgs): SegLine[] {
  const bands = laneBands(model, columns);
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

  const lines: SegLine[] = [
    row(
      shown.map((s, n) => [{ text: truncate(`${s} (${columns.get(s)?.length ?? 0})${n === shown.length - 1 ? edgeNote : ''}`, widths[n]), bold: true, color: theme.c('accent'), pad: widths[n] }]),
      theme,
    ),
  ];
  let left = body;
  for (let n = first; n < bands.length && left > 1; n++) {
    const [lane, b] = bands[n];
    const rows = Math.min(heights[n] - 1, left - 1);
    let count = 0;
    for (const c of b.values()) count += c.length;
    const name = lane === NO_LANE ? '(no lane)' : (model.laneById.get(lane)?.name ?? lane);
    lines.push([{ text: rule(`── ${name} (${count}) `, width), color: theme.c('info'), bold: true }]);
    const selRow = selected && n === selBand ? (b.get(selected.status) ?? []).findIndex((i) => i.id === selected.id) : -1;
    const [from] = windowAround(Math.max(0, selRow), rows, rowsOf(b));
    for (let r = 0; r < rows; r++) {
      lines.push(
        row(
          shown.map((s, c) => {
            const issue = b.get(s)?.[from + r];
            if (issue) hits?.push({ x: columnX(widths, c), y: lines.length, w: widths[c], h: 1, id: issue.id });
            return issue ? cachedCard(issue, model, widths[c], issue.id === selected?.id, theme, true) : [{ text: '', pad: widths[c] }];
          }),
          theme,
        ),
      );
    }
    left -= rows + 1;
  }
  return lines;
}

const bandCache = new WeakMap<Map<string, Issue[]>, [string, Map<string, Issue[]>][]>();

/** Lane → status → issues, built once per column map (i.e. per edit, filter or search). */
function laneBands(model: Model, columns: Map<string, Issue[]>) {
  let bands = bandCache.get(columns);
  if (bands) return bands;
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
  bands = [...byLane].filter(([, b]) => b.size > 0);
  bandCache.set(columns, bands);
  return bands;
}


export interface KanbanInput {
  model: Model;
  columns: Map<string, Issue[]>;
  selectedId: string | null;
  swimlanes: boolean;
}

/** The whole pane: header row and cards (or swimlane bands), `height` lines at most. */
export function kanbanLines({ model, columns, selectedId, swimlanes }: KanbanInput, width: number, height: number, theme: Theme, memory = newKanbanMemory()): SegLine[] {
  const statuses = [...columns.keys()];
  const selected = selectedId === null ? undefined : model.byId.get(selectedId);
  const counts = statuses.map((st) => columns.get(st)?.length ?? 0);
  const layout = columnLayout(statuses, counts, selected ? statuses.indexOf(selected.status) : 0, width, memory);
  const edgeNote = layout.hiddenLeft || layout.hiddenRight ? ` ‹${layout.hiddenLeft} ${layout.hiddenRight}›` : '';
  const hits: HitBox[] = (memory.hits = []);
  return swimlanes
    ? swimlaneLines({ model, columns, ...layout, width, height, selected, edgeNote, theme, hits })
    : columnLines({ model, columns, ...layout, height, selectedId, edgeNote, theme, memory, hits });
}
