// The visible issues and the kanban columns, kept up to date by small steps where a keypress
// allows it, so that a key at 10,000 issues does not walk 10,000 issues:
// - typing into the search narrows the result of the query it extends (search.ts `narrows`), and
//   the results of the queries typed since the last edit are kept, so a backspace is a lookup;
// - an edit that replaced a few issues (store/model-update.ts keeps every other issue object)
//   patches the previous list and only the columns those issues leave and enter.
// Every shortcut gives the list a full recomputation would (test/ui/visible.test.ts).
import type { Issue, Model } from '../core/plan/model.js';
import { localStep } from './model-update.js';
import { matchWords, narrows, queryWords } from './search.js';
import type { Filter } from './types.js';

/** The filter and hide-done, without the search. */
function passes(filter: Filter, hideDone: boolean): (i: Issue) => boolean {
  return (i) =>
    (!hideDone || !i.done) &&
    (!filter.status || i.status === filter.status) &&
    (!filter.group || i.group === filter.group) &&
    (!filter.milestone || i.milestone === filter.milestone) &&
    (!filter.sprint || i.sprint === filter.sprint) &&
    (!filter.lane || (filter.lane === '-' ? !i.lane : i.lane === filter.lane));
}

/** Whether the filter and hide-done keep every issue (then, without a search, the list is the model's own). */
const keepsAll = (filter: Filter, hideDone: boolean) => !hideDone && !filter.status && !filter.group && !filter.milestone && !filter.sprint && !filter.lane;

/** Whether one issue is kept by the filter, hide-done and the search (no list walked). */
export function keeps(issue: Issue, filter: Filter, hideDone: boolean, search: string): boolean {
  const words = queryWords(search);
  return passes(filter, hideDone)(issue) && (words.length === 0 || matchWords(issue, words));
}

/** The issues replaced between two models, as [before, after] pairs; null when it is not a small local change. */
const MAX_CHANGES = 32;
function replaced(before: Model, after: Model): [Issue, Issue][] | null {
  const a = before.issues;
  const b = after.issues;
  if (a.length !== b.length) return null;
  const out: [Issue, Issue][] = [];
  // updateModel says which issues it replaced; another pair of models is compared in full.
  const step = localStep(after);
  const indexes = step?.from === before ? step.changed : a.keys();
  for (const n of indexes) {
    if (a[n] === b[n]) continue;
    // The order is file order (index) on both sides, so the patch can place by index.
    if (a[n].index !== n || b[n].index !== n || out.length === MAX_CHANGES) return null;
    out.push([a[n], b[n]]);
  }
  return out;
}

/** Position of `issue` (or where it would go) in a list in file order. */
function place(list: Issue[], index: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].index < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `list` without the entry at `at`, or with `issue` put in at `at`: one array of the exact size. */
function spliced(list: Issue[], at: number, issue?: Issue): Issue[] {
  const out = new Array<Issue>(list.length + (issue ? 1 : -1));
  for (let i = 0; i < at; i++) out[i] = list[i];
  if (issue) {
    out[at] = issue;
    for (let i = at; i < list.length; i++) out[i + 1] = list[i];
  } else for (let i = at + 1; i < list.length; i++) out[i - 1] = list[i];
  return out;
}

/**
 * `list` (in file order) with each replaced issue taken out and its successor put in if kept. A
 * new array, copied once: the lists run to 10,000 entries and each copy outlives a few frames, so
 * what it allocates is what the garbage collector later moves.
 */
function patched(list: Issue[], changes: [Issue, Issue][], keep: (i: Issue) => boolean, keptNow?: Set<Issue>): Issue[] {
  let out: Issue[] | null = null;
  for (const [was, now] of changes) {
    const cur = out ?? list;
    const at = place(cur, was.index);
    const present = cur[at] === was;
    const kept = keep(now);
    if (kept) keptNow?.add(now);
    if (present && kept) {
      out ??= list.slice();
      out[at] = now;
    } else if (present) out = out ? (out.splice(at, 1), out) : spliced(list, at);
    else if (kept) out = out ? (out.splice(at, 0, now), out) : spliced(list, at, now);
  }
  return out ?? list.slice();
}

/** Lists known to be in file order (ascending index): a row is then found by binary search. */
const fileOrder = new WeakSet<Issue[]>();
const ascending = (list: Issue[]) => list.every((i, n) => n === 0 || list[n - 1].index < i.index);
const ordered = (list: Issue[], known: boolean) => {
  if (known) fileOrder.add(list);
  return list;
};

/**
 * The last list and what it changed from, for the columns to follow by the same steps. The list
 * it came from is held weakly, so lists do not keep each other alive in a chain across edits.
 */
const steps = new WeakMap<Issue[], { from: WeakRef<Issue[]>; changes: [Issue, Issue][]; kept: Set<Issue> }>();

interface Kept {
  model: Model;
  filter: Filter;
  hideDone: boolean;
  /** Trimmed query → kept issues in file order, for the queries typed since the model changed. */
  byQuery: Map<string, Issue[]>;
}
let last: Kept | null = null;
const MAX_QUERIES = 64;

