// `planboard export --format json`: the plan as written, its normalised model and its schedule,
// all in one JSON document with `version: 1`. `plan` alone is enough to re-import losslessly.
import type { Model } from '../plan/model.js';
import type { Exporter } from './types.js';
import type { Schedule } from '../schedule/types.js';
import { sanitizeJson } from '../text/sanitize.js';

export const EXPORT_VERSION = 1;

export function exportModel(model: Model) {
  return {
    title: model.title,
    hours_per_day: model.hoursPerDay,
    workdays: model.workdays,
    statuses: model.statuses,
    priorities: model.priorities,
    lanes: model.lanes.map(({ data: _data, ...lane }) => lane),
    groups: model.groups,
    milestones: model.milestones,
    issues: model.issues.map(({ data: _data, ...issue }) => issue),
  };
}

export function exportSchedule(schedule: Schedule) {
  const { byId: _byId, booked, ...rest } = schedule;
  const bookedObj: Record<string, Record<string, number>> = {};
  for (const [lane, days] of booked) bookedObj[lane] = Object.fromEntries([...days].sort(([a], [b]) => (a < b ? -1 : 1)));
  return { ...rest, booked: bookedObj };
}

export function exportJson(model: Model, schedule: Schedule): string {
  // sanitizeJson: the same JSON value, with C1, bidi and separator characters as \u escapes.
  return sanitizeJson({ version: EXPORT_VERSION, plan: model.data, model: exportModel(model), schedule: exportSchedule(schedule) }, 2) + '\n';
}

export const jsonExport: Exporter = {
  name: 'json',
  description: 'the plan, its model and its schedule (re-import with planboard import)',
  patterns: ['*.json'],
  write: exportJson,
};
