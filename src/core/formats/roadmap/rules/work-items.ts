// Work items as people write them: task items (with their done state) and plain bullets under plan
// headings become issues (items.ts, inline.ts); `Deadline:` lines date their section.
import type { SourceLine } from '../lines.js';
import { BULLET, type Draft } from '../draft.js';
import { readsAsPlan } from './heading.js';
import { deadlineBullet, isAside, itemIssue } from './items.js';

/** Task items and plain bullets under plan headings as issues, `Deadline:` lines, and what introduces a list. */
export function workItemLine(d: Draft, l: SourceLine, t: string): boolean {
  if (l.html) {
    d.keep(l);
    return true;
  }
  // A wrapped line of a list item that became an issue belongs to it.
  if (l.cont && d.lastItem) return true;
  const due = deadlineBullet(l.item ? l.item.text : l.cont ? '' : t, d.year);
  if (due && d.section() !== d.root) {
    d.section().milestone ??= d.milestoneFor(d.section());
    d.section().milestone!.deadline = due;
    return true;
  }
  const s = d.section();
  const li = l.item;
  if (li && d.lastItem && li.depth > d.lastItem.depth && li.checked === null) {
    // A plain bullet under an item: a step of it.
    d.lastItem.issue.subtasks.push({ title: li.text, done: d.lastItem.issue.status === 'done' });
    return true;
  }
  const planHere = d.intro ? d.intro.plan : s === d.root ? d.root.plan : s.plan;
  if (li && (li.checked !== null || (!d.idMode && planHere))) {
    const made = itemIssue(li, Boolean(s.done));
    const issue = d.newIssue(made.id && !d.issueById.has(made.id) ? made.id : d.nextId(), made.title, s);
    if (made.status) issue.status = made.status;
    if (made.estimate) issue.estimate = made.estimate;
    if (made.owners.length) issue.lane = d.laneFor(made.owners[0]);
    if (made.owners.length > 1) issue.notes.push(`Owners: ${made.owners.join(', ')}`);
    issue.labels.push(...made.labels);
    if (made.link) issue.link = made.link;
    if (li.more.length) issue.notes.push(li.more.join(' '));
    d.lastItem = { issue, depth: li.depth };
    return true;
  }
  if (li) d.lastItem = null;
  // "Features required before the 0.2 release:" says what the list after it holds.
  if (!li && !l.cont && /:\s*$/.test(t)) d.intro = { plan: readsAsPlan(t) && !isAside(t) };
  if (d.section() !== d.root && !d.section().hasIssues && BULLET.test(l.text)) {
    d.section().held.push({ line: l.line, text: t });
    return true;
  }
  return false;
}
