// The plan format, version 1. One zod definition feeds the validator, the TypeScript types
// (model.ts) and the JSON Schema shipped for editors (scripts/gen-schema.mjs).
import { z } from 'zod';
import { BARE_CAPACITY_RE, CAPACITY_RE, DATE_RE, DURATION_RE, GROUP_KINDS, LANE_KINDS, MILESTONE_KINDS, WEEKDAYS } from './format.js';

export { DATE_RE, DEFAULT_HOURS_PER_DAY, DEFAULT_PRIORITIES, DEFAULT_STATUSES, DONE, DURATION_RE } from './format.js';

const strict = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);

/** Ids people already use: `CAB-120`, `#44`, `STORY-BOOT-TALOS`, `2.2`. Numbers are read as written. */
export const Id = z.union([z.string().min(1), z.number()]).transform(String);
export const DateStr = z.string().regex(DATE_RE, 'expected a date YYYY-MM-DD');
export const Duration = z
  .union([z.string(), z.number()])
  .transform(String)
  .refine((s) => DURATION_RE.test(s), 'expected a duration such as 2h, 1.5d, 1w or 3-5d');
export const Capacity = z
  .union([z.string(), z.number()])
  .transform(String)
  .refine((s) => BARE_CAPACITY_RE.test(s) || CAPACITY_RE.test(s), 'expected a capacity such as 8h/w or 6h/d');

export const Weekday = z.enum(WEEKDAYS);

/** A named range of calendar dates, both ends inclusive. */
export const DateRange = strict({
  name: z.string().optional(),
  from: DateStr,
  to: DateStr,
  note: z.string().optional(),
});

export const Holiday = z.union([DateStr, DateRange]);

export const Freeze = strict({
  name: z.string().optional(),
  from: DateStr,
  to: DateStr,
  note: z.string().optional(),
  /** When set, the freeze stops only these tracks or labels; otherwise everyone. */
  tracks: z.array(z.string()).optional(),
  labels: z.array(z.string()).optional(),
});

export const Sprint = strict({
  name: z.string(),
  goal: z.string().optional(),
  /** Explicit dates override the cadence for this sprint. */
  start: DateStr.optional(),
  end: DateStr.optional(),
  /** Issue ids on the sprint's critical path, in order. */
  critical: z.array(Id).optional(),
  /** Work that may run alongside when its prerequisites are met (free text). */
  parallel: z.array(z.string()).optional(),
  /** Go/no-go criteria checked at the end of the sprint. */
  gate: z.array(z.string()).optional(),
  note: z.string().optional(),
});

export const Sprints = strict({
  /** Sprint length, e.g. `2w`. */
  length: Duration,
  /** First day of the first sprint. */
  start: DateStr,
  list: z.array(Sprint).optional(),
});

export const Calendar = strict({
  holidays: z.array(Holiday).optional(),
  freezes: z.array(Freeze).optional(),
  sprints: Sprints.optional(),
  /** Plan-level critical path, as issue ids in order (what the document says). */
  critical_path: z.array(Id).optional(),
  /** Notes on work that can run in parallel (free text). */
  parallel: z.array(z.string()).optional(),
});

export const CapacityChange = strict({
  from: DateStr,
  capacity: Capacity,
  note: z.string().optional(),
});

export const Lane = strict({
  id: Id,
  name: z.string().optional(),
  kind: z.enum(LANE_KINDS).optional(),
  /** Hours available: `8h/w`, `6h/d`, or a number of hours per week. Default: a full working week. */
  capacity: Capacity.optional(),
  time_off: z.array(z.union([DateStr, DateRange])).optional(),
  changes: z.array(CapacityChange).optional(),
  note: z.string().optional(),
});

export const Milestone = strict({
  id: Id,
  title: z.string().optional(),
  kind: z.enum(MILESTONE_KINDS).optional(),
  deadline: DateStr.optional(),
  /** External reference, e.g. `Linear: CAB-171`. */
  ref: z.string().optional(),
  /** Issue or group ids this milestone needs done. Issues whose group names the milestone count too. */
  requires: z.array(Id).optional(),
  note: z.string().optional(),
});

