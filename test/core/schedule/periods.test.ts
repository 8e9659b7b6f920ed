// Capacity periods (week, month, quarter) as calendar spans: ISO weeks that start on Monday and
// belong to the year of their Thursday, months and quarters from their first day to their last,
// and a run of periods that covers every day once. Runs the same in any time zone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodOf, periodsBetween } from '../../../src/core/schedule/capacity.js';
import { formatISODate, parseISODate, weekdayOf } from '../../../src/core/schedule/dates.js';
import type { Schedule } from '../../../src/core/schedule/types.js';

const span = (period: 'week' | 'month' | 'quarter', iso: string) => {
  const p = periodOf(period, parseISODate(iso));
  return { key: p.key, start: formatISODate(p.start), end: formatISODate(p.end) };
};

describe('capacity periods', () => {
  it('names ISO weeks by the year of their Thursday', () => {
    expect(span('week', '2026-01-01')).toEqual({ key: '2026-W01', start: '2025-12-29', end: '2026-01-04' });
    expect(span('week', '2027-01-01')).toEqual({ key: '2026-W53', start: '2026-12-28', end: '2027-01-03' });
    expect(span('week', '2024-12-30')).toEqual({ key: '2025-W01', start: '2024-12-30', end: '2025-01-05' });
  });

  it('runs months and quarters from their first day to their last, leap years included', () => {
    expect(span('month', '2028-02-15')).toEqual({ key: '2028-02', start: '2028-02-01', end: '2028-02-29' });
    expect(span('month', '2026-12-31')).toEqual({ key: '2026-12', start: '2026-12-01', end: '2026-12-31' });
    expect(span('quarter', '2026-08-09')).toEqual({ key: '2026-Q3', start: '2026-07-01', end: '2026-09-30' });
    expect(span('quarter', '2026-12-31')).toEqual({ key: '2026-Q4', start: '2026-10-01', end: '2026-12-31' });
  });

  it('covers any range with contiguous periods that each hold their own days', () => {
    const day = fc.integer({ min: parseISODate('1999-01-01'), max: parseISODate('2101-12-31') });
    fc.assert(
      fc.property(fc.constantFrom('week' as const, 'month' as const, 'quarter' as const), day, fc.nat(800), (period, from, len) => {
        const spans = periodsBetween(period, from, from + len, {} as Schedule);
        expect(spans[0].start).toBeLessThanOrEqual(from);
        expect(spans.at(-1)!.end).toBeGreaterThanOrEqual(from + len);
        for (const [i, p] of spans.entries()) {
          if (i > 0) expect(p.start).toBe(spans[i - 1].end + 1);
          expect(periodOf(period, p.start)).toEqual(p);
          expect(periodOf(period, p.end)).toEqual(p);
          if (period === 'week') {
            expect(weekdayOf(p.start)).toBe(0);
            expect(p.end - p.start).toBe(6);
          } else {
            expect(formatISODate(p.start).slice(8)).toBe('01');
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
