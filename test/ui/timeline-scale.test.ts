import { describe, expect, it } from 'vitest';
import { fromDay, mondayOf, monthStart, toDay, weekdayOf } from '../../src/ui/layout/dates.js';
import { buildScale, cellOf, firstVisibleDay, scaleLabels, zoomBy } from '../../src/ui/layout/scale.js';

describe('calendar-date arithmetic', () => {
  it('round-trips YYYY-MM-DD through day numbers in any time zone', () => {
    for (const d of ['1970-01-01', '2024-02-29', '2025-12-31', '2026-03-29', '2026-10-25']) expect(fromDay(toDay(d))).toBe(d);
    expect(toDay('2026-01-01') - toDay('2025-12-31')).toBe(1);
  });
  it('knows weekdays and Mondays', () => {
    expect(weekdayOf(toDay('2026-01-07'))).toBe(3); // Wednesday
    expect(fromDay(mondayOf(toDay('2026-01-07')))).toBe('2026-01-05');
    expect(fromDay(mondayOf(toDay('2026-01-04')))).toBe('2025-12-29'); // Sunday belongs to the week before
    expect(fromDay(monthStart(toDay('2026-01-31'), 1))).toBe('2026-02-01');
    expect(fromDay(monthStart(toDay('2026-01-31'), -1))).toBe('2025-12-01');
  });
});

describe('zoom levels', () => {
  it('zooms in from months to weeks to days and stops at either end', () => {
    expect(zoomBy('month', 1)).toBe('week');
    expect(zoomBy('week', 1)).toBe('day');
    expect(zoomBy('day', 1)).toBe('day');
    expect(zoomBy('week', -1)).toBe('month');
    expect(zoomBy('month', -1)).toBe('month');
  });
  it('opens on the current week (day), the week before (week) or the current month (month)', () => {
    const today = toDay('2026-01-07');
    expect(fromDay(firstVisibleDay(today, 'day', 0))).toBe('2026-01-05');
    expect(fromDay(firstVisibleDay(today, 'week', 0))).toBe('2025-12-29');
    expect(fromDay(firstVisibleDay(today, 'month', 0))).toBe('2025-12-29'); // the Monday before Jan 1
  });
  it('scrolls by one zoom unit (day, week, month) per step, backwards too', () => {
    const today = toDay('2026-01-07');
    expect(fromDay(firstVisibleDay(today, 'day', 3))).toBe('2026-01-08');
    expect(fromDay(firstVisibleDay(today, 'week', -2))).toBe('2025-12-15');
    expect(fromDay(firstVisibleDay(today, 'month', 1))).toBe('2026-01-26'); // Monday on or before Feb 1
  });
});

describe('columns', () => {
  it('fits as many whole cells as the width allows: 3 columns a day at day zoom', () => {
    expect(buildScale('2026-01-07', 'day', 0, 20).cells).toHaveLength(6);
    expect(buildScale('2026-01-07', 'week', 0, 20).cells).toHaveLength(20);
    const month = buildScale('2026-01-07', 'month', 0, 10);
    expect(month.cells).toHaveLength(10);
    expect(month.cells[1].from - month.cells[0].from).toBe(7);
  });
  it('maps a date to its cell, and dates off screen to -1 or the cell count', () => {
    const s = buildScale('2026-01-07', 'week', 0, 14); // Dec 29 .. Jan 11
    expect(cellOf(s, toDay('2026-01-07'))).toBe(9);
    expect(cellOf(s, toDay('2025-12-28'))).toBe(-1);
    expect(cellOf(s, toDay('2026-01-12'))).toBe(14);
    const m = buildScale('2026-01-07', 'month', 0, 8);
    expect(cellOf(m, toDay('2026-01-07'))).toBe(1);
  });
  it('labels Mondays at week zoom, dropping labels that would touch', () => {
    expect(scaleLabels(buildScale('2026-01-07', 'week', 0, 21))).toBe('Dec 29 Jan 05 Jan 12 ');
    expect(scaleLabels(buildScale('2026-01-07', 'week', 0, 19))).toBe('Dec 29 Jan 05      ');
  });
  it('labels days at day zoom, with the month name on the 1st (the 2nd gives way to it)', () => {
    expect(scaleLabels(buildScale('2026-01-26', 'day', 0, 27))).toBe('26 27 28 29 30 31 Feb   03 ');
  });
  it('labels months at month zoom, at the week holding the 1st', () => {
    // Oct 27, Nov 3, … : Nov 1 falls in the first cell, Dec 1 in the sixth, Jan 1 in the tenth.
    expect(scaleLabels(buildScale('2025-11-10', 'month', 0, 14))).toBe('Nov  Dec Jan  ');
  });
});
