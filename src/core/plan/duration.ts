// Durations and capacities as people write them, converted to hours.
import { CAPACITY_RE } from './format.js';
import { parseDurationText, type Hours } from '../text/duration.js';

/** A duration in hours: a single value has min = expected = max. */
export type { Hours };

/** `2h`, `1.5d`, `1w` (five working days), `3-5d`; a bare number means days. Throws on bad input. */
export function parseDuration(text: string | number, hoursPerDay: number): Hours {
  return parseDurationText(text, { hoursPerDay, bare: 'd' });
}

/** `8h/w`, `6h/d`, or a bare number of hours per week. */
export function parseCapacity(text: string | number): { hours: number; per: 'w' | 'd' } {
  const s = String(text);
  if (/^\s*\d+(\.\d+)?\s*$/.test(s)) return { hours: Number(s), per: 'w' };
  const m = CAPACITY_RE.exec(s);
  if (!m) throw new Error(`bad capacity "${text}": expected e.g. 8h/w or 6h/d`);
  return { hours: Number(m[1]), per: m[2] as 'w' | 'd' };
}

/** Formats hours back into the shortest readable unit: `6h`, `1.5d`, `2w`. */
export function formatHours(hours: number, hoursPerDay: number): string {
  const round = (n: number) => String(Math.round(n * 100) / 100);
  if (hours < hoursPerDay) return `${round(hours)}h`;
  return `${round(hours / hoursPerDay)}d`;
}
