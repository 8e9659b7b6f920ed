// How much work each issue still holds, in hours (min / expected / max).
// - Done: nothing left.
// - Open: its estimate minus the hours logged on it, never below zero.
// - A group's estimate is the group's total: what its leaf issues' own estimates do not cover is
//   spread evenly over its open leaf issues that have no estimate of their own (over all of them
//   once none is open, so a finished group still shows its estimate as done work). Nested groups
//   with their own estimate keep their issues.
// - An issue that stands for a group (the group's `epic`) holds no work of its own: its members do.
// - No estimate at all → 0 hours booked, but flagged `unestimated` and counted.
import { parseDuration, type Hours } from '../plan/duration.js';
import type { Issue, Model } from '../plan/model.js';

export interface Work {
  /** Own estimate, or this issue's share of its group's; undefined when neither exists. */
  estimate?: Hours;
  remaining: Hours;
  unestimated: boolean;
  /** Started: status past `todo`, a `started` date, or hours logged. Starts at once. */
  inProgress: boolean;
  /** Stands for a group; finishes when the group's issues do. */
  epicOf?: string;
}

const ZERO: Hours = { min: 0, expected: 0, max: 0 };
const scale = (h: Hours, k: number): Hours => ({ min: h.min * k, expected: h.expected * k, max: h.max * k });

export function isInProgress(model: Model, issue: Issue): boolean {
  if (issue.done) return false;
  if (issue.started || issue.loggedHours > 0) return true;
  const todo = model.statuses.indexOf('todo');
  return model.statuses.indexOf(issue.status) > Math.max(0, todo);
}

/** Group id → ids of the issues that stand for it. */
export function epicIssues(model: Model): Map<string, string> {
  const out = new Map<string, string>();
  for (const g of model.groups) if (g.epic !== undefined && model.byId.get(g.epic)?.estimate === undefined) out.set(g.epic, g.id);
  return out;
}

/** Work per issue, indexed like `model.issues`. */
export function estimateWork(model: Model): Work[] {
  const epics = epicIssues(model);
  // The nearest enclosing group (own group first) that carries an estimate.
  const estimatedGroup = new Map<string | undefined, string | undefined>();
  const ownerOf = (groupId: string | undefined): string | undefined => {
    if (estimatedGroup.has(groupId)) return estimatedGroup.get(groupId);
    let g = groupId;
    const seen = new Set<string>();
    while (g !== undefined && !seen.has(g)) {
      seen.add(g);
      const data = model.groupById.get(g);
      if (!data) break;
      if (data.estimate !== undefined) break;
      g = data.parent;
    }
    const found = g !== undefined && model.groupById.get(g)?.estimate !== undefined ? g : undefined;
    estimatedGroup.set(groupId, found);
    return found;
  };

  type Share = { total: Hours; own: number; open: Issue[]; all: Issue[] };
  const shares = new Map<string, Share>();
  for (const issue of model.issues) {
    if (epics.has(issue.id)) continue;
    const gid = ownerOf(issue.group);
    if (gid === undefined) continue;
    let s = shares.get(gid);
    if (!s) {
      const est = model.groupById.get(gid)!.estimate!;
      s = { total: parseDuration(est, model.hoursPerDay), own: 0, open: [], all: [] };
      shares.set(gid, s);
    }
    if (issue.estimate) s.own += issue.estimate.expected;
    else {
      s.all.push(issue);
      if (!issue.done) s.open.push(issue);
    }
  }
  const shareOf = new Map<string, Hours>();
  for (const s of shares.values()) {
    const takers = s.open.length > 0 ? s.open : s.all;
    if (takers.length === 0) continue;
    // Own estimates come out of the group's total first; never below zero.
    const left = Math.max(0, s.total.expected - s.own);
    const k = s.total.expected > 0 ? left / s.total.expected / takers.length : 0;
    for (const t of takers) shareOf.set(t.id, scale(s.total, k));
  }

  return model.issues.map((issue): Work => {
    const epicOf = epics.get(issue.id);
    const inProgress = isInProgress(model, issue);
    if (epicOf !== undefined) return { remaining: ZERO, unestimated: false, inProgress, epicOf };
    const estimate = issue.estimate ?? shareOf.get(issue.id);
    if (issue.done) return { estimate, remaining: ZERO, unestimated: estimate === undefined, inProgress: false };
    if (!estimate) return { remaining: ZERO, unestimated: true, inProgress };
    const left = (h: number) => Math.max(0, h - issue.loggedHours);
    return {
      estimate,
      remaining: { min: left(estimate.min), expected: left(estimate.expected), max: left(estimate.max) },
      unestimated: false,
      inProgress,
    };
  });
}

/** Observed velocity: actual ÷ estimated hours over done issues that have logged hours; null without any. */
export function observedVelocity(model: Model, work: Work[]): { ratio: number; issues: number } | null {
  let actual = 0;
  let estimated = 0;
  let n = 0;
  model.issues.forEach((issue, i) => {
    const est = work[i].estimate?.expected ?? 0;
    if (issue.done && issue.loggedHours > 0 && est > 0) {
      actual += issue.loggedHours;
      estimated += est;
      n++;
    }
  });
  return n === 0 ? null : { ratio: actual / estimated, issues: n };
}
