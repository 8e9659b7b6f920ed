// The timeline pane as lines of styled text: a label column, then the calendar grid.
//   header: date scale · sprint bands · calendar row (shading, ▼ today, ◆ deadlines)
//   body:   one row per issue under phase/lane header rows (only the rows that fit)
//   footer: the selected issue's dates and dependencies, and a legend when there is room
import type { Issue, Model } from '../../core/plan/model.js';
import type { Schedule, ScheduledIssue } from '../../core/schedule/types.js';
import { MARKS } from '../theme-core.js';
import { isBlocked } from '../../core/plan/blockers.js';
import { type PlanCalendar, SHADE_GLYPH, type Shade, baseShades, headerShades, issueShades, planCalendar } from './calendar.js';
import { type Day, parts, shortDate, toDay } from './dates.js';
import { type RowIndex, type Row, scrollWindow, timelineRows } from './rows.js';
import { type Scale, type Zoom, buildScale, cellOf, scaleLabels } from './scale.js';
import { Canvas, clipLine, cut, pad, type Line, type Style } from './segments.js';
import { unestimatedHeader } from './unestimated.js';
import type { HitBox } from '../mouse/hit-map.js';

export const GLYPH = {
  expected: '█',
  pessimistic: '░',
  done: '═',
  group: '─',
  today: '│',
  todayHead: '▼',
  deadline: '◇',
  before: '‹',
  after: '›',
} as const;

/** The board's marks (src/ui/theme.tsx), so a state looks the same in every pane. */
export const MARK = { done: MARKS.done, critical: MARKS.critical, blocked: MARKS.blocked, unestimated: MARKS.unestimated, selected: MARKS.selected } as const;

export const LEGEND = `${GLYPH.expected} expected ${GLYPH.pessimistic} pessimistic ${GLYPH.done} done ${MARK.critical} critical ${MARK.blocked} blocked ${MARK.unestimated} unestimated ${GLYPH.deadline} deadline`;

export interface TimelineInput {
  model: Model;
  schedule: Schedule | null;
  scheduleError?: string | null;
  /** Visible issues in display order (grouped by phase or lane). */
  issues: readonly Issue[];
  selectedId: string | null;
  today: string;
  zoom: Zoom;
  scroll: number;
  groupBy: 'group' | 'lane';
  /** Group (or lane) keys folded to their header row. */
  folded?: readonly string[];
  width: number;
  height: number;
  /** First body row shown last time, so the window moves only as far as the selection needs. */
  offset: number;
}

export interface TimelineFrame {
  lines: Line[];
  offset: number;
  /** Each row drawn with the issue it stands for (a group's header: its first issue), for the pointer. */
  hits?: HitBox[];
}

const HEADER_ROWS = 3;

export function labelWidth(width: number): number {
  return Math.max(12, Math.min(32, Math.floor(width * 0.32)));
}

/** The blocked column beside the mark: the same test as the kanban, detail and standup. */
export function blockedMark(issue: Issue, model: Model): string {
  return isBlocked(model, issue) ? MARK.blocked : ' ';
}

export function issueMark(issue: Issue, s: ScheduledIssue | undefined): { mark: string; style: Style } {
  if (issue.done) return { mark: MARK.done, style: 'done' };
  // Without an estimate the bar has no length, so "critical" (no slack) would say nothing true.
  if (s?.unestimated) return { mark: MARK.unestimated, style: 'warn' };
  if (s?.critical) return { mark: MARK.critical, style: 'crit' };
  return { mark: ' ', style: 'label' };
}

