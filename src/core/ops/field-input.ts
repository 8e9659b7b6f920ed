// What a person types for an issue's field (board prompt or CLI option) → the value an op sets,
// checked against the plan: a title is not blank, an estimate is a duration or range that runs
// forwards, a sprint, milestone or priority is one the plan has. An empty answer removes the field.
import type { PlanData } from '../plan/model.js';
import { DATE_RE, DEFAULT_PRIORITIES, DURATION_RE } from '../plan/schema.js';
import { impossibleDate } from '../plan/validate.js';
import { didYouMean, OpError } from './data.js';

export const EDITABLE_FIELDS = ['title', 'estimate', 'labels', 'sprint', 'milestone', 'due', 'priority'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

function oneOf(text: string, names: readonly string[], what: string, whats: string): string {
  const exact = names.find((n) => n === text) ?? names.find((n) => n.toLowerCase() === text.toLowerCase());
  if (exact !== undefined) return exact;
  if (!names.length) throw new OpError(`the plan has no ${whats}`);
  throw new OpError(`unknown ${what} "${text}"${didYouMean(text, names)}; ${whats}: ${names.join(', ')}`);
}

/** The value for `field` from typed text; null means "remove it". Throws OpError with the reason. */
export function fieldValue(data: PlanData, field: EditableField, typed: string): string | string[] | null {
  const text = typed.trim();
  if (field === 'title') {
    if (!text) throw new OpError('a title cannot be empty');
    if (/[\x00-\x1f\x7f]/.test(text)) throw new OpError('a title is one line of text');
    return text;
  }
  if (text === '' || text === '-') return null;
  switch (field) {
    case 'estimate': {
      const m = DURATION_RE.exec(text);
      if (!m) throw new OpError(`"${text}" is not an estimate: type hours, days or weeks (2h, 1.5d, 1w) or a range (3-5d)`);
      if (m[2] !== undefined && Number(m[1]) > Number(m[2])) throw new OpError(`bad estimate "${text}": ${m[1]} is more than ${m[2]}`);
      return text.replace(/\s+/g, '');
    }
    case 'labels': {
      const labels = [...new Set(text.split(',').map((l) => l.trim()).filter(Boolean))];
      return labels.length ? labels : null;
    }
    case 'sprint': {
      const names = (data.calendar?.sprints?.list ?? []).map((s) => s.name);
      return names.length ? oneOf(text, names, 'sprint', 'sprints') : text;
    }
    case 'milestone':
      return oneOf(text, (data.milestones ?? []).map((m) => m.id), 'milestone', 'milestones');
    case 'priority':
      return oneOf(text, data.priorities ?? DEFAULT_PRIORITIES, 'priority', 'priorities');
    case 'due':
      if (!DATE_RE.test(text) || impossibleDate(text)) throw new OpError(`bad due date "${text}": expected a calendar date YYYY-MM-DD`);
      return text;
  }
}
