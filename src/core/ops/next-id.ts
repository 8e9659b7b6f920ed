// A new issue's id in the plan's own pattern: `CAB-239` after `CAB-238`, `2.5` after `2.4`,
// `#52` after `#51`. The pattern is a prefix and a trailing number; the one to follow is the
// `near` issue's, else the most common in the group (or the plan), the latest on a tie.
import type { PlanData } from '../plan/model.js';

const PATTERN = /^(.*?)(\d+)$/;

interface Parsed {
  prefix: string;
  n: number;
  /** Digits written, when zero-padded (`T-007`): the width to keep. */
  width: number;
}

function parse(id: string): Parsed | undefined {
  const m = PATTERN.exec(id);
  if (!m) return undefined;
  return { prefix: m[1], n: Number(m[2]), width: m[2].startsWith('0') && m[2].length > 1 ? m[2].length : 0 };
}

/** The most common prefix among these ids, the latest one on a tie; undefined when none has a number. */
function commonPrefix(ids: string[]): string | undefined {
  const count = new Map<string, number>();
  let best: string | undefined;
  for (const id of ids) {
    const p = parse(id);
    if (!p) continue;
    const c = (count.get(p.prefix) ?? 0) + 1;
    count.set(p.prefix, c);
    if (best === undefined || c >= count.get(best)!) best = p.prefix;
  }
  return best;
}

/** The words ids share without numbers (`STORY-BOOT-TALOS`, `STORY-NET-…` → `STORY-`), or ''. */
function wordPrefix(ids: string[]): string {
  const heads = ids.map((id) => /^[A-Za-z]+[-_]/.exec(id)?.[0]).filter((h): h is string => h !== undefined);
  const count = new Map<string, number>();
  for (const h of heads) count.set(h, (count.get(h) ?? 0) + 1);
  let best = '';
  for (const [h, c] of count) if (c > (count.get(best) ?? 0)) best = h;
  return best;
}

export function nextIssueId(data: PlanData, opts: { group?: string; near?: string } = {}): string {
  const issues = data.issues ?? [];
  const ids = issues.map((i) => i.id);
  // Group, lane, milestone ids too: a new issue must not share an id with anything it could be confused with.
  const taken = new Set([...ids, ...(data.groups ?? []).map((g) => g.id), ...(data.milestones ?? []).map((m) => m.id)]);
  const pool = opts.group !== undefined ? issues.filter((i) => i.group === opts.group).map((i) => i.id) : ids;
  const prefix = (opts.near !== undefined ? parse(opts.near)?.prefix : undefined) ?? commonPrefix(pool) ?? commonPrefix(ids);
  if (prefix === undefined) {
    const head = wordPrefix(pool.length ? pool : ids) || 'ISSUE-';
    let n = 1;
    while (taken.has(`${head}${n}`)) n++;
    return `${head}${n}`;
  }
  let max = 0;
  let width = 0;
  for (const id of ids) {
    const p = parse(id);
    if (p && p.prefix === prefix) {
      max = Math.max(max, p.n);
      width = Math.max(width, p.width);
    }
  }
  for (let n = max + 1; ; n++) {
    const id = `${prefix}${String(n).padStart(width, '0')}`;
    if (!taken.has(id)) return id;
  }
}
