// Small hand-made plans and schedules for the timeline/capacity layout tests. The schedules are
// written out by hand (not computed) so each layout rule is checked against known dates.
import { parse } from 'yaml';
import { Plan } from '../../src/core/plan/schema.js';
import { buildModel, type Model } from '../../src/core/plan/model.js';
import type { Schedule, ScheduledIssue } from '../../src/core/schedule/types.js';

export function model(yaml: string): Model {
  return buildModel(Plan.parse(parse(yaml)));
}

export const TODAY = '2026-01-07'; // a Wednesday

export const PLAN = `
planboard: 1
title: Small plan
calendar:
  holidays: [2026-01-12]
  freezes:
    - { name: year-end, from: 2026-01-19, to: 2026-01-20 }
    - { name: db only, from: 2026-01-22, to: 2026-01-22, tracks: [db] }
lanes:
  - { id: ann, name: Ann, capacity: 40h/w }
  - { id: bob, capacity: 8h/w }
milestones:
  - { id: M1, title: First, deadline: 2026-01-30 }
groups:
  - { id: p1, title: Design, milestone: M1 }
  - { id: p2, title: Build, milestone: M1 }
issues:
  - { id: A, title: Sketch, group: p1, lane: ann, status: done, estimate: 2d, done_on: 2026-01-06 }
  - { id: B, title: Model, group: p1, lane: ann, status: in-progress, estimate: 3-5d, depends_on: [A] }
  - { id: C, title: Code, group: p2, lane: bob, estimate: 4d, depends_on: [B], track: db }
`;

export function sched(partial: Partial<ScheduledIssue> & { id: string }): ScheduledIssue {
  return {
    lane: 'ann',
    start: null,
    end: null,
    optimisticEnd: null,
    pessimisticEnd: null,
    remainingHours: 0,
    unestimated: false,
    latestFinish: null,
    slackDays: null,
    critical: false,
    blockedBy: [],
    ...partial,
  };
}

export function schedule(issues: ScheduledIssue[], extra: Partial<Schedule> = {}): Schedule {
  return {
    today: TODAY,
    issues,
    byId: new Map(issues.map((i) => [i.id, i])),
    sprints: [{ name: 'Sprint 1', start: '2026-01-05', end: '2026-01-16' }],
    milestones: [],
    lanes: ['ann', 'bob'],
    booked: new Map(),
    finish: null,
    criticalPath: [],
    criticalSource: 'computed',
    unestimated: { open: 0, sized: 0, assumption: '' },
    notes: [],
    ...extra,
  };
}

export const SCHEDULE = schedule([
  sched({ id: 'A', start: '2026-01-05', end: '2026-01-06' }),
  sched({ id: 'B', start: '2026-01-07', end: '2026-01-09', pessimisticEnd: '2026-01-14', critical: true, slackDays: 0, remainingHours: 32 }),
  sched({ id: 'C', lane: 'bob', start: '2026-01-13', end: '2026-01-16', pessimisticEnd: '2026-01-27', slackDays: 3, blockedBy: ['B'], remainingHours: 32 }),
]);
