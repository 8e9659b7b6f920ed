// The capacity pane as lines: per lane and period, hours available against hours planned (and
// logged) as bars, over-allocation marked; the milestone forecasts as a table; and, for plans
// with scenarios, each scenario's finish side by side.
import type { Model } from '../../core/plan/model.js';
import type { CapacityCell, LaneCapacity, MilestoneForecast, Period } from '../../core/schedule/types.js';
import { UNASSIGNED } from '../../core/schedule/types.js';
import type { MilestoneOdds } from '../../core/schedule/forecast-mc.js';
import { MARKS } from '../theme-core.js';
import { type Cell, type Column, layoutTable } from '../widgets/TableLayout.js';
import { parts, toDay } from './dates.js';
import { clipLine, cut, pad, type Line, widthOf } from './segments.js';
import { currentPeriodIndex } from '../../store/selectors.js';
import type { ScenarioFinish } from '../../store/selectors.js';

export const BAR = { logged: '▒', planned: '█', free: '░', over: '▓', none: '·' } as const;


export interface CapacityInput {
  model: Model;
  capacity: LaneCapacity[];
  milestones: MilestoneForecast[];
  period: Period;
  today: string;
  scenarios: ScenarioFinish[];
  scenario: string | undefined;
  width: number;
  height: number;
  /** Periods scrolled from the one holding today (negative: earlier), kept within the periods. */
  periodOffset?: number;
  scheduleError?: string | null;
  /** How many open issues have no estimate and what was assumed (a header line); null when none. */
  unestimated?: string | null;
  /** Monte Carlo odds per milestone (the Odds and P85 columns). */
  odds?: MilestoneOdds[];
}

const hours = (n: number) => String(Math.round(n * 10) / 10);

/** Bar of `w` cells for one lane-period: logged ▒, planned █, free ░, beyond available ▓. */
export function capacityBar(cell: CapacityCell, w: number): Line {
  const load = cell.plannedHours + cell.loggedHours;
  const top = Math.max(cell.availableHours, load);
  if (top <= 0 || w <= 0) return [{ text: BAR.none.repeat(Math.max(0, w)), style: 'shade' }];
  const at = (h: number) => Math.round((h / top) * w);
  const logged = at(cell.loggedHours);
  const used = Math.max(logged, at(load));
  const avail = at(cell.availableHours);
  const segs: Line = [
    { text: BAR.logged.repeat(logged), style: 'done' },
    { text: BAR.planned.repeat(Math.max(0, Math.min(used, avail) - logged)), style: 'bar' },
    { text: BAR.over.repeat(Math.max(0, used - Math.max(avail, logged))), style: 'over' },
    { text: BAR.free.repeat(Math.max(0, avail - used)), style: 'shade' },
  ];
  return segs.filter((s) => s.text.length > 0);
}

function laneName(model: Model, id: string): string {
  if (id === UNASSIGNED) return UNASSIGNED;
  const l = model.laneById.get(id);
  return l ? l.name : id;
}


