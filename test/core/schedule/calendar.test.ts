import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  calendarFor,
  formatISODate,
  isWorkingDay,
  laneHoursOn,
  parseISODate,
  ScheduleError,
  sprintSpans,
  workingDaysBetween,
} from '../../../src/core/schedule/index.js';
import { model } from './helpers.js';

describe('date-only arithmetic', () => {
  it('round-trips dates through day numbers, whatever the TZ', () => {
    for (const d of ['1970-01-01', '2024-02-29', '2025-12-31', '2026-03-29', '2026-10-25', '2100-03-01']) {
      expect(formatISODate(parseISODate(d))).toBe(d);
    }
    expect(parseISODate('2026-01-02') - parseISODate('2026-01-01')).toBe(1);
    // Across DST changes (Europe and US), a day is still a day.
    expect(parseISODate('2026-03-30') - parseISODate('2026-03-28')).toBe(2);
    expect(parseISODate('2026-11-02') - parseISODate('2026-10-31')).toBe(2);
  });

  it('rejects impossible or malformed dates with a ScheduleError', () => {
    expect(() => parseISODate('2026-02-30')).toThrow(ScheduleError);
    expect(() => parseISODate('2026-1-5')).toThrow(/YYYY-MM-DD/);
  });
});

describe('working calendar', () => {
  const m = model({
    calendar: {
      holidays: ['2026-01-01', { name: 'carnival', from: '2026-02-16', to: '2026-02-17' }],
      freezes: [
        { from: '2026-03-02', to: '2026-03-03' },
        { from: '2026-03-09', to: '2026-03-13', tracks: ['infra'] },
      ],
    },
    lanes: [
      { id: 'solo', capacity: '8h/w', time_off: ['2026-01-07', { from: '2026-01-19', to: '2026-01-20' }] },
      { id: 'dev', capacity: '6h/d', changes: [{ from: '2026-02-02', capacity: '3h/d' }] },
    ],
  });

  it('works mon–fri by default and skips holidays (days and ranges) and freezes for everyone', () => {
    expect(isWorkingDay(m, '2026-01-02')).toBe(true); // Friday
    expect(isWorkingDay(m, '2026-01-03')).toBe(false); // Saturday
    expect(isWorkingDay(m, '2026-01-01')).toBe(false); // holiday
    expect(isWorkingDay(m, '2026-02-17')).toBe(false); // holiday range
    expect(isWorkingDay(m, '2026-03-02')).toBe(false); // freeze for everyone
    expect(isWorkingDay(m, '2026-03-09')).toBe(true); // freeze for the infra track only
  });

  it('honours custom workdays', () => {
    const sixDays = model({ workdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] });
    expect(isWorkingDay(sixDays, '2026-01-03')).toBe(true);
    expect(isWorkingDay(sixDays, '2026-01-04')).toBe(false);
  });

  it('adds and counts working days over weekends and holidays', () => {
    expect(addWorkingDays(m, '2025-12-31', 1)).toBe('2026-01-02');
    expect(addWorkingDays(m, '2026-01-02', 1)).toBe('2026-01-05');
    expect(addWorkingDays(m, '2026-01-05', -1)).toBe('2026-01-02');
    expect(addWorkingDays(m, '2026-01-05', 0)).toBe('2026-01-05');
    expect(addWorkingDays(m, '2026-02-13', 1)).toBe('2026-02-18');
    expect(workingDaysBetween(m, '2026-01-05', '2026-01-09')).toBe(4);
    expect(workingDaysBetween(m, '2026-01-09', '2026-01-05')).toBe(-4);
    expect(workingDaysBetween(m, '2025-12-31', '2026-01-05')).toBe(2);
  });

  it('agrees with a day-by-day count far beyond the first cached window, both ways', () => {
    const naiveAdd = (from: string, n: number) => {
      let d = parseISODate(from);
      for (let k = 0; k < Math.abs(n); ) {
        d += Math.sign(n);
        if (isWorkingDay(m, formatISODate(d))) k++;
      }
      return formatISODate(d);
    };
    for (const n of [2600, -2600, 7, -7, 261]) expect(addWorkingDays(m, '2026-01-05', n)).toBe(naiveAdd('2026-01-05', n));
    // ten years back: 2,610 weekdays after 2016-01-04 up to 2026-01-05, less the holiday on 2026-01-01
    expect(workingDaysBetween(m, '2016-01-04', '2026-01-05')).toBe(2610 - 1);
  });

  it('spreads 8h/w over the normal working days; a holiday or time off removes that day only', () => {
    expect(laneHoursOn(m, 'solo', '2026-01-05')).toBeCloseTo(1.6);
    expect(laneHoursOn(m, 'solo', '2026-01-02')).toBeCloseTo(1.6); // holiday week: no top-up
    expect(laneHoursOn(m, 'solo', '2026-01-01')).toBe(0);
    expect(laneHoursOn(m, 'solo', '2026-01-07')).toBe(0); // single day off
    expect(laneHoursOn(m, 'solo', '2026-01-20')).toBe(0); // range off
    const week = ['2026-01-12', '2026-01-13', '2026-01-14', '2026-01-15', '2026-01-16'];
    expect(week.reduce((h, d) => h + laneHoursOn(m, 'solo', d), 0)).toBeCloseTo(8);
  });

  it('applies capacity changes from their date on', () => {
    expect(laneHoursOn(m, 'dev', '2026-01-30')).toBe(6);
    expect(laneHoursOn(m, 'dev', '2026-02-02')).toBe(3);
  });

  it('needs at least one working weekday', () => {
    expect(() => calendarFor(model({ workdays: [] }))).toThrow(/no working weekdays/);
  });
});

