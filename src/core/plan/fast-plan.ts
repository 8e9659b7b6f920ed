// The whole plan checked by hand, for the fast read, so that reading a clean plan never loads
// zod: each part comes out exactly as `Plan.parse` would make it (keys in the schema's order,
// ids, versions, durations and capacities as strings, fresh objects) or the fast read steps
// aside and the precise read (zod) decides and words the problems. Any doubt defers to zod.
// A test holds every key list to schema.ts's shapes and every check to zod's answer
// (test/core/load/fast-plan.test.ts).
import { BARE_CAPACITY_RE, CAPACITY_RE, GROUP_KINDS, LANE_KINDS, MILESTONE_KINDS, WEEKDAYS } from './format.js';
import { bool, date, duration, fastIssues, id, isObj, listOf, NO, str, strict, type Check, type No } from './fast-issue.js';
import type { PlanData } from './model.js';

const oneOf =
  (values: readonly string[]) =>
  (v: unknown): string | No =>
    typeof v === 'string' && values.includes(v) ? v : NO;
const nonEmpty =
  <T>(each: (x: unknown) => T | No) =>
  (v: unknown): T[] | No =>
    Array.isArray(v) && v.length === 0 ? NO : listOf(each)(v);
const text = (v: unknown): string | No => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : NO);
const capacity = (v: unknown): string | No => {
  const s = text(v);
  return s !== NO && (BARE_CAPACITY_RE.test(s) || CAPACITY_RE.test(s)) ? s : NO;
};
const hoursPerDay = (v: unknown): number | No => (typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 24 ? v : NO);
const one = (v: unknown): 1 | No => (v === 1 ? 1 : NO);

/** z.record(z.string(), X): a plain object, each value through `each`, keys in the input's order. */
const record =
  (each: Check) =>
  (v: unknown): Record<string, unknown> | No => {
    if (!isObj(v) || Object.getPrototypeOf(v) !== Object.prototype) return NO;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      if (k === '__proto__') return NO;
      const x = each(v[k]);
      if (x === NO) return NO;
      out[k] = x;
    }
    return out;
  };

const DATE_RANGE = { name: str, from: date, to: date, note: str };
const dateRange = strict(DATE_RANGE, ['from', 'to']);
const dateOrRange = (v: unknown) => (typeof v === 'string' ? date(v) : dateRange(v));
const FREEZE = { name: str, from: date, to: date, note: str, tracks: listOf(str), labels: listOf(str) };
const SPRINT = { name: str, goal: str, start: date, end: date, critical: listOf(id), parallel: listOf(str), gate: listOf(str), note: str };
const SPRINTS = { length: duration, start: date, list: listOf(strict(SPRINT, ['name'])) };
const CALENDAR = {
  holidays: listOf(dateOrRange),
  freezes: listOf(strict(FREEZE, ['from', 'to'])),
  sprints: strict(SPRINTS, ['length', 'start']),
  critical_path: listOf(id),
  parallel: listOf(str),
};
const CAPACITY_CHANGE = { from: date, capacity, note: str };
const LANE = { id, name: str, kind: oneOf(LANE_KINDS), capacity, time_off: listOf(dateOrRange), changes: listOf(strict(CAPACITY_CHANGE, ['from', 'capacity'])), note: str };
const MILESTONE = { id, title: str, kind: oneOf(MILESTONE_KINDS), deadline: date, ref: str, requires: listOf(id), note: str };
const GROUP = { id, title: str, kind: oneOf(GROUP_KINDS), parent: id, epic: id, estimate: duration, milestone: id, status: str, note: str };
const RISK = { id, title: str, impact: str, probability: str, mitigation: str, issues: listOf(id) };
const SCENARIO = { id, title: str, note: str, assign: record(listOf(id)), rhythm: record(listOf(id)), continuous: listOf(id) };
const SETTINGS = { autosave: bool };

const PLAN = {
  planboard: one,
  title: str,
  version: text,
  as_of: date,
  target: date,
  hours_per_day: hoursPerDay,
  workdays: listOf(oneOf(WEEKDAYS)),
  statuses: nonEmpty(str),
  priorities: nonEmpty(str),
  settings: strict(SETTINGS),
  calendar: strict(CALENDAR),
  lanes: listOf(strict(LANE, ['id'])),
  milestones: listOf(strict(MILESTONE, ['id'])),
  groups: listOf(strict(GROUP, ['id'])),
  issues: (v: unknown) => {
    const issues = fastIssues(v);
    return issues === undefined ? NO : issues;
  },
  risks: listOf(strict(RISK, ['title'])),
  scenarios: listOf(strict(SCENARIO, ['id', 'assign'])),
  notes: str,
} satisfies Record<string, Check>;

const plan = strict(PLAN, ['planboard', 'title']);

/** Every object's checks by the schema.ts name of its shape, for the test that holds them to zod. */
export const SHAPES: Record<string, Record<string, Check>> = {
  Plan: PLAN,
  Settings: SETTINGS,
  Calendar: CALENDAR,
  DateRange: DATE_RANGE,
  Freeze: FREEZE,
  Sprints: SPRINTS,
  Sprint: SPRINT,
  CapacityChange: CAPACITY_CHANGE,
  Lane: LANE,
  Milestone: MILESTONE,
  Group: GROUP,
  Risk: RISK,
  Scenario: SCENARIO,
};

/** The plan as `Plan.parse` would output it, or undefined to let zod decide (and explain). */
export function fastPlan(raw: unknown): PlanData | undefined {
  const out = plan(raw);
  return out === NO ? undefined : (out as unknown as PlanData);
}