/** Lane × period matrix: header line plus one line per lane (at most `rows` lanes). */
export function capacityMatrix(input: CapacityInput, rows: number): Line[] {
  const { capacity, width } = input;
  if (capacity.length === 0) return [[{ text: pad('No lanes to show.', width), style: 'dim' }]];
  const all = capacity[0].periods;
  const at = currentPeriodIndex(all, input.today);
  const first = Math.max(0, Math.min(at + (input.periodOffset ?? 0), Math.max(at, all.length - 1)));
  // How many earlier periods there are (h shows them) heads the lane names.
  const corner = first > 0 ? `‹${first} lane` : 'lane';
  const laneW = Math.min(16, Math.max(6, widthOf(corner), ...capacity.map((l) => widthOf(cut(laneName(input.model, l.lane), 16)))));
  const load = (c: CapacityCell) => Math.max(c.plannedHours, c.committedHours ?? 0) + c.loggedHours;
  const numbers = capacity.flatMap((l) => l.periods.slice(first).map((c) => `${hours(load(c))}/${hours(c.availableHours)}`));
  const numW = Math.max(5, ...numbers.slice(0, 200).map((s) => s.length));
  const barW = width - laneW >= 3 * (numW + 12) ? 8 : 5;
  const cellW = barW + 1 + numW + 1; // bar, space, numbers, over-mark
  // Room is kept for the "+N›" that says more periods follow.
  const count = Math.max(1, Math.floor((width - laneW - 5) / (cellW + 1)));
  const shown = capacity[0].periods.slice(first, first + count);
  const more = capacity[0].periods.length - first - shown.length;

  const header: Line = [{ text: pad(corner, laneW), style: 'heading' }];
  for (const c of shown) header.push({ text: ' ' + pad(periodLabel(c, input.period), cellW), style: 'heading' });
  if (more > 0) header.push({ text: ` +${more}›`, style: 'dim' });
  const out: Line[] = [clipLine(header, width)];
  if (shown.length === 0) {
    const why = capacity[0].periods.length === 0 && input.period === 'sprint' ? 'This plan has no sprints.' : 'No periods from today on.';
    return [...out, [{ text: pad(why, width), style: 'dim' }]];
  }

  const lanes = capacity.slice(0, rows);
  for (const lane of lanes) {
    const cells = lane.periods.slice(first, first + count);
    const over = cells.some((c) => c.over);
    const line: Line = [{ text: pad(laneName(input.model, lane.lane), laneW), style: over ? 'over' : 'label' }];
    for (const c of cells) {
      line.push({ text: ' ', style: 'plain' }, ...capacityBar(c, barW));
      const n = `${hours(load(c))}/${hours(c.availableHours)}`;
      line.push({ text: ' ' + n.padStart(numW), style: c.over ? 'over' : 'plain' });
      line.push({ text: c.over ? MARKS.over : ' ', style: 'over' });
    }
    out.push(clipLine(line, width));
  }
  if (capacity.length > lanes.length) out.push([{ text: pad(`… ${capacity.length - lanes.length} more lanes`, width), style: 'dim' }]);
  return out;
}

