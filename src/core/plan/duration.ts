// Durations and capacities as people write them, converted to hours.
import { CAPACITY_RE, DURATION_RE } from './schema.js';

/** A duration in hours: a single value has min = expected = max. */
export interface Hours {
  min: number;
  expected: number;
  max: number;
}

const UNIT_DAYS = { h: 0, d: 1, w: 5 } as const;

/** `2h`, `1.5d`, `1w` (five working days), `3-5d`; a bare number means days. Throws on bad input. */
export function parseDuration(text: string | number, hoursPerDay: number): Hours {
  const m = DURATION_RE.exec(String(text));
  if (!m) throw new Error(`bad duration "${text}": expected e.g. 2h, 1.5d, 1w or 3-5d`);
  const unit = (m[3] ?? 'd') as keyof typeof UNIT_DAYS;
  const toHours = (n: number) => (unit === 'h' ? n : n * UNIT_DAYS[unit] * hoursPerDay);
  const min = toHours(Number(m[1]));
  const max = m[2] === undefined ? min : toHours(Number(m[2]));
  if (min > max) throw new Error(`bad range "${text}": min is greater than max`);
  return { min, expected: (min + max) / 2, max };
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
