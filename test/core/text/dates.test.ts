// The one date parser: calendar dates only, the same in every time zone (vitest runs in
// Pacific/Kiritimati, UTC+14).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isCalendarDate, parseDateInput, shiftDate, todayOf } from '../../../src/core/text/dates.js';
import { formatISODate, isISODate } from '../../../src/core/schedule/dates.js';

describe('parseDateInput', () => {
  it('takes a real calendar date as it is', () => {
    expect(parseDateInput('2026-03-02')).toBe('2026-03-02');
    expect(parseDateInput('2024-02-29')).toBe('2024-02-29');
  });
  it.each([
    ['2026-13-01', /"2026-13-01" is not a calendar date \(there is no month 13\)/],
    ['2026-02-30', /"2026-02-30" is not a calendar date \(2026-02 has no day 30\)/],
    ['2025-02-29', /2025-02 has no day 29/],
    ['2026-00-10', /there is no month 0/],
    ['2026-1-5', /"2026-1-5" is not a date: expected YYYY-MM-DD/],
    ['10/03/2026', /is not a date/],
    ['', /is not a date/],
  ])('refuses %s', (t, message) => {
    expect(() => parseDateInput(t)).toThrow(message);
  });
  it('today, yesterday and tomorrow count from the given today, across months and years', () => {
    expect(parseDateInput('today', '2026-03-01')).toBe('2026-03-01');
    expect(parseDateInput('yesterday', '2026-03-01')).toBe('2026-02-28');
    expect(parseDateInput('Tomorrow', '2026-12-31')).toBe('2027-01-01');
  });
  it('agrees with the scheduler\'s day numbers on every day of four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (day) => {
        const iso = formatISODate(day);
        expect(isCalendarDate(iso)).toBe(true);
        expect(shiftDate(iso, 1)).toBe(formatISODate(day + 1));
      }),
      { numRuns: 500 },
    );
  });
  it('agrees with the plan\'s own check on malformed and impossible dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(isCalendarDate(iso)).toBe(isISODate(iso));
      }),
      { numRuns: 1000 },
    );
  });
  it('today is the local calendar date', () => {
    expect(todayOf(new Date(2026, 2, 2, 23, 59))).toBe('2026-03-02');
  });
});
