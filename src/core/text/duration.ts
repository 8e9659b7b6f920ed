// The one parser for durations people type or write: `30m`, `1.5h`, `0.5d`, `1w`, and ranges
// `3-5d` or `30m-2h`, all to hours. Days are the plan's working hours per day; a week is five
// working days. What a bare number means depends on where it is written, so the caller says:
// days in a plan's estimate (the format's rule), hours in a time log.

export interface Hours {
  min: number;
  expected: number;
  max: number;
}

export type Unit = 'm' | 'h' | 'd' | 'w';

export interface DurationOptions {
  hoursPerDay: number;
  /** What a number without a unit means. */
  bare: Unit;
  /** Whether `3-5d` is accepted (an estimate may be a range; a time entry may not). */
  range?: boolean;
}

/** A duration that does not read, with a message fit to print. */
export class DurationError extends Error {}

const UNITS: Record<string, Unit> = {
  m: 'm', min: 'm', mins: 'm', minute: 'm', minutes: 'm',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
  d: 'd', day: 'd', days: 'd',
  w: 'w', wk: 'w', week: 'w', weeks: 'w',
};
const PART = String.raw`(\d+(?:\.\d+)?|\.\d+)\s*([a-z]+)?`;
const ONE = new RegExp(`^${PART}$`, 'i');
const RANGE = new RegExp(String.raw`^${PART}\s*-\s*${PART}$`, 'i');

export const DURATION_EXAMPLES = '30m, 1.5h, 0.5d, 1w';

function toHours(n: string, unitText: string | undefined, opts: DurationOptions, text: string): number {
  const unit = unitText === undefined ? opts.bare : UNITS[unitText.toLowerCase()];
  if (unit === undefined) throw new DurationError(`bad duration "${text}": unknown unit "${unitText}" (use m, h, d or w)`);
  const v = Number(n);
  switch (unit) {
    case 'm':
      return v / 60;
    case 'h':
      return v;
    case 'd':
      return v * opts.hoursPerDay;
    case 'w':
      return v * 5 * opts.hoursPerDay;
  }
}

/** Reads a duration into hours; a single value has min = expected = max. Throws DurationError. */
export function parseDurationText(text: string | number, opts: DurationOptions): Hours {
  const s = String(text).trim();
  const one = ONE.exec(s);
  if (one) {
    const h = toHours(one[1], one[2], opts, s);
    return { min: h, expected: h, max: h };
  }
  const range = RANGE.exec(s);
  if (range) {
    if (opts.range === false) throw new DurationError(`bad duration "${s}": one amount, not a range`);
    // `3-5d`: the unit written once applies to both ends.
    const max = toHours(range[3], range[4], opts, s);
    const min = toHours(range[1], range[2] ?? range[4], opts, s);
    if (min > max) throw new DurationError(`bad range "${s}": min is greater than max`);
    return { min, expected: (min + max) / 2, max };
  }
  throw new DurationError(`"${s}" is not a duration: expected e.g. ${DURATION_EXAMPLES}${opts.range === false ? '' : ' or 3-5d'}`);
}

/** The durations the plan format writes as they are (schema.ts DURATION_RE; a test keeps them equal). */
export const PLAN_DURATION_RE = /^\s*(\d+(?:\.\d+)?)\s*(?:-\s*(\d+(?:\.\d+)?)\s*)?(h|d|w)?\s*$/;

/**
 * An estimate as the plan will hold it, from what a person typed (the board's prompt, `planboard
 * add/edit --estimate`): what the format writes (2h, 1.5d, 3-5d) stays as typed; anything else
 * this parser reads (30m, 2 hours, 30m-2h) is written in hours. Throws DurationError.
 */
export function estimateText(text: string, hoursPerDay: number): string {
  const t = text.trim();
  const h = parseDurationText(t, { hoursPerDay, bare: 'd' });
  if (PLAN_DURATION_RE.test(t)) return t.replace(/\s+/g, '');
  const r = (n: number) => String(round(n));
  return h.min === h.max ? `${r(h.min)}h` : `${r(h.min)}-${r(h.max)}h`;
}

/** Most hours one time entry may hold: a day has 24 (the plan's validation says the same). */
export const MAX_ENTRY_HOURS = 24;

/** What a bare number means where time is logged; prompts and help say it. */
export const LOG_HINT = 'a bare number is hours; or 30m, 0.5d';

/**
 * Hours for one time entry (the board's `t` prompt and `planboard log`): a bare number is hours,
 * more than zero, at most a day's 24 hours. Rounded to the thousandth of an hour.
 */
export function parseLoggedHours(text: string, hoursPerDay: number): number {
  const { expected } = parseDurationText(text, { hoursPerDay, bare: 'h', range: false });
  // Rounded first: 0.01m is zero in the file.
  if (!(round(expected) > 0)) throw new DurationError(`bad duration "${text.trim()}": must be more than zero`);
  if (expected > MAX_ENTRY_HOURS)
    throw new DurationError(`bad duration "${text.trim()}": more than a day (${MAX_ENTRY_HOURS}h) in one entry`);
  return round(expected);
}

/** The log prompt's input: a duration, then an optional note (`1.5h pairing on the parser`). */
export function parseLogEntry(text: string, hoursPerDay: number): { hours: number; note?: string } {
  const m = /^\s*(\S+)\s*(.*)$/s.exec(text);
  if (!m) throw new DurationError(`type a duration (${LOG_HINT}), then an optional note`);
  // `30 min note`: a unit typed apart from its number still belongs to it.
  let [, amount, rest] = m;
  const unit = /^([a-z]+)\b\s*(.*)$/is.exec(rest);
  if (/^\d+(?:\.\d+)?$/.test(amount) && unit && UNITS[unit[1].toLowerCase()]) [amount, rest] = [amount + unit[1], unit[2]];
  const hours = parseLoggedHours(amount, hoursPerDay);
  const note = rest.trim();
  return note ? { hours, note } : { hours };
}

const round = (h: number) => Math.round(h * 1000) / 1000;
