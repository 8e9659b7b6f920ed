// The one parser for dates a person types (command lines, prompts): calendar dates YYYY-MM-DD,
// checked and formatted with date-fns, plus `today`, `yesterday` and `tomorrow` relative to the
// caller's today. A calendar date has no time zone: parsing and formatting both stay local, so
// the same string comes back in every zone. date-fns' ISO functions, not `parse`/`format`: those
// pull in every token parser and the en-US locale (96 KB bundled, ~17 ms at start-up, measured).
import { addDays, formatISO, isValid, parseISO } from 'date-fns';

/** A date that is not a real calendar day, with a message fit to print. */
export class DateInputError extends Error {}

const ISO_DATE = { representation: 'date' } as const;
const SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const RELATIVE: Record<string, number> = { yesterday: -1, today: 0, tomorrow: 1 };

/** Whether `text` is a real calendar date written YYYY-MM-DD (2026-02-30 and 2026-13-01 are not). */
export function isCalendarDate(text: string): boolean {
  // parseISO also reads weeks (2026-W10) and ordinals (2026-061); the shape keeps the plan's form.
  // It refuses a day the month does not have (2026-02-30) as an Invalid Date.
  return SHAPE.test(text) && isValid(parseISO(text));
}

/**
 * `YYYY-MM-DD` (a real day) or today / yesterday / tomorrow, relative to `today` (itself
 * YYYY-MM-DD). Returns YYYY-MM-DD; throws DateInputError naming what was wrong.
 */
export function parseDateInput(text: string, today?: string): string {
  const t = text.trim().toLowerCase();
  if (t in RELATIVE) {
    if (today === undefined) throw new DateInputError(`"${text}" needs a today to count from`);
    return shiftDate(today, RELATIVE[t]);
  }
  if (!SHAPE.test(t)) throw new DateInputError(`"${text}" is not a date: expected YYYY-MM-DD, e.g. 2026-03-02`);
  if (!isCalendarDate(t)) throw new DateInputError(`"${text}" is not a calendar date (${whyNot(t)})`);
  return t;
}

function whyNot(iso: string): string {
  const month = Number(iso.slice(5, 7));
  if (month < 1 || month > 12) return `there is no month ${month}`;
  return `${iso.slice(0, 7)} has no day ${Number(iso.slice(8, 10))}`;
}

/** `iso` moved by `days` calendar days. */
export function shiftDate(iso: string, days: number): string {
  if (!isCalendarDate(iso)) throw new DateInputError(`"${iso}" is not a calendar date`);
  return formatISO(addDays(parseISO(iso), days), ISO_DATE);
}

/** The local calendar date of an instant: the user's today. */
export function todayOf(now: Date = new Date()): string {
  return formatISO(now, ISO_DATE);
}
