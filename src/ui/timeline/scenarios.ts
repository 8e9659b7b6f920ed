// Each scenario's finish, for the capacity pane's side-by-side line. Scheduling every scenario
// is an engine run each, so it is memoised per model and today: once per edit, never per key.
import type { Model } from '../../core/plan/model.js';
import { schedulePlan } from '../../core/schedule/index.js';
import type { ScenarioFinish } from './capacity.js';

const cache = new WeakMap<Model, { today: string; value: ScenarioFinish[] }>();

/** The plan as written, then each scenario; empty when the plan defines none. */
export function scenarioFinishes(model: Model, today: string): ScenarioFinish[] {
  const scenarios = model.data.scenarios ?? [];
  if (scenarios.length === 0) return [];
  const hit = cache.get(model);
  if (hit && hit.today === today) return hit.value;
  const run = (id: string | undefined, title: string): ScenarioFinish => {
    try {
      return { id, title, finish: schedulePlan(model, { today, scenario: id }).finish };
    } catch (e) {
      return { id, title, finish: null, error: e instanceof Error ? e.message : String(e) };
    }
  };
  const value = [run(undefined, 'plan'), ...scenarios.map((s) => run(s.id, s.title ?? s.id))];
  cache.set(model, { today, value });
  return value;
}
