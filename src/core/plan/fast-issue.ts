// Issues checked by hand, for the fast read: zod spends most of its time on the 10,000 issues of a
// big plan. Each issue either comes out exactly as `Issue.parse` would make it (keys in the
// schema's order, ids and durations as strings, fresh objects) or the whole list goes to zod,
// which also words the problems. Only clean input takes this path; any doubt defers to zod.
// No zod here: the key lists are written out, and a test holds them to schema.ts's shapes
// (test/core/load/fast-plan.test.ts), and fast-path.test.ts holds each check to zod's answer.
import type { IssueData } from './model.js';
import { DATE_RE, DURATION_RE } from './format.js';

export const NO = Symbol('not plainly valid');
export type No = typeof NO;
export type Check = (x: unknown) => unknown;

export const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const str = (v: unknown): string | No => (typeof v === 'string' ? v : NO);
export const id = (v: unknown): string | No => (typeof v === 'string' ? (v.length > 0 ? v : NO) : typeof v === 'number' && Number.isFinite(v) ? String(v) : NO);
export const date = (v: unknown): string | No => (typeof v === 'string' && DATE_RE.test(v) ? v : NO);
export const duration = (v: unknown): string | No => {
  const s = typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
  return s !== undefined && DURATION_RE.test(s) ? s : NO;
};
export const bool = (v: unknown): boolean | No => (typeof v === 'boolean' ? v : NO);

/** A strict object: only the keys of `checks`, each through its check, output in `checks`' key order. */
export function object(v: unknown, keys: readonly string[], checks: Record<string, Check>, required: readonly string[]): Record<string, unknown> | No {
  if (!isObj(v)) return NO;
  for (const k of Object.keys(v)) if (!Object.hasOwn(checks, k)) return NO;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    if (!Object.hasOwn(v, k)) {
      if (required.includes(k)) return NO;
      continue;
    }
    const x = checks[k](v[k]);
    if (x === NO) return NO;
    out[k] = x;
  }
  return out;
}

/** `object` as a check of its own; the output's key order is the order `checks` lists them in. */
export function strict(checks: Record<string, Check>, required: readonly string[] = []): Check {
  const keys = Object.keys(checks);
  return (v) => object(v, keys, checks, required);
}

export function list<T>(v: unknown, each: (x: unknown) => T | No): T[] | No {
  if (!Array.isArray(v)) return NO;
  const out: T[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = each(v[i]);
    if (x === NO) return NO;
    out[i] = x;
  }
  return out;
}

export const listOf =
  <T>(each: (x: unknown) => T | No) =>
  (v: unknown): T[] | No =>
    list(v, each);

const DEP = { id, lag: duration };
const dependency = (v: unknown) => (isObj(v) ? object(v, ['id', 'lag'], DEP, ['id']) : id(v));
const external = strict({ title: str, lead: duration, since: date, done: bool }, ['title', 'lead']);
const SUBTASK = { title: str, done: bool };
const subtask = (v: unknown) => (typeof v === 'string' ? v : object(v, ['title', 'done'], SUBTASK, ['title']));
const hours = (v: unknown): number | No => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : NO);
const timeEntry = strict({ date, hours, note: str }, ['date', 'hours']);

/** Each issue field's check, in the order of schema.ts's `Issue` (the output's key order). */
export const ISSUE_FIELDS: Record<string, Check> = {
  id,
  title: str,
  status: str,
  group: id,
  milestone: id,
  estimate: duration,
  lane: id,
  priority: str,
  track: str,
  labels: listOf(str),
  sprint: str,
  depends_on: listOf(dependency),
  blocks: listOf(id),
  external: listOf(external),
  subtasks: listOf(subtask),
  deliverables: listOf(str),
  notes: str,
  link: str,
  started: date,
  done_on: date,
  reopen_status: str,
  due: date,
  log: listOf(timeEntry),
};
const ISSUE_KEYS = Object.keys(ISSUE_FIELDS);

/** The issues as zod would output them, or undefined to let zod decide (and explain). */
export function fastIssues(raw: unknown): IssueData[] | undefined {
  const out = list(raw, (v) => object(v, ISSUE_KEYS, ISSUE_FIELDS, ['id', 'title']));
  return out === NO ? undefined : (out as unknown as IssueData[]);
}
