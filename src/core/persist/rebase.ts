// Merging by issue id and field. Two sides that changed different fields — or the same field to
// the same value — merge silently; the same field of the same issue changed two ways is a Conflict.
// Time logs are append-only in spirit, so both sides' new entries are kept rather than compared.
import type { Op } from '../plan/op-types.js';
import { opFieldsOf, opTarget } from '../ops/index.js';
import type { IssueData, PlanData } from '../plan/model.js';
import { applyOpToData } from '../plan/ops.js';

export interface Conflict {
  id: string;
  /** An issue field (`status`, `lane`, `subtasks.2`, …) or `(issue)` when one side removed or re-added the issue. */
  field: string;
  mine: unknown;
  theirs: unknown;
}

/** Who wins a conflict: everywhere the same, or decided per conflict. */
export type Choice = 'mine' | 'theirs' | ((c: Conflict) => 'mine' | 'theirs');

export const WHOLE_ISSUE = '(issue)';
const REMOVED = 'removed';

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => deepEqual(v, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

const byId = (data: PlanData): Map<string, IssueData> => new Map((data.issues ?? []).map((i) => [String(i.id), i]));

/**
 * The fields of one issue that differ, with the new values (undefined = removed). Subtask lists
 * of unchanged length are compared item by item, so ticking different subtasks never collides.
 */
export function changedFields(base: IssueData, other: IssueData): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (base === other) return out;
  const b = base as Record<string, unknown>;
  const o = other as Record<string, unknown>;
  for (const k of new Set([...Object.keys(b), ...Object.keys(o)])) {
    if (deepEqual(b[k], o[k])) continue;
    const bs = b[k];
    const os = o[k];
    if (k === 'subtasks' && Array.isArray(bs) && Array.isArray(os) && bs.length === os.length) {
      os.forEach((s, i) => {
        if (!deepEqual(s, bs[i])) out.set(`subtasks.${i}`, s);
      });
    } else out.set(k, o[k]);
  }
  return out;
}

const sameTopField = (a: string, b: string) => a.split('.')[0] === b.split('.')[0];
const overlaps = (a: string, b: string) => a === b || (sameTopField(a, b) && (!a.includes('.') || !b.includes('.')));

/** Field-level changes from `base` to `other`, as ops (set-field per field; add-issue/remove-issue by id). */
export function diffPlans(base: PlanData, other: PlanData): Op[] {
  const ops: Op[] = [];
  const b = byId(base);
  const o = byId(other);
  for (const [id] of b) if (!o.has(id)) ops.push({ kind: 'remove-issue', id });
  for (const [id, issue] of o) {
    const was = b.get(id);
    if (!was) {
      ops.push({ kind: 'add-issue', issue: issue as IssueData & { id: string; title: string } });
      continue;
    }
    const fields = changedFields(was, issue);
    for (const field of new Set([...fields.keys()].map((f) => f.split('.')[0])))
      ops.push({ kind: 'set-field', id, field, value: (issue as Record<string, unknown>)[field] });
  }
  return ops;
}

interface IssueChange {
  kind: 'added' | 'removed' | 'changed';
  issue?: IssueData;
  fields: Map<string, unknown>;
}

/** Every issue that differs between base and other. O(n) over the issues. */
function issueChanges(base: Map<string, IssueData>, other: Map<string, IssueData>): Map<string, IssueChange> {
  const out = new Map<string, IssueChange>();
  for (const [id] of base) if (!other.has(id)) out.set(id, { kind: 'removed', fields: new Map() });
  for (const [id, issue] of other) {
    const was = base.get(id);
    if (!was) out.set(id, { kind: 'added', issue, fields: new Map() });
    else {
      const fields = changedFields(was, issue);
      if (fields.size) out.set(id, { kind: 'changed', issue, fields });
    }
  }
  return out;
}

/** Append-merge of time logs: ours, then their entries that were not in base (as a multiset). */
function mergeLogs(base: unknown, ours: unknown, theirs: unknown): unknown[] {
  const pool = [...((base as unknown[]) ?? [])];
  const added = ((theirs as unknown[]) ?? []).filter((e) => {
    const i = pool.findIndex((p) => deepEqual(p, e));
    if (i >= 0) pool.splice(i, 1);
    return i < 0;
  });
  return [...((ours as unknown[]) ?? []), ...added];
}

export interface MergeResult {
  /** Ops that carry THEIR changes onto OURS (for the three-way merge). */
  ops: Op[];
  conflicts: Conflict[];
}

/**
 * Three-way merge by issue id and field. `mine` and `theirs` both descend from `base`.
 * The ops bring theirs' non-conflicting changes onto mine; on a conflict mine's value stays.
 */
