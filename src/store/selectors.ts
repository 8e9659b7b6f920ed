// Read the store through these. Each derived selector is memoised on the slices it reads.
import type { Issue, Model } from '../core/plan/model.js';
import { capacityByPeriod, schedulePlan } from '../core/schedule/index.js';
import { UNASSIGNED, type LaneCapacity, type Schedule } from '../core/schedule/types.js';
import { scenarioModel } from '../core/plan/scenario-view.js';
import { columnsOf, keeps, keptIssues, rowOf } from './visible.js';
import { memo } from './memo.js';
import type { Filter, ViewState } from './types.js';
import { sortIssues } from './sort.js';
import type { SortOrder } from '../core/persist/view-prefs.js';

const viewModel = memo(scenarioModel);
/** The plan as the active scenario staffs it (issues on its lanes, unstaffed lanes gone): what every pane shows. */
export const selectModel = (s: ViewState): Model => viewModel(s.model, s.scenario);
export const selectSelectedId = (s: ViewState) => s.selectedId;
export const selectToday = (s: ViewState) => s.today;
export const selectTimelineView = (s: ViewState) => s.timeline;
export const selectCapacityPeriod = (s: ViewState) => s.capacityPeriod;
export const selectScenario = (s: ViewState) => s.scenario;
export const selectFolded = (s: ViewState) => s.folded;

const filterIssues = memo((model: Model, filter: Filter, search: string, hideDone: boolean, sort: SortOrder): Issue[] =>
  sortIssues(keptIssues(model, filter, hideDone, search), model, sort),
);

/** Issues that pass hide-done, the filter and the search, in the chosen order (file order by default). */
export const selectVisibleIssues = (s: ViewState): Issue[] => filterIssues(selectModel(s), s.filter, s.search, s.hideDone, s.sort);

/** Whether issue `id` is visible, without walking the visible list. */
export const selectIsVisible = (s: ViewState, id: string | null): boolean => {
  const issue = id === null ? undefined : selectModel(s).byId.get(id);
  return issue !== undefined && keeps(issue, s.filter, s.hideDone, s.search);
};

