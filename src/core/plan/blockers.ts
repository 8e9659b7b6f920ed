// What keeps an open issue from moving: dependencies not yet done, and waits outside the team
// that are not over. One definition, so the kanban, the timeline, the detail view and the
// standup agree on which issues are blocked.
import type { Issue, Model } from './model.js';

export interface Blockers {
  /** Dependency ids that are not done (unknown ids count: they cannot be checked). */
  deps: string[];
  /** Titles of outside waits that are not over. */
  waiting: string[];
}

export function blockersOf(model: Model, issue: Issue): Blockers {
  if (issue.done) return { deps: [], waiting: [] };
  return {
    deps: issue.deps.filter((d) => !model.byId.get(d.id)?.done).map((d) => d.id),
    waiting: issue.external.filter((e) => !e.done).map((e) => e.title),
  };
}

export function isBlocked(model: Model, issue: Issue): boolean {
  if (issue.done) return false;
  return issue.external.some((e) => !e.done) || issue.deps.some((d) => !model.byId.get(d.id)?.done);
}
