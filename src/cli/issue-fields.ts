// The issue fields `add` and `edit` take as options, read into plan values. An estimate goes
// through the one duration parser: what the plan format writes as such (2h, 1.5d, 3-5d) stays as
// typed; anything else it reads (30m, 2 hours) is written in hours.
import { CliError } from './command.js';
import type { Parsed } from './args.js';
import { str } from './args.js';
import { DURATION_RE } from '../core/plan/schema.js';
import { DurationError, parseDurationText, type Hours } from '../core/text/duration.js';

export const FIELD_OPTIONS = ['title', 'estimate', 'lane', 'status', 'group', 'milestone', 'priority', 'sprint'] as const;
export type FieldName = (typeof FIELD_OPTIONS)[number];

export function estimateValue(command: string, text: string, hoursPerDay: number): string {
  let h: Hours;
  try {
    h = parseDurationText(text, { hoursPerDay, bare: 'd' });
  } catch (e) {
    if (e instanceof DurationError) throw new CliError(`planboard ${command}: --estimate: ${e.message}`, 2);
    throw e;
  }
  if (DURATION_RE.test(text)) return text.trim();
  const r = (n: number) => String(Math.round(n * 1000) / 1000);
  return h.min === h.max ? `${r(h.min)}h` : `${r(h.min)}-${r(h.max)}h`;
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
