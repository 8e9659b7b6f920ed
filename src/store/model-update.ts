// The model after an edit, without rebuilding all of it: an op replaces one issue's data
// (structural sharing), so only that issue's normalised form is rebuilt. At 10,000 issues a full
// buildModel costs tens of milliseconds, far over a frame; this is a few. Anything it cannot
// prove local (other top-level keys changed, issues added/removed/reordered, `blocks` edited,
// which changes other issues' deps) falls back to buildModel.
import { buildModel, type Issue, type Model, type PlanData } from '../core/plan/model.js';

/**
 * byId after a local edit: the replaced issues over the previous index, read through, so an edit
 * does not copy a 10,000-entry map (1–2 ms and its garbage). Ids never change in a local edit, so
 * the keys and their order are the base's. Read-only, as every model's maps are used.
 */
class IdIndex extends Map<string, Issue> {
  constructor(
    readonly base: ReadonlyMap<string, Issue>,
    over: Iterable<[string, Issue]>,
  ) {
    super(over);
  }
  override get(id: string) {
    return super.get(id) ?? this.base.get(id);
  }
  override has(id: string) {
    return this.base.has(id);
  }
  override get size() {
    return this.base.size;
  }
  override *entries(): MapIterator<[string, Issue]> {
    for (const [id, issue] of this.base) yield [id, super.get(id) ?? issue];
  }
  override keys() {
    return this.base.keys();
  }
  override *values(): MapIterator<Issue> {
    for (const [, issue] of this.entries()) yield issue;
  }
  override [Symbol.iterator]() {
    return this.entries();
  }
  override forEach(f: (issue: Issue, id: string, map: Map<string, Issue>) => void, self?: unknown) {
    for (const [id, issue] of this.entries()) f.call(self, issue, id, this);
  }
  /** The replaced issues so far (kept one level deep: an index over an index merges them). */
  own(): [string, Issue][] {
    return [...super.entries()];
  }
}

/** The index with `fresh` issues replaced; a full copy once the replaced ones are many. */
function replaceIn(prev: Map<string, Issue>, fresh: [string, Issue][]): Map<string, Issue> {
  if (!(prev instanceof IdIndex)) return new IdIndex(prev, fresh);
  const own = prev.own();
  if (own.length + fresh.length > 256) {
    const flat = new Map(prev.entries());
    for (const [id, issue] of fresh) flat.set(id, issue);
    return flat;
  }
  return new IdIndex(prev.base, [...own, ...fresh]);
}

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
  const replaced: [string, Issue][] = [];
  for (const i of changed) {
    const old = prev.issues[i];
    // The issue alone, normalised exactly as buildModel does (same groups, hours, statuses).
    const fresh = buildModel({ ...data, issues: [after[i]] }).issues[0];
    // Deps that came from other issues' `blocks` (appended after its own) stay as they were.
    const ownBefore = (before[i].depends_on ?? []).length;
    for (const d of old.deps.slice(ownBefore)) if (!fresh.deps.some((x) => x.id === d.id)) fresh.deps.push(d);
    fresh.index = old.index;
    issues[i] = fresh;
    if (prev.byId.get(old.id) === old) replaced.push([old.id, fresh]);
  }
  const next = { ...prev, data, issues, byId: replaceIn(prev.byId, replaced) };
  localSteps.set(next, { from: new WeakRef(prev), changed });
  return next;
}

// The model a step came from is held weakly: held strongly, every model would keep the one before
// it, and a session would keep every model it ever had (10,000-issue arrays, one per edit).
const localSteps = new WeakMap<Model, { from: WeakRef<Model>; changed: number[] }>();

/** For a model updateModel made: the model it came from (while it lives) and the indexes of the issues it replaced. */
export function localStep(model: Model): { from: Model | undefined; changed: number[] } | undefined {
  const step = localSteps.get(model);
  return step && { from: step.from.deref(), changed: step.changed };
}
