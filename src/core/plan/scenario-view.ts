// The plan as a scenario would staff it: each issue on the lane the scenario assigns, and only the
// lanes the scenario staffs (those it names, or that still hold work). Every pane reads this model,
// so the kanban's swimlanes, the timeline and the capacity view all show the same scenario.
import type { Issue, Model } from './model.js';

export function scenarioModel(model: Model, scenarioId: string | undefined): Model {
  if (scenarioId === undefined) return model;
  const sc = (model.data.scenarios ?? []).find((s) => s.id === scenarioId);
  if (!sc) return model;
  const laneOf = new Map<string, string>();
  for (const [lane, ids] of Object.entries(sc.assign)) for (const id of ids) laneOf.set(String(id), lane);
  const issues: Issue[] = model.issues.map((i) => {
    const lane = laneOf.get(i.id);
    return lane === undefined || lane === i.lane ? i : { ...i, lane };
  });
  const staffed = new Set(Object.keys(sc.assign));
  for (const i of issues) if (i.lane !== undefined && !i.done) staffed.add(i.lane);
  const lanes = model.lanes.filter((l) => staffed.has(l.id));
  return {
    ...model,
    issues,
    byId: new Map(issues.map((i) => [i.id, i])),
    lanes,
    laneById: new Map(lanes.map((l) => [l.id, l])),
  };
}
