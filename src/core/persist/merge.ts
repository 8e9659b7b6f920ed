// Three-way semantic merge of plan texts, for `planboard merge` as a git merge driver. Their
// changes are carried onto OURS as ops (so OURS keeps its formatting and comments); top-level
// sections other than `issues` are taken whole from the side that changed them. Conflicts keep
// OURS's value and are recorded in a top-level `conflicts:` block, which the schema rejects, so
// `planboard validate` points at it until someone resolves it.
import { isMap, isScalar, parseDocument, stringify, type Pair } from 'yaml';
import { applyOps } from '../plan/ops.js';
import { loadPlanText, type Problem } from '../plan/load.js';
import type { PlanData } from '../plan/model.js';
import { deepEqual, mergePlans, type Conflict } from './rebase.js';

export const CONFLICTS_KEY = 'conflicts';

export type MergeTextResult =
  | { ok: true; text: string; conflicts: Conflict[] }
  | { ok: false; problems: Problem[]; side: 'base' | 'ours' | 'theirs' };

/** Top-level key → [start, end) of its `key: value` text, from a parsed document. */
function sections(text: string): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) return out;
  for (const pair of doc.contents.items as Pair[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const k = pair.key as { range?: [number, number, number] } | null;
    const v = pair.value as { range?: [number, number, number] } | null;
    if (key === undefined || !k?.range) continue;
    out.set(key, [k.range[0], v?.range?.[2] ?? k.range[2]]);
  }
  return out;
}

const withNewline = (s: string) => (s.endsWith('\n') ? s : s + '\n');

/** Takes theirs' version of each plan-level section that only they changed; both changed it → conflict. */
function mergeSections(
  text: string,
  theirsText: string,
  base: PlanData,
  ours: PlanData,
  theirs: PlanData,
): { text: string; conflicts: Conflict[] } {
  const conflicts: Conflict[] = [];
  const b = base as Record<string, unknown>;
  const o = ours as Record<string, unknown>;
  const t = theirs as Record<string, unknown>;
  const keys = new Set([...Object.keys(b), ...Object.keys(t)].filter((k) => k !== 'issues'));
  const take: string[] = [];
  for (const key of keys) {
    if (deepEqual(b[key], t[key]) || deepEqual(o[key], t[key])) continue;
    if (!deepEqual(b[key], o[key])) conflicts.push({ id: '(plan)', field: key, mine: o[key], theirs: t[key] });
    else take.push(key);
  }
  if (!take.length) return { text, conflicts };
  const theirSections = sections(theirsText);
  // Splice from the end so earlier offsets stay valid.
  const edits: { start: number; end: number; insert: string }[] = [];
  const ourSections = sections(text);
  for (const key of take) {
    const mine = ourSections.get(key);
    const their = theirSections.get(key);
    const insert = their ? withNewline(theirsText.slice(their[0], their[1])) : '';
    if (mine) edits.push({ start: mine[0], end: mine[1], insert });
    else edits.push({ start: text.length, end: text.length, insert: (text.endsWith('\n') ? '' : '\n') + insert });
  }
  edits.sort((x, y) => y.start - x.start);
  for (const e of edits) text = text.slice(0, e.start) + e.insert + text.slice(e.end);
  return { text, conflicts };
}

/** A plain-language, machine-readable record of conflicts, appended to the merged text. */
export function conflictBlock(conflicts: Conflict[]): string {
  const entries = conflicts.map((c) => ({
    issue: c.id,
    field: c.field,
    ours: c.mine === undefined ? null : c.mine,
    theirs: c.theirs === undefined ? null : c.theirs,
  }));
  return (
    '\n# planboard merge: the fields below were changed two ways. The plan keeps OURS for each.\n' +
    '# Set each to the value you want, then delete this whole `conflicts:` block.\n' +
    stringify({ [CONFLICTS_KEY]: entries })
  );
}

export function mergePlanTexts(baseText: string, oursText: string, theirsText: string, file: string): MergeTextResult {
  const sides = { base: baseText, ours: oursText, theirs: theirsText } as const;
  const data = {} as Record<keyof typeof sides, PlanData>;
  for (const side of ['base', 'ours', 'theirs'] as const) {
    const r = loadPlanText(sides[side], side === 'ours' ? file : `${file} (${side})`);
    if (!r.ok) return { ok: false, problems: r.problems, side };
    data[side] = r.plan.data;
  }
  const { ops, conflicts } = mergePlans(data.base, data.ours, data.theirs);
  let text = ops.length ? applyOps(oursText, ops) : oursText;
  const plan = mergeSections(text, theirsText, data.base, data.ours, data.theirs);
  text = plan.text;
  const all = [...conflicts, ...plan.conflicts];
  if (all.length) text = withNewline(text) + conflictBlock(all);
  return { ok: true, text, conflicts: all };
}
