// A binary min-heap with a caller-supplied order. Keys may only improve (move toward the top)
// while an element is at the top, which is all the scheduler needs. `reset` empties it for the
// next pass (the Monte Carlo forecast reuses its heaps) and may change the order.

export class Heap<T> {
  /** The heap's array, top first (the forward pass reads its size and top from it directly). */
  readonly items: T[] = [];
  constructor(private less: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }
  reset(less: (a: T, b: T) => boolean = this.less): void {
    this.items.length = 0;
    this.less = less;
  }
  peek(): T | undefined {
    return this.items[0];
  }
  push(x: T): void {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(a[i], a[p])) break;
      const t = a[i];
      a[i] = a[p];
      a[p] = t;
      i = p;
    }
  }
  pop(): T | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l], a[m])) m = l;
        if (r < a.length && this.less(a[r], a[m])) m = r;
        if (m === i) break;
        const t = a[i];
        a[i] = a[m];
        a[m] = t;
        i = m;
      }
    }
    return top;
  }
}
