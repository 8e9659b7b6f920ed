// The data half of the three-way merge of plans: issues by id and field (rebase.ts), lanes,
// milestones, groups and scenarios by id and item, every other top-level key as a whole. No
// reference is checked against either side, so a lane or group one side adds and the other uses
// merges as data. Where both sides changed one thing two ways, OURS stays and the conflict keeps
// both versions (a deleted issue or item as null).
import type { IssueData, PlanData } from '../plan/model.js';
import { deepEqual, mergePlans, WHOLE_ISSUE } from './rebase.js';

/** One thing changed two ways. `section` is `issues` for issue fields, else the top-level key. */
export interface MergeConflict {
  section: string;
  /** The issue or item id; absent for a whole top-level key. */
  id?: string;
  /** The issue field (`status`, `subtasks.2`), or `(issue)` / `(item)` for a whole one. */
  field?: string;
  /** OURS' value (kept in the plan); null when ours deleted it. */
  ours: unknown;
  theirs: unknown;
}


/** Lists whose items carry ids: merged item by item. */
export const BY_ID = ['lanes', 'milestones', 'groups', 'scenarios'] as const;
const WHOLE_ITEM = '(item)';

export type Obj = Record<string, unknown>;
export const idOf = (x: unknown) => String((x as Obj).id);

/** Items by id: an item changed on one side takes that side; changed two ways keeps ours, a conflict. */
function mergeList(key: string, base: unknown[] = [], ours: unknown[] = [], theirs: unknown[] = [], conflicts: MergeConflict[]): unknown[] {
  const b = new Map(base.map((x) => [idOf(x), x]));
  const t = new Map(theirs.map((x) => [idOf(x), x]));
  const o = new Map(ours.map((x) => [idOf(x), x]));
  const pick = (id: string): unknown => {
    const [bv, ov, tv] = [b.get(id), o.get(id), t.get(id)];
    if (deepEqual(ov, tv) || deepEqual(bv, tv)) return ov;
    if (deepEqual(bv, ov)) return tv;
    conflicts.push({ section: key, id, field: WHOLE_ITEM, ours: ov ?? null, theirs: tv ?? null });
    return ov;
  };
  const out: unknown[] = [];
  const seen = new Set<string>();
  for (const id of [...o.keys(), ...t.keys(), ...b.keys()]) {
    if (seen.has(id)) continue;
    seen.add(id);
    const v = pick(id);
    if (v !== undefined) out.push(v);
  }
  return out;
}

/** The merged plan data, and what could not be merged. */
export function mergePlanData(base: PlanData, ours: PlanData, theirs: PlanData): { data: PlanData; conflicts: MergeConflict[] } {
  const conflicts: MergeConflict[] = [];
  const [b, o, t] = [base, ours, theirs] as Obj[];
  const out: Obj = {};
  for (const key of new Set([...Object.keys(o), ...Object.keys(t), ...Object.keys(b)])) {
    if (key === 'issues') continue;
    if ((BY_ID as readonly string[]).includes(key)) {
      const list = mergeList(key, b[key] as unknown[], o[key] as unknown[], t[key] as unknown[], conflicts);
      // An emptied list stays written only where both sides still have the key.
      if (list.length || (o[key] !== undefined && t[key] !== undefined)) out[key] = list;
      continue;
    }
    let v: unknown;
    if (deepEqual(o[key], t[key]) || deepEqual(b[key], t[key])) v = o[key];
    else if (deepEqual(b[key], o[key])) v = t[key];
    else {
      conflicts.push({ section: key, ours: o[key] ?? null, theirs: t[key] ?? null });
      v = o[key];
    }
    if (v !== undefined) out[key] = v;
  }

  // Issues: theirs' changes carried onto ours as ops, applied here without reference checks.
  const { ops, conflicts: issueConflicts } = mergePlans(base, ours, theirs);
  let issues: IssueData[] | undefined = ours.issues ? [...ours.issues] : undefined;
  for (const op of ops) {
    issues ??= [];
    if (op.kind === 'remove-issue') issues = issues.filter((i) => String(i.id) !== op.id);
    else if (op.kind === 'add-issue') issues.push(op.issue);
    else if (op.kind === 'set-field') {
      issues = issues.map((i) => {
        if (String(i.id) !== op.id) return i;
        const next = { ...i } as Obj;
        if (op.value === undefined || op.value === null) delete next[op.field];
        else next[op.field] = op.value;
        return next as IssueData;
      });
    }
  }
  if (issues !== undefined) out.issues = issues;
  const oursById = new Map((ours.issues ?? []).map((i) => [String(i.id), i]));
  const theirsById = new Map((theirs.issues ?? []).map((i) => [String(i.id), i]));
  for (const c of issueConflicts) {
    // A whole-issue conflict (deleted on one side, changed or re-added on the other) shows both versions.
    if (c.field === WHOLE_ISSUE) conflicts.push({ section: 'issues', id: c.id, field: c.field, ours: oursById.get(c.id) ?? null, theirs: theirsById.get(c.id) ?? null });
    else conflicts.push({ section: 'issues', id: c.id, field: c.field, ours: c.mine ?? null, theirs: c.theirs ?? null });
  }
  return { data: out as PlanData, conflicts };
}
