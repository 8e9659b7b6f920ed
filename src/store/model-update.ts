// The model after an edit, without rebuilding all of it: an op replaces one issue's data
// (structural sharing), so only that issue's normalised form is rebuilt. At 10,000 issues a full
// buildModel costs tens of milliseconds, far over a frame; this is a few. Anything it cannot
// prove local (other top-level keys changed, issues added/removed/reordered, `blocks` edited,
// which changes other issues' deps) falls back to buildModel.
import { buildModel, type Model, type PlanData } from '../core/plan/model.js';

const MAX_LOCAL = 32;

export function updateModel(prev: Model, data: PlanData): Model {
  const pd = prev.data as Record<string, unknown>;
  const nd = data as Record<string, unknown>;
  for (const k of new Set([...Object.keys(pd), ...Object.keys(nd)])) if (k !== 'issues' && pd[k] !== nd[k]) return buildModel(data);
  const before = prev.data.issues ?? [];
  const after = data.issues ?? [];
  if (before.length !== after.length || before.length !== prev.issues.length) return buildModel(data);
  const changed: number[] = [];
  for (let i = 0; i < after.length; i++) {
    if (before[i] === after[i]) continue;
    if (before[i].id !== after[i].id || before[i].blocks !== after[i].blocks) return buildModel(data);
    changed.push(i);
    if (changed.length > MAX_LOCAL) return buildModel(data);
  }
  if (changed.length === 0) return { ...prev, data };

  const issues = prev.issues.slice();
  const byId = new Map(prev.byId);
  for (const i of changed) {
    const old = prev.issues[i];
    // The issue alone, normalised exactly as buildModel does (same groups, hours, statuses).
    const fresh = buildModel({ ...data, issues: [after[i]] }).issues[0];
    // Deps that came from other issues' `blocks` (appended after its own) stay as they were.
    const ownBefore = (before[i].depends_on ?? []).length;
    for (const d of old.deps.slice(ownBefore)) if (!fresh.deps.some((x) => x.id === d.id)) fresh.deps.push(d);
    fresh.index = old.index;
    issues[i] = fresh;
    if (byId.get(old.id) === old) byId.set(old.id, fresh);
  }
  return { ...prev, data, issues, byId };
}
