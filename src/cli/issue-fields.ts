// The issue fields `add` and `edit` take as options, read into plan values. An estimate goes
// through the one duration parser (estimateText), as the board's prompt does.
import { CliError } from './command.js';
import type { Parsed } from './args.js';
import { str } from './args.js';
import { DurationError, estimateText } from '../core/text/duration.js';

export const FIELD_OPTIONS = ['title', 'estimate', 'lane', 'status', 'group', 'milestone', 'priority', 'sprint'] as const;
export type FieldName = (typeof FIELD_OPTIONS)[number];

export function estimateValue(command: string, text: string, hoursPerDay: number): string {
  try {
    return estimateText(text, hoursPerDay);
  } catch (e) {
    if (e instanceof DurationError) throw new CliError(`planboard ${command}: --estimate: ${e.message}`, 2);
    throw e;
  }
}

/** The field options given, as plan values (`-` stands for "remove" and is kept as null). */
export function fieldValues(command: string, a: Parsed, hoursPerDay: number): Partial<Record<FieldName, string | null>> {
  const out: Partial<Record<FieldName, string | null>> = {};
  for (const f of FIELD_OPTIONS) {
    const v = str(a, f);
    if (v === undefined) continue;
    if (v === '-') out[f] = null;
    else out[f] = f === 'estimate' ? estimateValue(command, v, hoursPerDay) : v;
  }
  return out;
}
