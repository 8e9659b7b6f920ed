// The plan as the rest of the program sees it: the file's data (PlanData, straight from the
// schema) plus a normalised view (Model) with defaults applied and durations in hours.
import type { z } from 'zod';
import { DEFAULT_HOURS_PER_DAY, DEFAULT_PRIORITIES, DEFAULT_STATUSES, DEFAULT_WORKDAYS, DONE } from './format.js';
import type { Plan } from './schema.js';
import { parseCapacity, parseDuration, type Hours } from './duration.js';

export type PlanData = z.output<typeof Plan>;
export type IssueData = NonNullable<PlanData['issues']>[number];
export type GroupData = NonNullable<PlanData['groups']>[number];
export type LaneData = NonNullable<PlanData['lanes']>[number];
export type MilestoneData = NonNullable<PlanData['milestones']>[number];
export type Weekday = NonNullable<PlanData['workdays']>[number];

export interface Dep {
  id: string;
  /** Working days to wait after the dependency finishes. */
  lagDays: number;
}

export interface Issue {
  id: string;
  title: string;
  status: string;
  done: boolean;
  group?: string;
  /** Own milestone, or the nearest group's. */
  milestone?: string;
  /** Own estimate in hours; undefined when the file gives none. */
  estimate?: Hours;
  lane?: string;
  priority?: string;
  track?: string;
  labels: string[];
  sprint?: string;
  /** depends_on plus the inverse of other issues' `blocks`. */
  deps: Dep[];
  external: { title: string; lead: Hours; since?: string; done: boolean }[];
  subtasks: { title: string; done: boolean }[];
  started?: string;
  doneOn?: string;
  log: { date: string; hours: number; note?: string }[];
  loggedHours: number;
  /** Position in the file, for stable ordering. */
  index: number;
  data: IssueData;
}

export interface Lane {
  id: string;
  name: string;
  kind?: string;
  /** Hours per week (from `8h/w`) or per day (from `6h/d`). */
  capacity: { hours: number; per: 'w' | 'd' };
  timeOff: { from: string; to: string }[];
  changes: { from: string; capacity: { hours: number; per: 'w' | 'd' } }[];
  data?: LaneData;
}

export interface Model {
  data: PlanData;
  title: string;
  hoursPerDay: number;
  workdays: Weekday[];
  statuses: string[];
  priorities: string[];
  issues: Issue[];
  byId: Map<string, Issue>;
  lanes: Lane[];
  laneById: Map<string, Lane>;
  groups: GroupData[];
  groupById: Map<string, GroupData>;
  milestones: MilestoneData[];
}

/** Builds the normalised model. Assumes the data passed schema validation. */
export function buildModel(data: PlanData): Model {
  const hoursPerDay = data.hours_per_day ?? DEFAULT_HOURS_PER_DAY;
  const workdays = data.workdays ?? [...DEFAULT_WORKDAYS];
  const statuses = data.statuses ?? [...DEFAULT_STATUSES];
  const priorities = data.priorities ?? [...DEFAULT_PRIORITIES];
  const groups = data.groups ?? [];
  const groupById = new Map(groups.map((g) => [g.id, g]));
  const dur = (s: string) => parseDuration(s, hoursPerDay);

  const milestoneOf = (groupId: string | undefined): string | undefined => {
    const seen = new Set<string>();
    while (groupId && !seen.has(groupId)) {
      seen.add(groupId);
      const g = groupById.get(groupId);
      if (!g) return undefined;
      if (g.milestone) return g.milestone;
      groupId = g.parent;
    }
    return undefined;
  };

  const issues: Issue[] = (data.issues ?? []).map((d, index) => {
    const status = d.status ?? statuses[0];
    const log = d.log ?? [];
    return {
      id: d.id,
      title: d.title,
      status,
      done: status === DONE,
      group: d.group,
      milestone: d.milestone ?? milestoneOf(d.group),
      estimate: d.estimate === undefined ? undefined : dur(d.estimate),
      lane: d.lane,
      priority: d.priority,
      track: d.track,
      labels: d.labels ?? [],
      sprint: d.sprint,
      deps: (d.depends_on ?? []).map((x) =>
        typeof x === 'string' ? { id: x, lagDays: 0 } : { id: x.id, lagDays: x.lag ? dur(x.lag).expected / hoursPerDay : 0 },
      ),
      external: (d.external ?? []).map((e) => ({ title: e.title, lead: dur(e.lead), since: e.since, done: e.done ?? false })),
      subtasks: (d.subtasks ?? []).map((s) => (typeof s === 'string' ? { title: s, done: false } : { title: s.title, done: s.done ?? false })),
      started: d.started,
      doneOn: d.done_on,
      log,
      loggedHours: log.reduce((sum, e) => sum + e.hours, 0),
      index,
      data: d,
    };
  });
  const byId = new Map<string, Issue>();
  for (const i of issues) if (!byId.has(i.id)) byId.set(i.id, i);
  // `blocks: [X]` on A means X depends on A.
  for (const a of issues) {
    for (const x of a.data.blocks ?? []) {
      const target = byId.get(x);
      if (target && !target.deps.some((d) => d.id === a.id)) target.deps.push({ id: a.id, lagDays: 0 });
    }
  }

  const lanes: Lane[] = (data.lanes ?? []).map((l) => ({
    id: l.id,
    name: l.name ?? l.id,
    kind: l.kind,
    capacity: l.capacity ? parseCapacity(l.capacity) : { hours: hoursPerDay * workdays.length, per: 'w' },
    timeOff: (l.time_off ?? []).map((t) => (typeof t === 'string' ? { from: t, to: t } : { from: t.from, to: t.to })),
    changes: (l.changes ?? []).map((c) => ({ from: c.from, capacity: parseCapacity(c.capacity) })),
    data: l,
  }));

  return {
    data,
    title: data.title,
    hoursPerDay,
    workdays,
    statuses,
    priorities,
    issues,
    byId,
    lanes,
    laneById: new Map(lanes.map((l) => [l.id, l])),
    groups,
    groupById,
    milestones: data.milestones ?? [],
  };
}
