// A source can contradict itself (`A -> B -> A`): a plan cannot. The edge that closes a cycle is
// dropped and reported through `dropped`, so the plan still schedules and nothing is silently lost.

export function breakCycles<T extends { id: string; depends_on?: string[] }>(items: T[], dropped: (item: T, dep: string) => void): void {
  const byId = new Map(items.map((i) => [i.id, i]));
  const state = new Map<string, 1 | 2>(); // 1 on the path, 2 finished
  for (const root of items) {
    if (state.has(root.id)) continue;
    const stack: { item: T; k: number }[] = [{ item: root, k: 0 }];
    state.set(root.id, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const deps = top.item.depends_on ?? [];
      if (top.k >= deps.length) {
        state.set(top.item.id, 2);
        stack.pop();
        continue;
      }
      const dep = deps[top.k];
      if (state.get(dep) === 1) {
        deps.splice(top.k, 1);
        dropped(top.item, dep);
        continue;
      }
      top.k++;
      const next = byId.get(dep);
      if (next && !state.has(dep)) {
        state.set(dep, 1);
        stack.push({ item: next, k: 0 });
      }
    }
  }
}
