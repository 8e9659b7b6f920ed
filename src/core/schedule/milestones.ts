// Which issues a milestone covers: its `requires` (issues, or groups expanded to every issue
// beneath them) plus every issue whose milestone (own or inherited from its group) is it.
import type { Model } from '../plan/model.js';

export function milestoneIssues(model: Model): Map<string, number[]> {
  const children = new Map<string, string[]>();
  for (const g of model.groups) {
    if (g.parent === undefined) continue;
    const list = children.get(g.parent) ?? [];
    list.push(g.id);
    children.set(g.parent, list);
  }
  const issuesByGroup = new Map<string, number[]>();
  model.issues.forEach((issue, i) => {
    if (issue.group === undefined) return;
    const list = issuesByGroup.get(issue.group) ?? [];
    list.push(i);
    issuesByGroup.set(issue.group, list);
  });
  const index = new Map<string, number>();
  model.issues.forEach((x, i) => index.has(x.id) || index.set(x.id, i));

  const sets = new Map<string, Set<number>>();
  for (const m of model.milestones) {
    const set = new Set<number>();
    const addGroup = (gid: string, seen: Set<string>) => {
      if (seen.has(gid)) return;
      seen.add(gid);
      for (const i of issuesByGroup.get(gid) ?? []) set.add(i);
      for (const c of children.get(gid) ?? []) addGroup(c, seen);
    };
    for (const r of m.requires ?? []) {
      const i = index.get(r);
      if (i !== undefined) set.add(i);
      if (model.groupById.has(r)) addGroup(r, new Set());
    }
    sets.set(m.id, set);
  }
  model.issues.forEach((issue, i) => {
    if (issue.milestone !== undefined) sets.get(issue.milestone)?.add(i);
  });
  const out = new Map<string, number[]>();
  for (const [id, set] of sets) out.set(id, [...set].sort((a, b) => a - b));
  return out;
}
