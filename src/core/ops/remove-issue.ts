// `remove-issue`: an issue's lines go (the comment lines after it stay). Its inverse puts the
// same lines back in the same place when the caller knew them, else the issue's data there.
import type { PlanData } from '../plan/model.js';
import type { Op } from '../plan/op-types.js';
import { lazyProp } from './restore.js';
import { findIssue, OpError } from './data.js';
import { lineCount, removeItem } from './item-text.js';
import { WHOLE_ISSUE, type OpDef } from './types.js';

/** Where the plan still names issue `id`, outside its own item: `B (depends_on)`, `milestone M1 (requires)`. */
export function referencesTo(data: PlanData, id: string): string[] {
  const out: string[] = [];
  const has = (list: readonly (string | { id: string })[] | undefined) => list?.some((x) => (typeof x === 'string' ? x : x.id) === id) ?? false;
  for (const x of data.issues ?? []) {
    if (x.id === id) continue;
    if (has(x.depends_on)) out.push(`${x.id} (depends_on)`);
    if (has(x.blocks)) out.push(`${x.id} (blocks)`);
  }
  for (const m of data.milestones ?? []) if (has(m.requires)) out.push(`milestone ${m.id} (requires)`);
  for (const g of data.groups ?? []) if (g.epic === id) out.push(`group ${g.id} (epic)`);
  if (has(data.calendar?.critical_path)) out.push('calendar.critical_path');
  for (const s of data.calendar?.sprints?.list ?? []) if (has(s.critical)) out.push(`sprint ${s.name} (critical)`);
  for (const r of data.risks ?? []) if (has(r.issues)) out.push(`risk ${r.id ?? r.title} (issues)`);
  for (const s of data.scenarios ?? []) if (Object.values(s.assign).some(has)) out.push(`scenario ${s.id}`);
  return out;
}

export const removeIssueOp: OpDef<'remove-issue'> = {
  kind: 'remove-issue',
  apply: (data, op) => {
    const i = findIssue(data, op.id);
    const refs = referencesTo(data, op.id);
    if (refs.length) throw new OpError(`cannot remove ${op.id}: the plan still names it in ${refs.slice(0, 5).join(', ')}${refs.length > 5 ? ` and ${refs.length - 5} more` : ''}`);
    return { ...data, issues: data.issues!.filter((_, j) => j !== i) };
  },
  // Its own lines, with the blank lines after it when they repeat those above it; the diff
  // (which keeps every gap) when the layout is not plain.
  text: (text, before, op) => removeItem(text, findIssue(before, op.id)),
  target: (op) => op.id,
  fields: () => [WHOLE_ISSUE],
  inverse: (op, ctx) => {
    const issues = ctx.data.issues ?? [];
    const i = issues.findIndex((x) => x.id === op.id);
    if (i < 0) return [];
    const issue = issues[i] as (typeof issues)[number] & { id: string; title: string };
    const next = issues[i + 1]?.id;
    const add: Op = { kind: 'add-issue', issue, ...(next !== undefined ? { before: next } : {}) };
    const source = ctx.source;
    if (!source) return [add];
    // What the removal takes out goes back in; lines it left stay below the place it returns to.
    return [
      lazyProp(add, 'source', () => {
        const s = source(op.id);
        return s && { text: s.cut.above + s.text + s.cut.below, gapBelow: lineCount(s.gap) - lineCount(s.cut.below) };
      }),
    ];
  },
  describe: (op) => `removed ${op.id}`,
  // Other issues may still refer to it.
  needsPlanCheck: () => true,
};