export const Group = strict({
  id: Id,
  title: z.string().optional(),
  kind: z.enum(GROUP_KINDS).optional(),
  /** Parent group id: groups nest. */
  parent: Id.optional(),
  /** The issue that stands for this group in a tracker (the epic). */
  epic: Id.optional(),
  /** Estimate for the whole group, spread over its open leaf issues that have none. */
  estimate: Duration.optional(),
  milestone: Id.optional(),
  status: z.string().optional(),
  note: z.string().optional(),
});

export const Dependency = z.union([
  Id,
  strict({
    id: Id,
    /** Working days to wait after the dependency finishes. */
    lag: Duration.optional(),
  }),
]);

export const External = strict({
  /** What is awaited outside the team, e.g. `itsme® registration`. */
  title: z.string(),
  /** Lead time, e.g. `2-4w`; dependents start after it elapses. */
  lead: Duration,
  /** When the wait began; default: when the issue could first start. */
  since: DateStr.optional(),
  done: z.boolean().optional(),
});

export const Subtask = z.union([
  z.string(),
  strict({
    title: z.string(),
    done: z.boolean().optional(),
  }),
]);

export const TimeEntry = strict({
  date: DateStr,
  hours: z.number().positive(),
  note: z.string().optional(),
});

export const Issue = strict({
  id: Id,
  title: z.string(),
  status: z.string().optional(),
  group: Id.optional(),
  milestone: Id.optional(),
  estimate: Duration.optional(),
  lane: Id.optional(),
  priority: z.string().optional(),
  track: z.string().optional(),
  labels: z.array(z.string()).optional(),
  sprint: z.string().optional(),
  depends_on: z.array(Dependency).optional(),
  /** Inverse of depends_on: the listed issues depend on this one. */
  blocks: z.array(Id).optional(),
  external: z.array(External).optional(),
  subtasks: z.array(Subtask).optional(),
  deliverables: z.array(z.string()).optional(),
  notes: z.string().optional(),
  link: z.string().optional(),
  started: DateStr.optional(),
  done_on: DateStr.optional(),
  /** The status a done issue goes back to when unticked; written by tick when it is not the default (todo). */
  reopen_status: z.string().optional(),
  /** When the issue is wanted by (a calendar date); shown, not scheduled against. */
  due: DateStr.optional(),
  log: z.array(TimeEntry).optional(),
});

export const Risk = strict({
  id: Id.optional(),
  title: z.string(),
  impact: z.string().optional(),
  probability: z.string().optional(),
  mitigation: z.string().optional(),
  issues: z.array(Id).optional(),
});

export const Scenario = strict({
  id: Id,
  title: z.string().optional(),
  note: z.string().optional(),
  /** Lane id → issue ids, in the order that lane takes them. Unlisted issues keep their lane. */
  assign: z.record(z.string(), z.array(Id)),
  /** Sprint name → issue ids planned in that sprint under this scenario. Unlisted issues keep their sprint. */
  rhythm: z.record(z.string(), z.array(Id)).optional(),
  /** Issues that run alongside the rest ("en flux continu"): no hours of their own, from the first sprint to the finish. */
  continuous: z.array(Id).optional(),
});

export const Settings = strict({
  /** Save after each edit in the board. */
  autosave: z.boolean().optional(),
});

export const Plan = strict({
  /** Format version. */
  planboard: z.literal(1),
  title: z.string(),
  version: z.union([z.string(), z.number()]).transform(String).optional(),
  as_of: DateStr.optional(),
  target: DateStr.optional(),
  hours_per_day: z.number().positive().max(24).optional(),
  workdays: z.array(Weekday).optional(),
  statuses: z.array(z.string()).min(1).optional(),
  priorities: z.array(z.string()).min(1).optional(),
  settings: Settings.optional(),
  calendar: Calendar.optional(),
  lanes: z.array(Lane).optional(),
  milestones: z.array(Milestone).optional(),
  groups: z.array(Group).optional(),
  issues: z.array(Issue).optional(),
  risks: z.array(Risk).optional(),
  scenarios: z.array(Scenario).optional(),
  notes: z.string().optional(),
});
