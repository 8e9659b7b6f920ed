// Issue ids for items that have none, made from the plan's own pattern: a plan whose items say
// `ABC-12` gets `ABC-13`, one whose items say `#12` gets `#13`, and one with no ids gets `T-1`.
// Only ids that lead an item, a heading or a table row count: `(#444)` in a sentence is a reference.

export function idMaker(text: string, taken: (id: string) => boolean, forced?: string): () => string {
  const counts = new Map<string, number>();
  const highest = new Map<string, number>();
  for (const m of text.matchAll(/^\s*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+|#{1,6}\s+|\|\s*)(?:\*\*|`)?(#|[A-Z][A-Z0-9]*-)(\d+)\b/gm)) {
    counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
    highest.set(m[1], Math.max(highest.get(m[1]) ?? 0, +m[2]));
  }
  const [prefix] = forced ? [`${forced}-`] : ([...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['T-']);
  let n = highest.get(prefix) ?? 0;
  return () => {
    let id: string;
    do id = `${prefix}${++n}`;
    while (taken(id));
    return id;
  };
}
