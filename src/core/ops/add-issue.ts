// `add-issue`: a new issue, appended, or placed before another (`before`). The inverse of a
// removal carries the removed item's own text (`source`), which goes back where it was.
import type { IssueData, PlanData } from '../plan/model.js';
import { Issue as IssueSchema } from '../plan/schema.js';
import { checkLane, checkStatus, issueIndex, OpError, shareIndex } from './data.js';
import { diffText, EditError } from './diff-text.js';
import { insertItem, layoutOf, leadingComments } from './item-text.js';
import { WHOLE_ISSUE, type OpDef } from './types.js';

function addIssue(data: PlanData, raw: Record<string, unknown>, before: string | undefined): PlanData {
  const parsed = IssueSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new OpError(`bad new issue${first.path.length ? ` (${first.path.join('.')})` : ''}: ${first.message}`);
  }
  const issue = parsed.data;
  const issues = data.issues ?? [];
  const index = issueIndex(issues);
  if (index.has(issue.id)) throw new OpError(`issue "${issue.id}" already exists`);
  if (issue.status !== undefined) checkStatus(data, issue.status);
  if (issue.lane !== undefined) checkLane(data, issue.lane);
  // A `before` that is gone (removed meanwhile) appends: the issue itself matters more than its place.
  const at = before === undefined ? undefined : index.get(before);
  if (at === undefined) {
    const copy = [...issues, issue];
    const next = new Map(index);
    next.set(issue.id, issues.length);
    shareIndex(copy, next);
    return { ...data, issues: copy };
  }
  return { ...data, issues: [...issues.slice(0, at), issue, ...issues.slice(at)] };
}

/**
 * Where a new issue of `group` goes in the file: before the issue that follows the group's last
 * one, so a plan written by phase stays so (undefined appends). The board and the CLI both ask.
 */
export function placeInGroup(data: PlanData, group: string | null | undefined): string | undefined {
  const issues = data.issues ?? [];
  let last = -1;
  if (group) issues.forEach((x, n) => x.group === group && (last = n));
  return last >= 0 && last + 1 < issues.length ? issues[last + 1].id : undefined;
}

export const addIssueOp: OpDef<'add-issue'> = {
  kind: 'add-issue',
  apply: (data, op) => addIssue(data, op.issue, op.before),
  text: (text, before, op) => {
    const after = addIssueOp.apply(before, op);
    const issues = after.issues!;
    const at = issues.findIndex((i) => i.id === String(op.issue.id));
    const layout = layoutOf(text);
    if (op.source !== undefined && (!layout || layout.scan.starts.length === (before.issues ?? []).length)) {
      const put = insertItem(text, op.source.text, at, op.source.gapBelow, false);
      if (put !== undefined) return put;
    }
    if (at === issues.length - 1) return undefined; // appended: the diff writes it in the file's style
    const refuse = () => {
      throw new EditError(`cannot place ${op.issue.id} before ${op.before} without disturbing other lines`);
    };
    // Written by the diff as the last item, then its lines moved up to their place.
    const appended: PlanData = { ...before, issues: [...(before.issues ?? []), issues[at] as IssueData] };
    // (On the text with a final line break, so the new item's lines come out whole.)
    const whole = text === '' || text.endsWith('\n') ? text : text + (text.includes('\r\n') ? '\r\n' : '\n');
    const withIt = diffText(whole, before, appended);
    const l2 = layoutOf(withIt);
    if (!l2) return refuse();
    const last = l2.scan.starts.length - 1;
    const from = l2.scan.starts[last];
    const body = withIt.slice(from, l2.bodyEnd(last));
    if (withIt.slice(0, from) + withIt.slice(l2.bodyEnd(last)) !== whole) return refuse();
    // Above the comment that heads the next item ("# phase two"): it stays with what it names.
    return insertItem(text, body, at, leadingComments(text, at), true) ?? refuse();
  },
  target: (op) => String(op.issue.id),
  fields: () => [WHOLE_ISSUE],
  inverse: (op) => [{ kind: 'remove-issue', id: String(op.issue.id) }],
  describe: (op) => `added ${op.issue.id} "${op.issue.title}"`,
  needsPlanCheck: () => true,
};
