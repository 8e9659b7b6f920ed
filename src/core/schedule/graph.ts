// The dependency graph over issue indices: explicit finish-to-start dependencies plus one
// implicit edge from each member of a group to the issue standing for that group (its epic).
// Unknown ids and cycles are errors that name the ids; nothing here can loop forever.
import type { Model } from '../plan/model.js';
import { ScheduleError } from './errors.js';
import type { Work } from './estimates.js';

export interface Edge {
  /** The other issue's index. */
  other: number;
  /** Working days to wait after the predecessor finishes. */
  lag: number;
  /** Epic edge: the epic finishes the day its last member does. */
  sameDay: boolean;
}

export interface Graph {
  preds: Edge[][];
  succs: Edge[][];
  /** Every issue index, predecessors first. */
  topo: number[];
}

export function buildGraph(model: Model, work: Work[]): Graph {
  const n = model.issues.length;
  const index = new Map<string, number>();
  model.issues.forEach((x, i) => {
    if (!index.has(x.id)) index.set(x.id, i);
  });
  const preds: Edge[][] = Array.from({ length: n }, () => []);
  const succs: Edge[][] = Array.from({ length: n }, () => []);
  const unknown: string[] = [];
  const link = (from: number, to: number, lag: number, sameDay: boolean) => {
    preds[to].push({ other: from, lag, sameDay });
    succs[from].push({ other: to, lag, sameDay });
  };
  model.issues.forEach((issue, i) => {
    for (const d of issue.deps) {
      const j = index.get(d.id);
      if (j === undefined) unknown.push(`${issue.id} → ${d.id}`);
      else link(j, i, d.lagDays, false);
    }
  });
  if (unknown.length > 0) {
    throw new ScheduleError(
      `unknown dependenc${unknown.length === 1 ? 'y' : 'ies'}: ${unknown.join(', ')}`,
      unknown.map((u) => u.split(' → ')[1]),
    );
  }

  // Epic edges: every issue under a group (at any depth) precedes that group's epic issue.
  const epicIndex = new Map<string, number>();
  work.forEach((w, i) => {
    if (w.epicOf !== undefined) epicIndex.set(w.epicOf, i);
  });
  if (epicIndex.size > 0) {
    const seen = new Set<string>();
    model.issues.forEach((issue, i) => {
      seen.clear();
      for (let g = issue.group; g !== undefined && !seen.has(g); g = model.groupById.get(g)?.parent) {
        seen.add(g);
        const e = epicIndex.get(g);
        if (e !== undefined && e !== i) link(i, e, 0, true);
      }
    });
  }

  // Kahn's algorithm in file order, so the order is deterministic.
  const indeg = preds.map((p) => p.length);
  const topo: number[] = [];
  for (let i = 0; i < n; i++) if (indeg[i] === 0) topo.push(i);
  for (let k = 0; k < topo.length; k++) {
    for (const e of succs[topo[k]]) if (--indeg[e.other] === 0) topo.push(e.other);
  }
  if (topo.length < n) {
    const cycle = findCycle(preds, indeg).map((i) => model.issues[i].id);
    throw new ScheduleError(`dependency cycle: ${cycle.join(' → ')}`, cycle);
  }
  return { preds, succs, topo };
}

/** A cycle among nodes Kahn could not order (indeg > 0), as a path that returns to its start. */
function findCycle(preds: Edge[][], indeg: number[]): number[] {
  let start = indeg.findIndex((d) => d > 0);
  // Walk predecessors that are still stuck; with finitely many nodes a node must repeat.
  const pos = new Map<number, number>();
  const path: number[] = [];
  let cur = start;
  while (!pos.has(cur)) {
    pos.set(cur, path.length);
    path.push(cur);
    cur = preds[cur].find((e) => indeg[e.other] > 0)!.other;
  }
  const cycle = path.slice(pos.get(cur)!).reverse();
  // Start at the issue that comes first in the file, so the message is stable.
  const first = cycle.indexOf(Math.min(...cycle));
  const rotated = [...cycle.slice(first), ...cycle.slice(0, first)];
  start = rotated[0];
  return [...rotated, start];
}
