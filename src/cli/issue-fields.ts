// The issue fields `add` and `edit` take as options, read into plan values. An estimate goes
// through the one duration parser (estimateText), as the board's prompt does.
import { CliError } from './command.js';
import type { Parsed } from './args.js';
import { str } from './args.js';
import { DurationError, estimateText } from '../core/text/duration.js';
import { DateInputError, parseDateInput } from '../core/text/dates.js';
import { fieldValue } from '../core/ops/field-input.js';
import type { PlanData } from '../core/plan/model.js';

export const FIELD_OPTIONS = ['title', 'estimate', 'lane', 'status', 'group', 'milestone', 'priority', 'sprint', 'labels', 'due'] as const;
export type FieldName = (typeof FIELD_OPTIONS)[number];
/** Plan values per option: labels a list, the rest text; null removes the field. */
export type FieldValues = { [K in FieldName]?: (K extends 'labels' ? string[] : string) | null };

export function estimateValue(command: string, text: string, hoursPerDay: number): string {
  try {
    return estimateText(text, hoursPerDay);
  } catch (e) {
    if (e instanceof DurationError) throw new CliError(`planboard ${command}: --estimate: ${e.message}`, 2);
    throw e;
  }
}

/** The field options given, as plan values (`-` stands for "remove" and is kept as null). */
export function fieldValues(command: string, a: Parsed, data: PlanData, hoursPerDay: number): FieldValues {
  const out: Record<string, string | string[] | null> = {};
  for (const f of FIELD_OPTIONS) {
    const v = str(a, f);
    if (v === undefined) continue;
    if (v === '-') out[f] = null;
    else if (f === 'estimate') out[f] = estimateValue(command, v, hoursPerDay);
    else if (f === 'due') out[f] = dueValue(command, v, a.today);
    // Labels as the board's prompt reads them: comma-separated, blanks and repeats dropped.
    else if (f === 'labels') out[f] = fieldValue(data, 'labels', v);
    else out[f] = v;
  }
  return out as FieldValues;
}

/** A due date as every command reads dates: YYYY-MM-DD (a real day), today or tomorrow. */
function dueValue(command: string, text: string, today: string | undefined): string {
  try {
    return parseDateInput(text, today);
  } catch (e) {
    if (e instanceof DateInputError) throw new CliError(`planboard ${command}: --due: ${e.message}`, 2);
    throw e;
  }
}
