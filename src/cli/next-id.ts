// The id a new issue gets: the next in the plan's own pattern. The pattern is read from the last
// issue (of the group, when one is given): CAB-238 → CAB-239, 2.4 → 2.5, T-007 → T-008.
// (Written here for `planboard add`; the board's `n` may want it from core once ops move there.)

const NUMBERED = /^(.*?)(\d+)$/;

export function nextIssueId(ids: readonly string[], patternFrom?: string): string {
  const taken = new Set(ids);
  const source = patternFrom ?? [...ids].reverse().find((id) => NUMBERED.test(id));
  const m = source === undefined ? undefined : NUMBERED.exec(source);
  const prefix = m ? m[1] : '';
  const width = m?.[2].startsWith('0') ? m[2].length : 1;
  // The highest number already used with this prefix, so a gap or a reordering never repeats an id.
  let n = 0;
  for (const id of ids) {
    const x = NUMBERED.exec(id);
    if (x && x[1] === prefix) n = Math.max(n, Number(x[2]));
  }
  let id: string;
  do id = `${prefix}${String(++n).padStart(width, '0')}`;
  while (taken.has(id));
  return id;
}
