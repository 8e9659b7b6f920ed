// Plans built in the test, through the real schema and model.
import { Plan } from '../../../src/core/plan/schema.js';
import { buildModel, type Model } from '../../../src/core/plan/model.js';
import { schedulePlan, type Schedule, type ScheduleOptions } from '../../../src/core/schedule/index.js';

export function model(plan: Record<string, unknown>): Model {
  return buildModel(Plan.parse({ planboard: 1, title: 'test', ...plan }));
}

export function schedule(plan: Record<string, unknown>, opts: Partial<ScheduleOptions> & { today: string }): Schedule {
  return schedulePlan(model(plan), opts);
}

/** start..end of one issue. */
export function span(s: Schedule, id: string): [string | null, string | null] {
  const x = s.byId.get(id);
  if (!x) throw new Error(`no issue ${id}`);
  return [x.start, x.end];
}