describe('sprints from the cadence', () => {
  it('reproduces the platform-delivery dates: a sprint that would overlap the freeze starts after it', () => {
    const m = model({
      calendar: {
        freezes: [{ name: 'Change freeze', from: '2025-12-22', to: '2026-01-02' }],
        sprints: { length: '2w', start: '2025-10-27', list: [1, 2, 3, 4, 5, 6, 7].map((i) => ({ name: `Sprint ${i}` })) },
      },
    });
    const s = sprintSpans(m);
    expect(s.map((x) => [x.name, x.start, x.end])).toEqual([
      ['Sprint 1', '2025-10-27', '2025-11-07'],
      ['Sprint 2', '2025-11-10', '2025-11-21'],
      ['Sprint 3', '2025-11-24', '2025-12-05'],
      ['Sprint 4', '2025-12-08', '2025-12-19'],
      ['Sprint 5', '2026-01-05', '2026-01-16'],
      ['Sprint 6', '2026-01-19', '2026-01-30'],
      ['Sprint 7', '2026-02-02', '2026-02-13'],
    ]);
  });

  it('lets explicit dates override the cadence, and later sprints follow on', () => {
    const m = model({
      calendar: {
        sprints: {
          length: '1w',
          start: '2026-01-05',
          list: [{ name: 'A' }, { name: 'B', start: '2026-01-21', end: '2026-01-23' }, { name: 'C' }],
        },
      },
    });
    expect(sprintSpans(m).map((x) => [x.start, x.end])).toEqual([
      ['2026-01-05', '2026-01-09'],
      ['2026-01-21', '2026-01-23'],
      ['2026-01-26', '2026-01-30'],
    ]);
  });

  it('does not move sprints for a freeze limited to some tracks; a holiday does not stretch a sprint', () => {
    const m = model({
      calendar: {
        holidays: ['2026-01-07'],
        freezes: [{ from: '2026-01-12', to: '2026-01-16', tracks: ['infra'] }],
        sprints: { length: '1w', start: '2026-01-05' },
      },
    });
    expect(sprintSpans(m, '2026-01-20').map((x) => [x.name, x.start, x.end])).toEqual([
      ['Sprint 1', '2026-01-05', '2026-01-09'],
      ['Sprint 2', '2026-01-12', '2026-01-16'],
      ['Sprint 3', '2026-01-19', '2026-01-23'],
    ]);
  });
});