export function layoutTimeline(input: TimelineInput): TimelineFrame {
  const { model, schedule, width, height } = input;
  if (height <= 0 || width <= 0) return { lines: [], offset: 0 };
  const labelW = Math.min(labelWidth(width), width);
  const gridW = Math.max(0, width - labelW - 1);
  const scale = buildScale(input.today, input.zoom, input.scroll, gridW);
  const cal = planCalendar(model);
  const index = timelineRows(input.issues, model, input.groupBy, input.folded);

  const footerRows = height >= 16 ? 3 : height >= 9 ? 2 : 0;
  const unestimated = height >= 12 ? unestimatedHeader(schedule) : null;
  const headerRows = (height >= 5 ? HEADER_ROWS : 1) + (unestimated ? 1 : 0);
  const bodyH = Math.max(0, height - headerRows - footerRows);
  const selectedRow = input.selectedId === null ? -1 : (index.at.get(input.selectedId) ?? -1);
  const offset = scrollWindow(input.offset, selectedRow, index.rows.length, bodyH, selectedRow > 0 && index.rows[selectedRow - 1].kind === 'group');

  const lines: Line[] = [];
  const row = (label: Line, grid: Canvas) => lines.push(clipLine([...label, { text: '│', style: 'dim' }, ...grid.line()], width));

  row([{ text: pad(`${input.zoom} ${years(scale)}`, labelW), style: 'heading' }], scaleCanvas(scale, gridW));
  if (headerRows > 1) {
    row([{ text: pad('sprints', labelW), style: 'dim' }], sprintCanvas(scale, gridW, schedule));
    row([{ text: pad(legendFor(labelW), labelW), style: 'dim' }], calendarCanvas(scale, gridW, cal, model, input.today));
  }
  if (unestimated) lines.push([{ text: pad(cut(unestimated, width), width), style: 'warn' }]);

  const base = baseShades(scale, cal);
  const todayCell = cellOf(scale, toDay(input.today));
  const visible = index.rows.slice(offset, offset + bodyH);
  if (index.rows.length === 0 && bodyH > 0) {
    lines.push([{ text: pad(input.issues.length === 0 ? 'No issues to show.' : '', width), style: 'dim' }]);
  }
  const hits: HitBox[] = [];
  for (const r of visible) {
    const first = r.kind === 'issue' ? r.issue : r.issues[0];
    if (first && lines.length < height - footerRows) hits.push({ x: 0, y: lines.length, w: width, h: 1, id: first.id });
    if (r.kind === 'group') {
      // A folded group shows its span as one bar; the cursor on any of its issues lights the header.
      const here = r.folded && input.selectedId !== null && r.issues.some((i) => i.id === input.selectedId);
      const label = r.folded ? `${here ? MARK.selected : '▸'} ${r.label} (${r.issues.length})` : `▾ ${r.label}`;
      row([{ text: pad(label, labelW), style: here ? 'selected' : 'group' }], groupCanvas(scale, gridW, r, schedule, todayCell));
    }
    else {
      const s = schedule?.byId.get(r.issue.id);
      const selected = r.issue.id === input.selectedId;
      const { mark, style } = issueMark(r.issue, s);
      const label: Line = [
        { text: (selected ? MARK.selected : ' ') + mark, style: selected ? 'selected' : style },
        { text: blockedMark(r.issue, model), style: selected ? 'selected' : 'warn' },
        { text: pad(` ${r.issue.id} ${r.issue.title}`, labelW - 3), style: selected ? 'selected' : 'label' },
      ];
      row(label, issueCanvas(scale, gridW, r.issue, s, issueShades(base, scale, cal, r.issue), todayCell));
    }
  }
  if (footerRows > 0) {
    while (lines.length < height - footerRows) lines.push([{ text: ' '.repeat(width), style: 'plain' }]);
    for (const text of footerText(input, schedule, index, footerRows)) lines.push([{ text: pad(text, width), style: 'plain' }]);
  }
  return { lines: lines.slice(0, height), offset, hits };
}

function years(scale: Scale): string {
  if (scale.cells.length === 0) return '';
  const a = parts(scale.first).year;
  const b = parts(scale.last).year;
  return a === b ? String(a) : `${a}–${b}`;
}

function legendFor(w: number): string {
  const g = SHADE_GLYPH;
  const long = `${g.weekend}weekend ${g.holiday}holiday ${g.freeze}freeze`;
  return long.length <= w ? long : `${g.weekend}wkend ${g.holiday}hol ${g.freeze}frz`;
}

