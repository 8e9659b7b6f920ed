// Small facts about an issue that several widgets show; computed from the model, no schedule.
import { formatHours } from '../core/plan/duration.js';
import type { Issue, Model } from '../core/plan/model.js';

export { isBlocked } from '../core/plan/blockers.js';

/** `2/5` when the issue has subtasks, else ''. */
export function subtaskProgress(issue: Issue): string {
  if (issue.subtasks.length === 0) return '';
  return `${issue.subtasks.filter((s) => s.done).length}/${issue.subtasks.length}`;
}

/** `3d`, `2-4d`, or '' when the file gives none. */
export function estimateText(model: Model, issue: Issue): string {
  const e = issue.estimate;
  if (!e) return '';
  if (e.min === e.max) return formatHours(e.expected, model.hoursPerDay);
  return `${formatHours(e.min, model.hoursPerDay)}-${formatHours(e.max, model.hoursPerDay)}`;
}

export function priorityRank(model: Model, issue: Issue): number {
  return issue.priority === undefined ? -1 : model.priorities.indexOf(issue.priority);
}

/** A mark for the two most urgent priorities, so urgency never depends on colour. */
export function priorityMark(rank: number): string {
  return rank === 0 ? '‼' : rank === 1 ? '!' : '';
}

/** Issues that depend on each issue: id → dependent ids. Built once per model. */
const dependentsCache = new WeakMap<Model, Map<string, string[]>>();
export function dependentsOf(model: Model, id: string): string[] {
  let map = dependentsCache.get(model);
  if (!map) {
    map = new Map();
    for (const i of model.issues) for (const d of i.deps) map.set(d.id, [...(map.get(d.id) ?? []), i.id]);
    dependentsCache.set(model, map);
  }
  return map.get(id) ?? [];
}
