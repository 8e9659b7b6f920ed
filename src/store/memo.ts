// Memoisation by argument identity: selectors recompute only when their inputs change, so
// navigation (which changes only selectedId) reuses filtered lists, rows and capacity tables.
export function memo<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: A | null = null;
  let value: R;
  return (...args: A) => {
    if (last && last.length === args.length && last.every((a, i) => Object.is(a, args[i]))) return value;
    value = fn(...args);
    last = args;
    return value;
  };
}