export function mergePlans(base: PlanData, mine: PlanData, theirs: PlanData): MergeResult {
  const b = byId(base);
  const m = byId(mine);
  const mineCh = issueChanges(b, m);
  const theirCh = issueChanges(b, byId(theirs));
  const ops: Op[] = [];
  const conflicts: Conflict[] = [];
  for (const [id, t] of theirCh) {
    const my = mineCh.get(id);
    if (t.kind === 'removed') {
      if (!my) ops.push({ kind: 'remove-issue', id });
      else if (my.kind !== 'removed') conflicts.push({ id, field: WHOLE_ISSUE, mine: 'changed', theirs: REMOVED });
      continue;
    }
    if (t.kind === 'added') {
      if (!my) ops.push({ kind: 'add-issue', issue: t.issue as IssueData & { id: string; title: string } });
      else if (!deepEqual(my.issue, t.issue)) conflicts.push({ id, field: WHOLE_ISSUE, mine: my.issue, theirs: t.issue });
      continue;
    }
    if (my?.kind === 'removed') {
      conflicts.push({ id, field: WHOLE_ISSUE, mine: REMOVED, theirs: 'changed' });
      continue;
    }
    const ours = (m.get(id) ?? {}) as Record<string, unknown>;
    const theirsIssue = t.issue as Record<string, unknown>;
    const mineFields = my?.fields ?? new Map<string, unknown>();
    const set = new Map<string, unknown>();
    let subtasks: unknown[] | undefined;
    for (const [field, value] of t.fields) {
      const clash = [...mineFields.keys()].filter((f) => overlaps(f, field));
      if (field === 'log') {
        if (clash.length) set.set('log', mergeLogs((b.get(id) as Record<string, unknown>).log, ours.log, value));
        else set.set('log', value);
        continue;
      }
      const mineValue = clash.length === 1 && clash[0] === field ? mineFields.get(field) : ours[field.split('.')[0]];
      if (clash.length && !deepEqual(mineValue, value)) {
        if ((field === 'done_on' || field === 'started') && ours.status === theirsIssue.status) continue; // same status, dated differently: keep ours
        conflicts.push({ id, field, mine: mineValue, theirs: value });
        continue;
      }
      if (clash.length) continue; // same change on both sides
      if (field.startsWith('subtasks.')) {
        subtasks ??= [...((ours.subtasks as unknown[]) ?? [])];
        subtasks[Number(field.slice('subtasks.'.length))] = value;
      } else set.set(field, value);
    }
    if (subtasks) set.set('subtasks', subtasks);
    for (const [field, value] of set) ops.push({ kind: 'set-field', id, field, value });
  }
  return { ops, conflicts };
}

/**
 * Conflicts between our pending edits (mine = base with our ops applied) and the file as it now
 * is on disk (theirs). Our ops are then replayed onto the disk text, so only clashes matter here.
 */
export function detectConflicts(base: PlanData, mine: PlanData, theirs: PlanData): Conflict[] {
  return mergePlans(base, mine, theirs).conflicts;
}

/**
 * THE rebase rule, shared by the board's save and reload, the CLI and the merge driver: our
 * pending `ops`, made against `base`, meet `theirs` (the file as it now is). Every field changed
 * both ways is a conflict; everything else replays. Ops that no longer apply to base (never the
 * case for a store's own pending ops) are left to the replay, which reports them.
 */
export function rebaseOps(base: PlanData, ops: Op[], theirs: PlanData): Conflict[] {
  if (ops.length === 0 || base === theirs) return [];
  let mine = base;
  for (const op of ops) {
    try {
      mine = applyOpToData(mine, op);
    } catch {
      /* replay reports it */
    }
  }
  const conflicts = detectConflicts(base, mine, theirs);
  // A field our ops WRITE counts as ours even when they end where they started (moved away and
  // back): replaying them would overwrite theirs, so a field they changed meanwhile is a conflict.
  const b = byId(base);
  const m = byId(mine);
  const t = byId(theirs);
  const seen = new Set(conflicts.map((c) => `${c.id}\u0000${c.field}`));
  for (const op of ops) {
    const id = opId(op);
    const [bi, mi, ti] = [b.get(id), m.get(id), t.get(id)] as (Record<string, unknown> | undefined)[];
    if (!bi || !mi || !ti) continue; // added or removed: the diff above has it
    for (const field of fieldsOf(op)) {
      if (field === 'log' || field === WHOLE_ISSUE) continue;
      const get = (i: Record<string, unknown>) => (field.startsWith('subtasks.') ? (i.subtasks as unknown[] | undefined)?.[Number(field.slice(9))] : i[field]);
      const [bv, mv, tv] = [get(bi), get(mi), get(ti)];
      if (deepEqual(bv, tv) || deepEqual(mv, tv)) continue; // theirs did not change it, or agrees
      if ((field === 'done_on' || field === 'started') && mi.status === ti.status) continue; // same status, dated differently
      const key = `${id}\u0000${field}`;
      if (seen.has(key) || [...seen].some((k) => k.startsWith(`${id}\u0000`) && overlaps(k.split('\u0000')[1], field))) continue;
      seen.add(key);
      conflicts.push({ id, field, mine: mv, theirs: tv });
    }
  }
  return conflicts;
}

/** Conflicts still standing plus new ones; the same issue and field keeps the newest values. */
export function mergeConflictLists(standing: Conflict[], found: Conflict[]): Conflict[] {
  const key = (c: Conflict) => `${c.id}\u0000${c.field}`;
  const out = new Map(standing.map((c) => [key(c), c]));
  for (const c of found) out.set(key(c), c);
  return [...out.values()];
}

/** The fields an op writes, for dropping the ops whose conflicts the user settled as "theirs" (the op registry says). */
export const fieldsOf = (op: Op): string[] => opFieldsOf(op);

/** The issue an op edits. */
export const opId = (op: Op): string => opTarget(op);

/**
 * Our ops after the user settled each conflict. "mine" keeps the op (it is replayed over theirs);
 * "theirs" drops it. Retry the save with `baseText` = the text the conflicts were found against.
 */
export function resolveConflicts(ops: Op[], conflicts: Conflict[], choice: Choice): Op[] {
  const pick = typeof choice === 'function' ? choice : () => choice;
  const dropped = conflicts.filter((c) => pick(c) === 'theirs');
  return ops.filter(
    (op) =>
      !dropped.some(
        (c) => c.id === opId(op) && (c.field === WHOLE_ISSUE || fieldsOf(op).some((f) => overlaps(f, c.field))),
      ),
  );
}
