// Calendar-date helpers for the timeline's columns and labels, on core's day numbers
// (days since 1970-01-01, zone-free): this file adds only display conventions.
import { dayOf, formatISODate, parseISODate, weekdayOf as mondayFirstWeekday, ymd } from '../../core/schedule/dates.js';

export type Day = number;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export const toDay: (iso: string) => Day = parseISODate;
export const fromDay: (day: Day) => string = formatISODate;

/** 0 = Sunday … 6 = Saturday, indexing WEEKDAYS. */
export function weekdayOf(day: Day): number {
  return (mondayFirstWeekday(day) + 1) % 7;
}

/** The Monday on or before `day`. */
export function mondayOf(day: Day): Day {
  return day - mondayFirstWeekday(day);
}

export function parts(day: Day): { year: number; month: number; date: number } {
  const { y, m, d } = ymd(day);
  return { year: y, month: m, date: d };
}

/** First day of the month `delta` months after the month holding `day`. */
export function monthStart(day: Day, delta = 0): Day {
  const { y, m } = ymd(day);
  return dayOf(y, m + delta, 1);
}

export function monthName(month: number): string {
  return MONTHS[month - 1];
}

/** `Jan 12` */
export function shortDate(day: Day): string {
  const { month, date } = parts(day);
  return `${monthName(month)} ${String(date).padStart(2, '0')}`;
}