function periodLabel(c: CapacityCell, period: Period): string {
  if (period === 'week') {
    const { month, date } = parts(toDay(c.start));
    return `${c.period.slice(5)} ${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
  }
  return c.period;
}

/** `Jan 30`, with the year when it is not today's. */
export function dateCell(iso: string | null, today: string): string {
  if (!iso) return '—';
  const d = parts(toDay(iso));
  const m = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.month - 1];
  const s = `${m} ${String(d.date).padStart(2, '0')}`;
  return d.year === parts(toDay(today)).year ? s : `${s} ${d.year}`;
}

export function verdictCell(m: MilestoneForecast): Cell {
  if (m.verdict === 'late') return { text: `${MARKS.over} late +${m.slipDays}d`, style: 'over' };
  if (m.verdict === 'at-risk') return { text: `~ at-risk`, style: 'warn' };
  if (m.verdict === 'on-track') return { text: `${MARKS.done} on-track`, style: 'ok' };
  return { text: 'no deadline', style: 'dim' };
}

export const MILESTONE_COLUMNS: Column[] = [
  { title: 'Milestone', min: 6 },
  { title: 'Due' },
  { title: 'Est', align: 'right' },
  { title: 'Left', align: 'right' },
  { title: 'Done', align: 'right' },
  { title: 'Expected' },
  { title: 'Optimist' },
  { title: 'Pessimist' },
  { title: 'Verdict', min: 9 },
];
/** With the Monte Carlo forecast: the chance of landing by the deadline, and the P85 date. */
export const ODDS_COLUMNS: Column[] = [{ title: 'Odds', align: 'right' }, { title: 'P85' }];

export function milestoneRows(model: Model, milestones: MilestoneForecast[], today: string, odds: MilestoneOdds[] = []): Cell[][] {
  const days = (h: number) => `${hours(h / model.hoursPerDay)}d`;
  const oddsOf = new Map(odds.map((o) => [o.id, o]));
  return milestones.map((m) => [
    m.title ? `${m.id} ${m.title}` : m.id,
    dateCell(m.deadline, today),
    days(m.estimateHours) + (m.unestimated ? `+${m.unestimated}${MARKS.unestimated}` : ''),
    days(m.remainingHours),
    `${Math.round(m.progressEstimate * 100)}%`,
    dateCell(m.expected, today),
    dateCell(m.optimistic, today),
    dateCell(m.pessimistic, today),
    verdictCell(m),
    ...(odds.length > 0 ? [oddsCell(oddsOf.get(m.id)), dateCell(oddsOf.get(m.id)?.p85 ?? null, today)] : []),
  ]);
}

/** The Monte Carlo chance of landing by the deadline. */
export function oddsCell(o: MilestoneOdds | undefined): Cell {
  if (!o || o.probability === null) return { text: '—', style: 'dim' };
  const pctText = `${Math.round(o.probability * 100)}%`;
  return { text: pctText, style: o.probability >= 0.85 ? 'ok' : o.probability >= 0.5 ? 'warn' : 'over' };
}

/** `scenario: ▶ plan Mar 02 │ 2-dev Apr 10 │ …` — every scenario's finish on one line. */
export function scenarioLine(scenarios: ScenarioFinish[], current: string | undefined, today: string, width: number): Line {
  const line: Line = [{ text: 'finish: ', style: 'heading' }];
  scenarios.forEach((s, i) => {
    if (i > 0) line.push({ text: ' │ ', style: 'dim' });
    const on = s.id === current;
    line.push({ text: `${on ? MARKS.selected : ' '}${cut(s.title, 20)} ${s.error ? '(error)' : dateCell(s.finish, today)}`, style: on ? 'selected' : 'plain' });
  });
  return clipLine(line, width);
}

export function layoutCapacity(input: CapacityInput): Line[] {
  const { width, height } = input;
  if (height <= 0 || width <= 0) return [];
  const current = input.scenarios.find((s) => s.id === input.scenario);
  const title = `Capacity by ${input.period} · ${current ? current.title : 'plan as written'} · ${BAR.logged} logged ${BAR.planned} planned ${BAR.free} free ${BAR.over} over ${MARKS.over}`;
  const top: Line[] = [[{ text: pad(title, width), style: 'heading' }]];
  if (input.scenarios.length > 1) top.push(scenarioLine(input.scenarios, input.scenario, input.today, width));
  if (input.scheduleError) top.push([{ text: pad(`no schedule: ${input.scheduleError}`, width), style: 'over' }]);
  if (input.unestimated) top.push([{ text: pad(cut(input.unestimated, width), width), style: 'warn' }]);

  // With odds: all columns when wide; when narrow, the odds and P85 take the place of the
  // optimistic and pessimistic dates (the Monte Carlo says more about the spread than they do).
  const withOdds = (input.odds?.length ?? 0) > 0;
  const narrow = withOdds && width < 110;
  const keep = (_: unknown, k: number) => !narrow || (k !== 6 && k !== 7);
  const columns = withOdds ? [...MILESTONE_COLUMNS, ...ODDS_COLUMNS].filter(keep) : MILESTONE_COLUMNS;
  const rows = milestoneRows(input.model, input.milestones, input.today, input.odds).map((r) => r.filter(keep));
  const table = input.milestones.length ? layoutTable(columns, rows, width) : [];
  const room = height - top.length;
  const matrixNeed = input.capacity.length + 1;
  const tableNeed = table.length ? table.length + 1 : 0; // with a blank line before it
  let lanes = input.capacity.length;
  let tableRows = table.length;
  if (matrixNeed + tableNeed > room) {
    // Share the room: the matrix keeps at least half when it needs it, the table the rest.
    const matrixRoom = table.length ? Math.max(2, Math.min(matrixNeed, Math.ceil(room / 2))) : room;
    lanes = Math.max(0, Math.min(input.capacity.length, matrixRoom - 1 - (matrixRoom - 1 < input.capacity.length ? 1 : 0)));
    tableRows = Math.max(0, room - (lanes + 1 + (lanes < input.capacity.length ? 1 : 0)) - 1);
  }
  const out = [...top, ...capacityMatrix(input, lanes)];
  if (tableRows >= 3) {
    out.push([{ text: ' '.repeat(width), style: 'plain' }]);
    const keep = tableRows < table.length ? tableRows - 1 : tableRows;
    out.push(...table.slice(0, keep));
    if (keep < table.length) out.push([{ text: pad(`… ${table.length - keep} more milestones`, width), style: 'dim' }]);
  }
  return out.slice(0, height);
}

