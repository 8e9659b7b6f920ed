// Issues checked by hand, for the fast read: zod spends most of its time on the 10,000 issues of a
// big plan. Each issue either comes out exactly as `Issue.parse` would make it (keys in the
// schema's order, ids and durations as strings, fresh objects) or the whole list goes to zod,
// which also words the problems. Only clean input takes this path; any doubt defers to zod.
// Kept in step with schema.ts by a property test (test/core/load/fast-path.test.ts).
import type { IssueData } from './model.js';
import { DATE_RE, DURATION_RE, Issue } from './schema.js';

const NO = Symbol('not plainly valid');
type No = typeof NO;

const ISSUE_KEYS = Object.keys(Issue.shape) as (keyof IssueData)[];
const KNOWN = new Set<string>(ISSUE_KEYS);

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const str = (v: unknown): string | No => (typeof v === 'string' ? v : NO);
const id = (v: unknown): string | No => (typeof v === 'string' ? (v.length > 0 ? v : NO) : typeof v === 'number' && Number.isFinite(v) ? String(v) : NO);
const date = (v: unknown): string | No => (typeof v === 'string' && DATE_RE.test(v) ? v : NO);
const duration = (v: unknown): string | No => {
  const s = typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
  return s !== undefined && DURATION_RE.test(s) ? s : NO;
};
const bool = (v: unknown): boolean | No => (typeof v === 'boolean' ? v : NO);

/** A strict object: only `keys`, each through its check, output in `keys` order. */
function object(v: unknown, keys: readonly string[], checks: Record<string, (x: unknown) => unknown>, required: readonly string[]): Record<string, unknown> | No {
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

function list<T>(v: unknown, each: (x: unknown) => T | No): T[] | No {
  if (!Array.isArray(v)) return NO;
  const out: T[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = each(v[i]);
    if (x === NO) return NO;
    out[i] = x;
  }
  return out;
}

const DEP = { id, lag: duration };
const dependency = (v: unknown) => (isObj(v) ? object(v, ['id', 'lag'], DEP, ['id']) : id(v));
const EXTERNAL = { title: str, lead: duration, since: date, done: bool };
const external = (v: unknown) => object(v, ['title', 'lead', 'since', 'done'], EXTERNAL, ['title', 'lead']);
const SUBTASK = { title: str, done: bool };
const subtask = (v: unknown) => (typeof v === 'string' ? v : object(v, ['title', 'done'], SUBTASK, ['title']));
const hours = (v: unknown): number | No => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : NO);
const TIME = { date, hours, note: str };
const timeEntry = (v: unknown) => object(v, ['date', 'hours', 'note'], TIME, ['date', 'hours']);

const FIELDS: Record<string, (x: unknown) => unknown> = {
  id,
  title: str,
  status: str,
  group: id,
  milestone: id,
  estimate: duration,
  lane: id,
  priority: str,
  track: str,
  labels: (v) => list(v, str),
  sprint: str,
  depends_on: (v) => list(v, dependency),
  blocks: (v) => list(v, id),
  external: (v) => list(v, external),
  subtasks: (v) => list(v, subtask),
  deliverables: (v) => list(v, str),
  notes: str,
  link: str,
  started: date,
  done_on: date,
  reopen_status: str,
  due: date,
  log: (v) => list(v, timeEntry),
};
for (const k of ISSUE_KEYS) if (!(k in FIELDS)) throw new Error(`fast-issue.ts: no check for issue field "${k}"`);
for (const k of Object.keys(FIELDS)) if (!KNOWN.has(k)) throw new Error(`fast-issue.ts: "${k}" is not an issue field`);

/** The issues as zod would output them, or undefined to let zod decide (and explain). */
export function fastIssues(raw: unknown): IssueData[] | undefined {
  const out = list(raw, (v) => object(v, ISSUE_KEYS, FIELDS, ['id', 'title']));
  return out === NO ? undefined : (out as unknown as IssueData[]);
}