/** Timeline navigation: the rows the cursor visits, a folded group counting as its first issue. */
export const selectTimelineNav = (s: ViewState): Issue[] => timelineNav(selectTimelineRows(s), s.timeline.groupBy, s.folded);
const timelineNav = memo((rows: Issue[], by: 'group' | 'lane', folded: string[]): Issue[] => {
  if (folded.length === 0) return rows;
  const shut = new Set(folded);
  const seen = new Set<string>();
  return rows.filter((i) => {
    const key = (by === 'group' ? i.group : i.lane) ?? '';
    if (!shut.has(key)) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
});

const groupRows = (issues: Issue[], model: Model, by: 'group' | 'lane'): Issue[] => {
  // Stable bucket order: groups/lanes as declared, then anything undeclared, then none.
  const order = new Map<string, number>();
  (by === 'group' ? model.groups.map((g) => g.id) : model.lanes.map((l) => l.id)).forEach((id, n) => order.set(id, n));
  const key = (i: Issue) => (by === 'group' ? i.group : i.lane);
  const rank = (i: Issue) => {
    const k = key(i);
    if (k === undefined) return Number.MAX_SAFE_INTEGER;
    return order.get(k) ?? order.size;
  };
  return [...issues].sort((a, b) => rank(a) - rank(b) || a.index - b.index);
};
// One memo slot per use, so the timeline and the swimlanes never evict each other.
const timelineRows = memo(groupRows);
const laneRows = memo(groupRows);

/** Timeline (and capacity/standup) row order: visible issues grouped by phase or lane. */
export const selectTimelineRows = (s: ViewState): Issue[] => timelineRows(selectVisibleIssues(s), selectModel(s), s.timeline.groupBy);

/** Kanban columns: status → visible issues in file order (by lane first when swimlanes are on). */
export const selectColumns = (s: ViewState): Map<string, Issue[]> =>
  columnsOf(s.swimlanes ? laneRows(selectVisibleIssues(s), selectModel(s), 'lane') : selectVisibleIssues(s), s.model.statuses);

/** The selection's column (among the non-empty ones, as navigation counts them) and row, or -1s. */
export function selectKanbanPosition(s: ViewState): { cols: Issue[][]; c: number; r: number } {
  const cols = [...selectColumns(s).values()].filter((c) => c.length > 0);
  const issue = s.selectedId === null ? undefined : selectModel(s).byId.get(s.selectedId);
  // Look in the issue's own column first: the others need not be indexed.
  const own = issue ? cols.findIndex((col) => col[0].status === issue.status) : -1;
  const order = own < 0 ? cols.keys() : [own, ...[...cols.keys()].filter((c) => c !== own)];
  for (const c of order) {
    const r = rowOf(cols[c], issue);
    if (r >= 0) return { cols, c, r };
  }
  return { cols, c: -1, r: -1 };
}

const scheduled = memo((model: Model, today: string, scenario: string | undefined): { schedule: Schedule | null; error: string | null } => {
  try {
    return { schedule: schedulePlan(model, { today, scenario }), error: null };
  } catch (e) {
    return { schedule: null, error: e instanceof Error ? e.message : String(e) };
  }
});

/** One scenario's finish (or why it cannot be scheduled), for the capacity pane's side-by-side line. */
export interface ScenarioFinish {
  /** undefined: the plan's own lanes. */
  id: string | undefined;
  title: string;
  finish: string | null;
  error?: string;
}

/** The plan as written, then each scenario: an engine run each, so once per edit, never per key. */
export const scenarioFinishes = memo((model: Model, today: string): ScenarioFinish[] => {
  const scenarios = model.data.scenarios ?? [];
  if (scenarios.length === 0) return [];
  const run = (id: string | undefined, title: string): ScenarioFinish => {
    try {
      return { id, title, finish: schedulePlan(model, { today, scenario: id }).finish };
    } catch (e) {
      return { id, title, finish: null, error: e instanceof Error ? e.message : String(e) };
    }
  };
  return [run(undefined, 'plan'), ...scenarios.map((sc) => run(sc.id, sc.title ?? sc.id))];
});

export const selectScenarioFinishes = (s: ViewState): ScenarioFinish[] => scenarioFinishes(s.model, s.today);

/** The engine's schedule: computed once per edit (new model) or scenario change, never on navigation. */
export const selectSchedule = (s: ViewState): Schedule | null => scheduled(s.model, s.today, s.scenario).schedule;
/** Why there is no schedule (a dependency cycle, an unknown id), or null. */
export const selectScheduleError = (s: ViewState): string | null => scheduled(s.model, s.today, s.scenario).error;

/**
 * The dates the capacity view can scroll across: from the earliest work on record (a log entry,
 * a start, a done date, a sprint) to the latest of the forecast finish, a deadline and a sprint.
 * ISO dates compare as strings.
 */
export function capacityRange(model: Model, schedule: Schedule): { from: string; to: string } {
  let from = schedule.today;
  let to = schedule.finish && schedule.finish > schedule.today ? schedule.finish : schedule.today;
  const seen = (d: string | undefined) => {
    if (!d) return;
    if (d < from) from = d;
    if (d > to) to = d;
  };
  for (const i of model.issues) {
    seen(i.started);
    seen(i.doneOn);
    for (const e of i.log) seen(e.date);
  }
  for (const m of model.milestones) seen(m.deadline);
  for (const sp of schedule.sprints) (seen(sp.start), seen(sp.end));
  return { from, to };
}

const capacity = memo((model: Model, schedule: Schedule | null, period: ViewState['capacityPeriod'], view: Model): LaneCapacity[] =>
  schedule
    ? capacityByPeriod(model, schedule, period, capacityRange(model, schedule)).filter((c) => view === model || view.laneById.has(c.lane) || c.lane === UNASSIGNED)
    : [],
);

/** Capacity per lane and period for the chosen period (recomputed on edit or period change). */
export const selectCapacity = (s: ViewState): LaneCapacity[] => capacity(s.model, selectSchedule(s), s.capacityPeriod, selectModel(s));

/** Index of the first period that has not ended by `today` (where the capacity view opens). */
export function currentPeriodIndex(periods: readonly { end: string }[], today: string): number {
  const i = periods.findIndex((c) => c.end >= today);
  return i < 0 ? periods.length : i;
}

/** How far the capacity view may scroll from the current period: back to the first, on to the last. */
export function capacityScrollRange(s: ViewState): { min: number; max: number } {
  const periods = selectCapacity(s)[0]?.periods ?? [];
  const at = currentPeriodIndex(periods, s.today);
  return { min: -at, max: Math.max(0, periods.length - 1 - at) };
}

export const selectSelectedIssue = (s: ViewState): Issue | undefined =>
  s.selectedId === null ? undefined : selectModel(s).byId.get(s.selectedId);

