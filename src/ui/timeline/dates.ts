// Calendar dates as integers (days since 1970-01-01), so column arithmetic never meets a time
// zone: `YYYY-MM-DD` in, `YYYY-MM-DD` out, no instants in between.
export type Day = number;

const MS_PER_DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export function toDay(iso: string): Day {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function fromDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The Monday on or before `day`. */
export function mondayOf(day: Day): Day {
  return day - ((weekdayOf(day) + 6) % 7);
}

export function parts(day: Day): { year: number; month: number; date: number } {
  const [year, month, date] = fromDay(day).split('-').map(Number);
  return { year, month, date };
}

/** First day of the month `delta` months after the month holding `day`. */
export function monthStart(day: Day, delta = 0): Day {
  const { year, month } = parts(day);
  return Math.round(Date.UTC(year, month - 1 + delta, 1) / MS_PER_DAY);
}

export function monthName(month: number): string {
  return MONTHS[month - 1];
}

/** `Jan 12` */
export function shortDate(day: Day): string {
  const { month, date } = parts(day);
  return `${monthName(month)} ${String(date).padStart(2, '0')}`;
}
