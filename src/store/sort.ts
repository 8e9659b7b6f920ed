// Orders for the board's lists. Stable: issues that compare equal keep their file order.
import type { SortOrder } from '../core/persist/view-prefs.js';
import type { Issue, Model } from '../core/plan/model.js';

/** The date an issue is due: its own `due`, else its milestone's deadline. */
export function dueOf(model: Model, issue: Issue): string | undefined {
  const own = (issue.data as { due?: unknown }).due;
  if (typeof own === 'string') return own;
  return issue.milestone ? model.milestones.find((m) => m.id === issue.milestone)?.deadline : undefined;
}

export function sortIssues(issues: Issue[], model: Model, order: SortOrder): Issue[] {
  if (order === 'order') return issues;
  if (order === 'priority') {
    const rank = (i: Issue) => {
      const n = i.priority === undefined ? -1 : model.priorities.indexOf(i.priority);
      return n < 0 ? model.priorities.length : n; // no priority, or an unknown one, after the known ones
    };
    return [...issues].sort((a, b) => rank(a) - rank(b) || a.index - b.index);
  }
  const due = (i: Issue) => dueOf(model, i) ?? '9999-99-99'; // undated last; ISO dates compare as text
  return [...issues].sort((a, b) => (due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : a.index - b.index));
}
