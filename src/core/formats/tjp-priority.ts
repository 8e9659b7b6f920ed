// Our levelling order as TaskJuggler priorities. tj3 takes tasks one by one, the highest
// priority first among those whose dependencies it has scheduled, each into its resource's
// earliest free time. Priorities that fall along each lane's sequence and along every dependency
// make it book each lane in our order: a task could only overtake an earlier one on its lane if
// something that one waits for were still unscheduled, and that has a higher priority still.
// Tasks that share a priority are then on different lanes and independent, and do not compete.
// So a task's priority is 1000 less its depth in the two orders (an issue with no hours passes
// depth on).

export interface PriorityInput {
  /** Open issues, in file order. */
  open: string[];
  /** Each lane's issues in the order our schedule started them. */
  laneSequences: string[][];
  /** The issues an issue waits for, as exported. */
  depsOf(id: string): string[];
  /** Whether an issue has hours left to book. */
  hasWork(id: string): boolean;
}

/** Priority (1..1000) per issue with work. */
export function levellingPriorities({ open, laneSequences, depsOf, hasWork }: PriorityInput): Map<string, number> {
  const lanePrev = new Map<string, string>();
  for (const list of laneSequences) {
    const work = list.filter(hasWork);
    work.forEach((id, r) => r > 0 && lanePrev.set(id, work[r - 1]));
  }
  const predsOf = (id: string) => {
    const prev = lanePrev.get(id);
    const deps = depsOf(id);
    return prev === undefined ? deps : [...deps, prev];
  };
  const depth = new Map<string, number>();
  for (const root of open) {
    const stack = [root];
    while (stack.length > 0) {
      const id = stack[stack.length - 1];
      if (depth.has(id)) {
        stack.pop();
        continue;
      }
      const preds = predsOf(id);
      const missing = preds.filter((x) => !depth.has(x));
      if (missing.length > 0) {
        stack.push(...missing);
        continue;
      }
      const step = hasWork(id) ? 1 : 0;
      depth.set(id, preds.reduce((m, x) => Math.max(m, depth.get(x)! + step), step));
      stack.pop();
    }
  }
  // Deeper than 1000: depths are scaled to fit, and neighbours may then share a priority.
  let deepest = 1;
  for (const [id, d] of depth) if (hasWork(id)) deepest = Math.max(deepest, d);
  const priority = new Map<string, number>();
  for (const [id, d] of depth) {
    if (hasWork(id)) priority.set(id, deepest <= 1000 ? 1001 - d : 1000 - Math.floor(((d - 1) * 1000) / deepest));
  }
  return priority;
}
