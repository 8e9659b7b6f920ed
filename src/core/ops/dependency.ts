// `add-dependency` and `remove-dependency`: one entry of an issue's depends_on. A dependency that
// would close a loop is refused at once, with the loop named.
import type { PlanData } from '../plan/model.js';
import { Duration } from '../plan/schema.js';
import { findIssue, getIssue, OpError, updateIssue, without } from './data.js';
import { restoreFields } from './restore.js';
import type { OpDef } from './types.js';

const depId = (d: string | { id: string }) => (typeof d === 'string' ? d : d.id);

/** Issue → the issues it waits for: its depends_on plus every issue whose `blocks` names it. */
function waitsFor(data: PlanData): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (a: string, b: string) => out.set(a, [...(out.get(a) ?? []), b]);
  for (const x of data.issues ?? []) {
    for (const d of x.depends_on ?? []) add(x.id, depId(d));
    for (const b of x.blocks ?? []) add(b, x.id);
  }
  return out;
}

/** The chain from `from` to `to` along "waits for", shortest first, or undefined. */
export function dependencyPath(data: PlanData, from: string, to: string): string[] | undefined {
  const graph = waitsFor(data);
  const prev = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    if (v === to) {
      const path = [v];
      for (let x = v; x !== from; ) path.push((x = prev.get(x)!));
      return path.reverse();
    }
    for (const w of graph.get(v) ?? []) {
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return undefined;
}

/** Whether `id` already waits for `on` directly (its own list, or `on`'s blocks). */
export function dependsDirectly(data: PlanData, id: string, on: string): 'depends_on' | 'blocks' | undefined {
  if ((getIssue(data, id).depends_on ?? []).some((d) => depId(d) === on)) return 'depends_on';
  if ((getIssue(data, on).blocks ?? []).includes(id)) return 'blocks';
  return undefined;
}

export const addDependencyOp: OpDef<'add-dependency'> = {
  kind: 'add-dependency',
  apply: (data, op) => {
    findIssue(data, op.id);
    findIssue(data, op.on);
    if (op.lag !== undefined && !Duration.safeParse(op.lag).success) throw new OpError(`bad lag "${op.lag}": expected a duration such as 2d`);
    // Already so (perhaps added on both sides of a merge): nothing to do.
    if (dependsDirectly(data, op.id, op.on)) return data;
    const loop = op.id === op.on ? [op.on] : dependencyPath(data, op.on, op.id);
    if (loop) throw new OpError(`would make a cycle: ${[op.id, ...loop].join(' → ')}`);
    const entry = op.lag === undefined ? op.on : { id: op.on, lag: op.lag };
    return updateIssue(data, op.id, (issue) => ({ ...issue, depends_on: [...(issue.depends_on ?? []), entry] }));
  },
  text: 'diff',
  target: (op) => op.id,
  fields: () => ['depends_on'],
  inverse: (op, ctx) => restoreFields(op.id, ['depends_on'], ctx),
  describe: (op) => `${op.id} waits for ${op.on}${op.lag ? ` (+${op.lag})` : ''}`,
  needsPlanCheck: () => false,
};

export const removeDependencyOp: OpDef<'remove-dependency'> = {
  kind: 'remove-dependency',
  apply: (data, op) => {
    findIssue(data, op.on);
    return updateIssue(data, op.id, (issue) => {
      const list = issue.depends_on ?? [];
      const kept = list.filter((d) => depId(d) !== op.on);
      if (kept.length === list.length) {
        if ((getIssue(data, op.on).blocks ?? []).includes(op.id)) {
          throw new OpError(`${op.id} waits for ${op.on} through ${op.on}'s blocks list: edit that list instead`);
        }
        return issue; // gone already
      }
      return kept.length ? { ...issue, depends_on: kept } : without(issue, 'depends_on');
    });
  },
  text: 'diff',
  target: (op) => op.id,
  fields: () => ['depends_on'],
  inverse: (op, ctx) => restoreFields(op.id, ['depends_on'], ctx),
  describe: (op) => `${op.id} no longer waits for ${op.on}`,
  needsPlanCheck: () => false,
};
