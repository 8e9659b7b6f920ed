// Shared by the op definitions: finding issues fast, replacing one issue while sharing the rest,
// and the checks every op makes before it changes anything.
import type { IssueData, PlanData } from '../plan/model.js';
import { DATE_RE, DEFAULT_STATUSES, DONE } from '../plan/schema.js';
import { closest } from '../plan/suggest.js';
import { impossibleDate } from '../plan/validate.js';

/** An op that cannot apply to this plan: unknown id, lane or status, bad value. */
export class OpError extends Error {}

// id → position, per issues array. An edit that replaces one issue keeps every position, so the
// new array shares the old index: lookups stay O(1) across keypresses without re-indexing.
const indexCache = new WeakMap<readonly IssueData[], Map<string, number>>();

export function issueIndex(issues: readonly IssueData[]): Map<string, number> {
  let index = indexCache.get(issues);
  if (!index) {
    index = new Map();
    for (let i = 0; i < issues.length; i++) if (!index.has(issues[i].id)) index.set(issues[i].id, i);
    indexCache.set(issues, index);
  }
  return index;
}

/** Records that `issues` has this index (when the caller already knows it). */
export const shareIndex = (issues: readonly IssueData[], index: Map<string, number>) => void indexCache.set(issues, index);

export const didYouMean = (word: string, candidates: Iterable<string>) => {
  const c = closest(word, candidates);
  return c ? ` (did you mean "${c}"?)` : '';
};

export const statusesOf = (data: PlanData): readonly string[] => data.statuses ?? DEFAULT_STATUSES;

/** The status an issue without `status:` has. */
export const statusOf = (data: PlanData, issue: IssueData): string => issue.status ?? statusesOf(data)[0];

export function checkStatus(data: PlanData, status: string): void {
  const statuses = statusesOf(data);
  if (!statuses.includes(status)) {
    throw new OpError(`unknown status "${status}"${didYouMean(status, statuses)}; statuses: ${statuses.join(', ')}`);
  }
}

export function checkLane(data: PlanData, lane: string): void {
  const lanes = data.lanes ?? [];
  if (lanes.some((l) => l.id === lane)) return;
  if (!lanes.length) throw new OpError(`unknown lane "${lane}": the plan has no lanes`);
  const ids = lanes.map((l) => l.id);
  throw new OpError(`unknown lane "${lane}"${didYouMean(lane, ids)}; lanes: ${ids.join(', ')}`);
}

export function checkDate(date: string, what: string): void {
  const ok = DATE_RE.test(date) && impossibleDate(date) === undefined;
  if (!ok) throw new OpError(`bad ${what} "${date}": expected a calendar date YYYY-MM-DD`);
}

export function findIssue(data: PlanData, id: string): number {
  const issues = data.issues ?? [];
  const i = issueIndex(issues).get(id);
  if (i === undefined) throw new OpError(`unknown issue "${id}"${didYouMean(id, issues.map((x) => x.id))}`);
  return i;
}

export const getIssue = (data: PlanData, id: string): IssueData => data.issues![findIssue(data, id)];

/** Replaces issue `id` by f(issue); returns data itself when f changes nothing. */
export function updateIssue(data: PlanData, id: string, f: (issue: IssueData) => IssueData): PlanData {
  const issues = data.issues ?? [];
  const i = findIssue(data, id);
  const next = f(issues[i]);
  if (next === issues[i]) return data;
  const copy = issues.slice();
  copy[i] = next;
  indexCache.set(copy, issueIndex(issues));
  return { ...data, issues: copy };
}

export const without = <T extends object, K extends keyof T>(obj: T, key: K): T => {
  if (!(key in obj)) return obj;
  const copy = { ...obj };
  delete copy[key];
  return copy;
};

/** The status an unticked issue returns to when it recorded none: `todo` when the plan has it, else its first non-done status. */
export function untickStatus(data: PlanData): string {
  const statuses = statusesOf(data);
  const s = statuses.includes('todo') ? 'todo' : statuses.find((x) => x !== DONE);
  if (s === undefined) throw new OpError(`cannot untick: the plan has no status other than "${DONE}"`);
  return s;
}