function scaleCanvas(scale: Scale, w: number): Canvas {
  const c = new Canvas(w);
  c.text(0, scaleLabels(scale), 'heading');
  return c;
}

/** Clip a day span to cell indexes; null when wholly off screen. */
function span(scale: Scale, from: Day, to: Day): [number, number] | null {
  const a = cellOf(scale, from);
  const b = cellOf(scale, to);
  if (b < 0 || a >= scale.cells.length || b < a) return null;
  return [Math.max(0, a), Math.min(scale.cells.length - 1, b)];
}

function paintCells(c: Canvas, scale: Scale, a: number, b: number, ch: string, style: Style): void {
  for (let i = a; i <= b; i++) for (let k = 0; k < scale.cellWidth; k++) c.set(i * scale.cellWidth + k, ch, style);
}

function sprintCanvas(scale: Scale, w: number, schedule: Schedule | null): Canvas {
  const c = new Canvas(w);
  (schedule?.sprints ?? []).forEach((sp, n) => {
    const cells = span(scale, toDay(sp.start), toDay(sp.end));
    if (!cells) return;
    const [a, b] = cells;
    const style: Style = n % 2 ? 'sprintB' : 'sprintA';
    paintCells(c, scale, a, b, '─', style);
    const startCol = a * scale.cellWidth;
    const endCol = (b + 1) * scale.cellWidth - 1;
    const opens = cellOf(scale, toDay(sp.start)) === a;
    const closes = cellOf(scale, toDay(sp.end)) === b;
    if (opens) c.set(startCol, '├', style);
    if (closes && endCol > startCol) c.set(endCol, '┤', style);
    const nameAt = startCol + (opens ? 1 : 0);
    const room = endCol - nameAt + (closes ? 0 : 1);
    if (room >= 2) c.text(nameAt, cut(sp.name, room), style, room);
  });
  return c;
}

function calendarCanvas(scale: Scale, w: number, cal: PlanCalendar, model: Model, today: string): Canvas {
  const c = new Canvas(w);
  headerShades(scale, cal).forEach((s, i) => paintCells(c, scale, i, i, SHADE_GLYPH[s], s === 'work' ? 'plain' : 'shade'));
  for (const m of model.milestones) {
    if (!m.deadline) continue;
    const i = cellOf(scale, toDay(m.deadline));
    if (i >= 0 && i < scale.cells.length) c.set(i * scale.cellWidth, GLYPH.deadline, 'deadline');
  }
  const t = cellOf(scale, toDay(today));
  if (t >= 0 && t < scale.cells.length) c.set(t * scale.cellWidth, GLYPH.todayHead, 'today');
  return c;
}

function background(scale: Scale, w: number, shades: Shade[] | null, todayCell: number): Canvas {
  const c = new Canvas(w);
  if (shades) shades.forEach((s, i) => s !== 'work' && paintCells(c, scale, i, i, SHADE_GLYPH[s], 'shade'));
  if (todayCell >= 0 && todayCell < scale.cells.length) c.set(todayCell * scale.cellWidth, GLYPH.today, 'today');
  return c;
}

function groupCanvas(scale: Scale, w: number, r: Extract<Row, { kind: 'group' }>, schedule: Schedule | null, todayCell: number): Canvas {
  const c = background(scale, w, null, todayCell);
  let from = Infinity;
  let to = -Infinity;
  for (const i of r.issues) {
    const s = schedule?.byId.get(i.id);
    if (s?.start) from = Math.min(from, toDay(s.start));
    const end = s?.pessimisticEnd ?? s?.end;
    if (end) to = Math.max(to, toDay(end));
  }
  const cells = from <= to ? span(scale, from, to) : null;
  if (cells) paintCells(c, scale, cells[0], cells[1], GLYPH.group, 'group');
  return c;
}

