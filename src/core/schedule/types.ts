// What the scheduling engine answers. Dates are calendar dates, `YYYY-MM-DD` strings.

export type ISODate = string;
export type Period = 'week' | 'month' | 'quarter' | 'sprint';
export type Verdict = 'on-track' | 'at-risk' | 'late';

/** Lane id given to issues that have none; reported as such. */
export const UNASSIGNED = 'unassigned';

export interface ScheduleOptions {
  /** "Today": nothing is booked before it. */
  today: ISODate;
  /** Scenario id: its lane assignment replaces the issues' own. */
  scenario?: string;
  /** Apply observed velocity (actual / estimated hours of done issues) to remaining work. */
  velocity?: boolean;
}

export interface ScheduledIssue {
  id: string;
  /** Lane the issue was booked on (its own, the scenario's, or UNASSIGNED). */
  lane: string;
  /** First working day with booked work; for done issues, `started` or null. */
  start: ISODate | null;
  /** Last working day with booked work, inclusive; for done issues, `done_on` or null. */
  end: ISODate | null;
  /** End if every remaining estimate took its minimum / maximum. */
  optimisticEnd: ISODate | null;
  pessimisticEnd: ISODate | null;
  /** Hours still to do (expected); 0 for done issues. */
  remainingHours: number;
  /** No estimate of its own and none spread from its group: flagged, never silently zero. */
  unestimated: boolean;
  /** Hours assumed for an unestimated issue (its share of its sprint); absent when none was. */
  assumedHours?: number;
  /** The sprint it is planned in (the scenario's rhythm, else its own). */
  sprint?: string;
  /** Latest finish that keeps its milestone's deadline (or the plan's finish), and slack in working days. */
  latestFinish: ISODate | null;
  slackDays: number | null;
  critical: boolean;
  /** Ids of dependencies not yet done. */
  blockedBy: string[];
}

export interface SprintSpan {
  name: string;
  goal?: string;
  start: ISODate;
  end: ISODate;
}

export interface MilestoneForecast {
  id: string;
  title?: string;
  deadline: ISODate | null;
  /** Issue ids the milestone covers. */
  issues: string[];
  estimateHours: number;
  doneHours: number;
  remainingHours: number;
  unestimated: number;
  progressEstimate: number; // 0..1, by estimate
  progressCount: number; // 0..1, by issue count
  expected: ISODate | null;
  optimistic: ISODate | null;
  pessimistic: ISODate | null;
  verdict: Verdict | null; // null without a deadline
  slipDays: number; // working days past the deadline (expected), 0 when on time
  /** Hours the milestone's lanes have left between today and the deadline. */
  capacityHoursLeft: number | null;
  /** Open hours of milestones due earlier on the same lanes, which those lanes must deliver first. */
  aheadHours?: number;
  /** Does the remaining work, after the earlier milestones' work, fit in that capacity? */
  fits: boolean | null;
}

export interface Schedule {
  today: ISODate;
  scenario?: string;
  /** In file order. */
  issues: ScheduledIssue[];
  byId: Map<string, ScheduledIssue>;
  sprints: SprintSpan[];
  milestones: MilestoneForecast[];
  /** Lane ids in plan order, plus UNASSIGNED when used. */
  lanes: string[];
  /** Hours booked per lane per working day: lane → date → hours. */
  booked: Map<string, Map<ISODate, number>>;
  /** Last end over all issues. */
  finish: ISODate | null;
  /** Ids on the longest chain (critical path), in order. */
  criticalPath: string[];
  /** computed: the driving chain of the levelled schedule; declared: the plan's own (no estimates to compute one). */
  criticalSource: 'computed' | 'declared';
  /** Open issues with work, in the order the levelling started them (the tjp export's priorities). */
  startOrder?: string[];
  /** Open issues without an estimate, how many were sized from their sprint, and what was assumed, in words. */
  unestimated: { open: number; sized: number; assumption: string };
  /** Soft findings: unestimated issues, unassigned lane use, velocity applied. */
  notes: string[];
}

export interface CapacityCell {
  period: string; // e.g. 2026-W03, 2026-01, 2026-Q1, Sprint 1
  start: ISODate;
  end: ISODate;
  availableHours: number;
  plannedHours: number;
  loggedHours: number;
  freeHours: number;
  /** By sprint only: the open work the sprint holds on this lane (it may exceed what can be booked). */
  committedHours?: number;
  over: boolean;
}

export interface LaneCapacity {
  lane: string;
  periods: CapacityCell[];
}