/** Issues that pass hide-done, the filter and the search, in file order. */
export function keptIssues(model: Model, filter: Filter, hideDone: boolean, search: string): Issue[] {
  const q = search.trim();
  const words = queryWords(q);
  const pass = passes(filter, hideDone);
  const keep = words.length === 0 ? pass : (i: Issue) => pass(i) && matchWords(i, words);
  // Nothing hidden: the model's list itself, not a copy of 10,000 entries per edit.
  const all = words.length === 0 && keepsAll(filter, hideDone);
  if (last && last.model === model && last.filter === filter && last.hideDone === hideDone) {
    const hit = last.byQuery.get(q);
    if (hit) return hit;
    // The longest earlier query this one extends: its issues are the only candidates.
    let from = model.issues;
    let longest = -1;
    for (const [p, list] of last.byQuery) {
      if (p.length > longest && narrows(p, q)) {
        from = list;
        longest = p.length;
      }
    }
    if (last.byQuery.size >= MAX_QUERIES) last.byQuery.clear();
    const out = all ? ordered(model.issues, ascending(model.issues)) : ordered(from.filter(keep), fileOrder.has(from) || ascending(model.issues));
    last.byQuery.set(q, out);
    return out;
  }
  let out: Issue[] | null = null;
  if (last && last.filter === filter && last.hideDone === hideDone) {
    const prev = last.byQuery.get(q);
    const changes = prev ? replaced(last.model, model) : null;
    if (prev && changes) {
      const kept = new Set<Issue>();
      // The model's list: in file order when the one it replaced was (an edit keeps every index).
      if (all) for (const [, now] of changes) kept.add(now);
      out = ordered(all ? model.issues : patched(prev, changes, keep, kept), fileOrder.has(prev));
      steps.set(out, { from: new WeakRef(prev), changes, kept });
    }
  }
  if (!out) {
    out = all ? model.issues : model.issues.filter(keep);
    ordered(out, ascending(out));
  }
  last = { model, filter, hideDone, byQuery: new Map([[q, out]]) };
  return out;
}

/** Status → issues, in list order; a status the plan did not declare still shows. */
function buildColumns(issues: Issue[], statuses: string[]): Map<string, Issue[]> {
  const map = new Map<string, Issue[]>(statuses.map((st) => [st, []]));
  for (const i of issues) {
    let col = map.get(i.status);
    if (!col) map.set(i.status, (col = []));
    col.push(i);
  }
  return map;
}

type Columns = { issues: Issue[]; statuses: string[]; map: Map<string, Issue[]> };
let lastColumns: Columns | null = null;
const built = new WeakMap<Issue[], Columns>();

/**
 * Kanban columns of `issues`. After a patched list (which is in file order) only the columns of
 * the replaced issues are new arrays: the others keep their identity, and their row indexes.
 */
export function columnsOf(issues: Issue[], statuses: string[]): Map<string, Issue[]> {
  const prev = lastColumns;
  if (prev && prev.issues === issues && prev.statuses === statuses) return prev.map;
  // A list seen before (a backspace back to a query typed since the last edit) has its columns.
  const seen = built.get(issues);
  if (seen && seen.statuses === statuses) {
    lastColumns = seen;
    return seen.map;
  }
  const step = steps.get(issues);
  let map: Map<string, Issue[]>;
  // Undeclared statuses come after the declared ones in order of first appearance, which a
  // change may reorder: those changes take the full build.
  const declared = (st: string) => statuses.includes(st);
  if (step && prev && prev.issues === step.from.deref() && prev.statuses === statuses && step.changes.every(([was, now]) => declared(was.status) && declared(now.status))) {
    map = new Map(prev.map);
    const touched = new Set<string>();
    for (const [was, now] of step.changes) touched.add(was.status).add(now.status);
    for (const status of touched) {
      const col = map.get(status) ?? [];
      const mine = step.changes.filter(([was, now]) => was.status === status || now.status === status);
      map.set(status, patched(col, mine, (i) => i.status === status && step.kept.has(i)));
    }
  } else map = buildColumns(issues, statuses);
  if (fileOrder.has(issues)) for (const col of map.values()) fileOrder.add(col);
  lastColumns = { issues, statuses, map };
  built.set(issues, lastColumns);
  return map;
}

const rows = new WeakMap<Issue[], Map<string, number>>();

/** Row of `issue` in `list` (-1 when absent): by binary search in a list in file order, else by an index built once per list. */
export function rowOf(list: Issue[], issue: Issue | undefined): number {
  if (!issue) return -1;
  if (fileOrder.has(list)) {
    const at = place(list, issue.index);
    return list[at] === issue ? at : -1;
  }
  let m = rows.get(list);
  if (!m) {
    m = new Map();
    for (let r = 0; r < list.length; r++) if (!m.has(list[r].id)) m.set(list[r].id, r);
    rows.set(list, m);
  }
  return m.get(issue.id) ?? -1;
}