function issueCanvas(scale: Scale, w: number, issue: Issue, s: ScheduledIssue | undefined, shades: Shade[], todayCell: number): Canvas {
  const c = background(scale, w, shades, todayCell);
  if (!s?.start || !s.end) return c;
  const start = toDay(s.start);
  const end = toDay(s.end);
  const pess = s.pessimisticEnd && !issue.done ? Math.max(end, toDay(s.pessimisticEnd)) : end;
  if (pess < scale.first) c.set(0, GLYPH.before, 'dim');
  else if (start > scale.last) c.set(w - 1, GLYPH.after, 'dim');
  const bar = span(scale, start, end);
  const glyph = issue.done ? GLYPH.done : GLYPH.expected;
  const style: Style = issue.done ? 'done' : s.critical ? 'crit' : 'bar';
  if (pess > end) {
    const endCell = cellOf(scale, end);
    const tail = span(scale, pess, pess);
    if (tail) paintCells(c, scale, Math.max(0, endCell + 1), tail[1], GLYPH.pessimistic, 'pess');
  }
  if (bar) paintCells(c, scale, bar[0], bar[1], glyph, style);
  return c;
}

function footerText(input: TimelineInput, schedule: Schedule | null, index: RowIndex, rows: number): string[] {
  const out: string[] = [];
  const issue = input.selectedId === null ? undefined : input.model.byId.get(input.selectedId);
  if (input.scheduleError) out.push(`no schedule: ${input.scheduleError}`);
  if (issue) {
    const s = schedule?.byId.get(issue.id);
    const bits = [`${issue.id} ${issue.title}`];
    if (s?.start && s.end) bits.push(`${shortDate(toDay(s.start))}→${shortDate(toDay(s.end))}`);
    if (s?.pessimisticEnd && !issue.done && s.pessimisticEnd !== s.end) bits.push(`pessimistic ${shortDate(toDay(s.pessimisticEnd))}`);
    if (s?.slackDays !== null && s?.slackDays !== undefined && !issue.done) bits.push(`slack ${s.slackDays}d`);
    if (s?.critical && !issue.done) bits.push(schedule?.criticalSource === 'declared' ? `${MARK.critical} on the declared critical path` : `${MARK.critical} drives the finish`);
    if (issue.done) bits.push(`${MARK.done} done`);
    bits.push(`lane ${s?.lane ?? issue.lane ?? 'unassigned'}`);
    out.push(bits.join(' · '));
    out.push(depsText(input.model, schedule, issue));
  } else {
    out.push(`${index.rows.filter((r) => r.kind === 'issue').length} issues`);
  }
  out.push(LEGEND);
  return out.slice(0, rows).map((t) => cut(t, input.width));
}

const dependents = new WeakMap<Model, Map<string, string[]>>();

/** Who depends on each issue (inverse of deps), built once per model. */
export function dependentsOf(model: Model, id: string): string[] {
  let map = dependents.get(model);
  if (!map) {
    map = new Map();
    for (const i of model.issues)
      for (const d of i.deps) {
        const list = map.get(d.id);
        if (list) list.push(i.id);
        else map.set(d.id, [i.id]);
      }
    dependents.set(model, map);
  }
  return map.get(id) ?? [];
}

export function depsText(model: Model, schedule: Schedule | null, issue: Issue): string {
  const needs = issue.deps.map((d) => {
    const dep = model.byId.get(d.id);
    const s = schedule?.byId.get(d.id);
    const state = dep?.done ? ` ${MARK.done}` : s?.end ? ` →${shortDate(toDay(s.end))}` : dep ? '' : ' (unknown)';
    return `${d.id}${state}${d.lagDays ? ` +${d.lagDays}d` : ''}`;
  });
  for (const e of issue.external) needs.push(`${e.title}${e.done ? ` ${MARK.done}` : ''}`);
  const blocks = dependentsOf(model, issue.id);
  return `needs: ${needs.length ? needs.join(', ') : 'nothing'} · blocks: ${blocks.length ? blocks.join(', ') : 'nothing'}`;
}
