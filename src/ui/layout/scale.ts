// What the timeline shows across: which calendar days each column covers, per zoom level.
//   day   — one day per cell, 3 columns wide, labelled with the day of the month;
//   week  — one day per column, labelled at each Monday (`Jan 12`);
//   month — one week per column, labelled at each month.
// `scroll` counts zoom units (days, weeks, months) from the default view, which opens on the
// current week (day), the week before (week) or the current month (month). It may be negative.
import type { TimelineZoom } from '../../store/types.js';
import { type Day, mondayOf, monthName, monthStart, parts, toDay } from './dates.js';

export type Zoom = TimelineZoom;

/** Coarse to fine: `+` moves right, `-` moves left. */
export const ZOOMS: readonly Zoom[] = ['month', 'week', 'day'];

export function zoomBy(zoom: Zoom, delta: number): Zoom {
  const i = Math.max(0, Math.min(ZOOMS.length - 1, ZOOMS.indexOf(zoom) + Math.sign(delta)));
  return ZOOMS[i];
}

const GEOMETRY: Record<Zoom, { cellWidth: number; daysPerCell: number }> = {
  day: { cellWidth: 3, daysPerCell: 1 },
  week: { cellWidth: 1, daysPerCell: 1 },
  month: { cellWidth: 1, daysPerCell: 7 },
};

export interface Cell {
  from: Day;
  /** Inclusive. */
  to: Day;
}

export interface Scale {
  zoom: Zoom;
  cellWidth: number;
  daysPerCell: number;
  cells: Cell[];
  /** First and last day shown. */
  first: Day;
  last: Day;
  /** Text columns the cells take (cells × cellWidth). */
  width: number;
}

export function firstVisibleDay(today: Day, zoom: Zoom, scroll: number): Day {
  if (zoom === 'day') return mondayOf(today) + scroll;
  if (zoom === 'week') return mondayOf(today) - 7 + 7 * scroll;
  return mondayOf(monthStart(today, scroll));
}

/** The cells that fit in `columns` text columns. */
export function buildScale(today: string, zoom: Zoom, scroll: number, columns: number): Scale {
  const { cellWidth, daysPerCell } = GEOMETRY[zoom];
  const first = firstVisibleDay(toDay(today), zoom, scroll);
  const count = Math.max(0, Math.floor(columns / cellWidth));
  const cells: Cell[] = [];
  for (let i = 0; i < count; i++) cells.push({ from: first + i * daysPerCell, to: first + (i + 1) * daysPerCell - 1 });
  return { zoom, cellWidth, daysPerCell, cells, first, last: first + count * daysPerCell - 1, width: count * cellWidth };
}

/** Cell index holding `day`; -1 before the first cell, cells.length after the last. */
export function cellOf(scale: Scale, day: Day): number {
  if (day < scale.first) return -1;
  if (day > scale.last) return scale.cells.length;
  return Math.floor((day - scale.first) / scale.daysPerCell);
}

/** The scale row's text: labels placed left to right, dropped when they would touch the previous. */
export function scaleLabels(scale: Scale): string {
  const out = Array<string>(scale.width).fill(' ');
  let free = 0; // first column a label may start at
  scale.cells.forEach((cell, i) => {
    const text = labelFor(scale, cell, i);
    if (!text) return;
    const at = i * scale.cellWidth;
    if (at < free || at + text.length > scale.width) return;
    for (let k = 0; k < text.length; k++) out[at + k] = text[k];
    free = at + text.length + 1;
  });
  return out.join('');
}

function labelFor(scale: Scale, cell: Cell, index: number): string | null {
  const { month, date } = parts(cell.from);
  if (scale.zoom === 'day') return date === 1 ? monthName(month) : String(date).padStart(2, '0');
  if (scale.zoom === 'week') return (cell.from - mondayOf(cell.from) === 0 ? `${monthName(month)} ${String(date).padStart(2, '0')}` : null);
  // month zoom: the cell holding the 1st of a month, or the first cell (which may start mid-month)
  const firstOfMonth = monthStart(cell.to);
  if (firstOfMonth >= cell.from || index === 0) {
    return monthName(parts(firstOfMonth >= cell.from ? firstOfMonth : cell.from).month);
  }
  return null;
}
